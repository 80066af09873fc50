import type { logGroup } from '../../../model/aws/cloudwatch';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type LogGroup = KindResource<typeof logGroup.fields>;

export default defineRule({
  meta: {
    id: 'aws-cloudwatch-log-kms',
    provider: 'aws',
    service: 'cloudwatch',
    severity: 'low',
    title: 'CloudWatch log group is not encrypted with a KMS key you control',
    explanation:
      'CloudWatch Logs always encrypts log data at rest with keys it manages, but only a customer managed KMS key lets you restrict, audit and revoke who can decrypt logs that may hold personal data or secrets. AWS provides both options; choosing the key is your decision.',
    resolution: 'Set kms_key_id (CloudFormation: KmsKeyId) to a customer managed key whose key policy allows the logs.<region>.amazonaws.com service principal to use it for this log group.',
    links: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_cloudwatch_log_group', 'AWS::Logs::LogGroup'] },
    controls: [],
    equivalents: { checkov: ['CKV_AWS_158'], kics: ['0afbcfe9-d341-4b92-a64c-7e6de0543879'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/web"\n  retention_in_days = 365\n}\n' }],
        good: [{ code: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/web"\n  retention_in_days = 365\n  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n      KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n' }],
      },
    },
  },
  check(ctx) {
    for (const g of ctx.resources<LogGroup>('aws.cloudwatch.log-group')) {
      const v = g.f.kmsKeyId;
      if (v.origin !== 'default' && !(v.origin !== 'unknown' && v.value === '')) continue;
      const name = g.source.format === 'terraform' ? 'kms_key_id' : 'KmsKeyId';
      ctx.report({ resource: g, value: v, message: `${name} is not set: log data is encrypted only with CloudWatch Logs' own keys, outside your key policies` });
    }
  },
});
