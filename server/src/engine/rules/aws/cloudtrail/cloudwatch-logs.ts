import type { trail } from '../../../model/aws/cloudtrail';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Trail = KindResource<typeof trail.fields>;

export default defineRule({
  meta: {
    id: 'aws-cloudtrail-cloudwatch-logs',
    provider: 'aws',
    service: 'cloudtrail',
    severity: 'low',
    title: 'CloudTrail trail does not send events to CloudWatch Logs',
    explanation:
      'A trail that only writes to S3 keeps the record, but nothing watches it as it arrives: root sign-ins, policy changes or a disabled trail are noticed only when someone reads the files. CloudTrail streams events to CloudWatch Logs, where metric filters and alarms can react within minutes, only when you give it a log group and a role.',
    resolution:
      'Create a CloudWatch Logs group and an IAM role that cloudtrail.amazonaws.com can assume with logs:CreateLogStream and logs:PutLogEvents on it, then set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn (CloudFormation: CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn). No quick fix is offered because both resources have to exist first.',
    links: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-5'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_cloudtrail', 'AWS::CloudTrail::Trail'] },
    controls: ['aws-fsbp:CloudTrail.5'],
    equivalents: { checkov: ['CKV2_AWS_10'], trivy: ['aws-cloudtrail-ensure-cloudwatch-integration'], kics: ['17b30f8f-8dfb-4597-adf6-57600b6cf25e', '65d07da5-9af5-44df-8983-52d2e6f24c44'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_cloudtrail" "main" {\n  name                  = "main"\n  s3_bucket_name        = "acme-trail"\n  is_multi_region_trail = true\n}\n' }],
        good: [
          {
            code: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = "acme-trail"\n  is_multi_region_trail      = true\n  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\n  cloud_watch_logs_role_arn  = aws_iam_role.trail_logs.arn\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Main:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: acme-trail\n      IsLogging: true\n      IsMultiRegionTrail: true\n' }],
        good: [
          {
            code: 'Resources:\n  Main:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: acme-trail\n      IsLogging: true\n      IsMultiRegionTrail: true\n      CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:cloudtrail:*\n      CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/cloudtrail-to-logs\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    for (const t of ctx.resources<Trail>('aws.cloudtrail.trail')) {
      const v = t.f.cloudWatchLogsGroupArn;
      // An empty string is how modules commonly spell "no log group".
      const absent = v.origin === 'default' || (v.origin !== 'unknown' && v.value?.trim() === '');
      if (!absent) continue;
      const name = t.source.format === 'terraform' ? 'cloud_watch_logs_group_arn' : 'CloudWatchLogsLogGroupArn';
      ctx.report({ resource: t, value: v, message: `${name} is not set: events go only to S3, where no metric filter or alarm can react to them` });
    }
  },
});
