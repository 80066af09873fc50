import { trail } from '../../../model/aws/cloudtrail';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-cloudtrail-log-validation',
    provider: 'aws',
    service: 'cloudtrail',
    severity: 'low',
    title: 'CloudTrail log file validation is off',
    explanation:
      'Without digest files nobody can prove that delivered CloudTrail logs were not modified or deleted afterwards, for example by an intruder covering their tracks. Turning validation on is your setting.',
    resolution: 'Set enable_log_file_validation = true (CloudFormation: EnableLogFileValidation: true).',
    links: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-4'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_cloudtrail', 'AWS::CloudTrail::Trail'] },
    controls: ['aws-fsbp:CloudTrail.4', 'cis-aws-v5:3.2'],
    equivalents: { checkov: ['CKV_AWS_36'], trivy: ['AVD-AWS-0016', 'aws-cloudtrail-enable-log-validation'], kics: ['52ffcfa6-6c70-4ea6-8376-d828d3961669', '2a3560fe-52ca-4443-b34f-bf0ed5eb74c8'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_cloudtrail" "main" {\n  name                  = "main"\n  s3_bucket_name        = "acme-trail"\n  is_multi_region_trail = true\n}\n' }],
        good: [{ code: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = "acme-trail"\n  is_multi_region_trail      = true\n  enable_log_file_validation = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Main:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: acme-trail\n      IsLogging: true\n      IsMultiRegionTrail: true\n' }],
        good: [{ code: 'Resources:\n  Main:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: acme-trail\n      IsLogging: true\n      IsMultiRegionTrail: true\n      EnableLogFileValidation: true\n' }],
      },
    },
  },
  kind: trail,
  field: 'logFileValidation',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'tampering with delivered log files cannot be detected',
});
