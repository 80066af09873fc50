import { logGroup } from '../../../model/aws/cloudwatch';
import { attributeRule } from '../../factory';

// Security Hub's CloudWatch.16 passes from 365 days (its minRetentionTime default); "never expire" passes too.
const MIN_DAYS = 365;

export default attributeRule({
  meta: {
    id: 'aws-cloudwatch-log-retention',
    provider: 'aws',
    service: 'cloudwatch',
    severity: 'low',
    title: 'CloudWatch log group keeps events for less than a year',
    explanation:
      'Intrusions are often discovered months after they began; a log group that expires events sooner than a year may have deleted the evidence by the time an investigation needs it. CloudWatch Logs deletes events exactly when told to; the retention period is your decision.',
    resolution: 'Set retention_in_days (CloudFormation: RetentionInDays) to 365 or more, or export older events to S3 before they expire.',
    links: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-16'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_cloudwatch_log_group', 'AWS::Logs::LogGroup'] },
    controls: ['aws-securityhub:CloudWatch.16'],
    equivalents: { checkov: ['CKV_AWS_338'], kics: ['ef0b316a-211e-42f1-888e-64efe172b755'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/web"\n  retention_in_days = 30\n}\n' }],
        good: [
          { code: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/web"\n  retention_in_days = 365\n}\n' },
          { code: 'resource "aws_cloudwatch_log_group" "app" {\n  name = "/app/web"\n}\n', note: 'omitted: events never expire' },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 7\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 400\n' }],
      },
    },
  },
  kind: logGroup,
  field: 'retentionDays',
  // Terraform's 0 means "never expire".
  insecure: (v) => v > 0 && v < MIN_DAYS,
  fix: MIN_DAYS,
  consequence: 'events are deleted before a year has passed',
});
