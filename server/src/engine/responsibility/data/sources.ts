// Links to AWS documentation. Built from AWS's stable URL patterns so every entry gets a page for its exact type.

export const SRM = 'https://aws.amazon.com/compliance/shared-responsibility-model/';
export const RISK_WHITEPAPER = 'https://docs.aws.amazon.com/whitepapers/latest/aws-risk-and-compliance/shared-responsibility-model.html';
export const LAMBDA_RUNTIME = 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html';
export const LAMBDA_WHITEPAPER = 'https://docs.aws.amazon.com/whitepapers/latest/security-overview-aws-lambda/lambda-functions-and-layers.html';
export const ECS_SRM = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html';
export const EKS_RELIABILITY = 'https://docs.aws.amazon.com/eks/latest/best-practices/reliability.html';
export const EKS_HOSTS = 'https://docs.aws.amazon.com/eks/latest/best-practices/protecting-the-infrastructure.html';
export const RDS_MAINTENANCE = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.html';
export const S3_SSE = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingServerSideEncryption.html';
export const S3_2023 =
  'https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/';
export const S3_BEST_PRACTICES = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html';
export const S3_BPA_API = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetPublicAccessBlock.html';
export const EBS_DEFAULT = 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EnableEbsEncryptionByDefault.html';
export const ELB_ATTRIBUTES =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-elasticloadbalancingv2-loadbalancer-loadbalancerattribute.html';
export const FSBP = 'https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html';
export const CIS = 'https://docs.aws.amazon.com/securityhub/latest/userguide/cis-aws-foundations-benchmark.html';

/** The CloudFormation template reference page of a type: `AWS::S3::Bucket` → `…/aws-resource-s3-bucket.html`. */
export function cfnPage(type: string): string {
  const [, service, resource] = type.split('::');
  return `https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-${(service ?? '').toLowerCase()}-${(resource ?? '').toLowerCase()}.html`;
}

/** Security Hub's control page for a service (`s3` → `…/s3-controls.html`). */
export function controlsPage(service: string): string {
  return `https://docs.aws.amazon.com/securityhub/latest/userguide/${service}-controls.html`;
}

/** Each service's security chapter, where AWS itself draws the line for that service. */
export const SERVICE_SECURITY: Record<string, string> = {
  s3: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security.html',
  ec2: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-security.html',
  ebs: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  vpc: 'https://docs.aws.amazon.com/vpc/latest/userguide/security.html',
  autoscaling: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/security.html',
  elb: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/security.html',
  cloudfront: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/security.html',
  apigateway: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/security.html',
  rds: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.html',
  dynamodb: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/security.html',
  lambda: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-security.html',
  iam: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/security.html',
  kms: 'https://docs.aws.amazon.com/kms/latest/developerguide/security.html',
  cloudtrail: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Security.html',
  cloudwatch: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/security.html',
  sns: 'https://docs.aws.amazon.com/sns/latest/dg/sns-security.html',
  sqs: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security.html',
  ecr: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/security.html',
  ecs: ECS_SRM,
  eks: EKS_HOSTS,
  opensearch: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/security.html',
  redshift: 'https://docs.aws.amazon.com/redshift/latest/mgmt/iam-redshift-user-mgmt.html',
  elasticache: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/encryption.html',
  secretsmanager: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/security.html',
  efs: 'https://docs.aws.amazon.com/efs/latest/ug/security-considerations.html',
  guardduty: 'https://docs.aws.amazon.com/guardduty/latest/ug/what-is-guardduty.html',
  config: 'https://docs.aws.amazon.com/config/latest/developerguide/security.html',
  securityhub: 'https://docs.aws.amazon.com/securityhub/latest/userguide/what-is-securityhub.html',
  waf: 'https://docs.aws.amazon.com/waf/latest/developerguide/security.html',
  ssm: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/security.html',
  backup: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/security-considerations.html',
  route53: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/security.html',
  acm: 'https://docs.aws.amazon.com/acm/latest/userguide/security.html',
  stepfunctions: 'https://docs.aws.amazon.com/step-functions/latest/dg/security.html',
  kinesis: 'https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html',
  firehose: 'https://docs.aws.amazon.com/firehose/latest/dev/security.html',
  msk: 'https://docs.aws.amazon.com/msk/latest/developerguide/security.html',
  sagemaker: 'https://docs.aws.amazon.com/sagemaker/latest/dg/security.html',
  glue: 'https://docs.aws.amazon.com/glue/latest/dg/security.html',
  athena: 'https://docs.aws.amazon.com/athena/latest/ug/security.html',
  emr: 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-security.html',
  elasticbeanstalk: 'https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/security.html',
  appsync: 'https://docs.aws.amazon.com/appsync/latest/devguide/security.html',
  cognito: 'https://docs.aws.amazon.com/cognito/latest/developerguide/security.html',
  macie: 'https://docs.aws.amazon.com/macie/latest/user/what-is-macie.html',
  inspector: 'https://docs.aws.amazon.com/inspector/latest/user/what-is-inspector.html',
  accessanalyzer: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html',
  account: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html',
  docdb: 'https://docs.aws.amazon.com/documentdb/latest/developerguide/security.html',
  events: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-security.html',
};
