import { ruleTester } from '../../../../helpers/rule-tester';

const trail = (extra: string) => `resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-trail"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n${extra}`;
const GROUP = 'arn:aws:logs:eu-west-1:111122223333:log-group:cloudtrail:*';
const ROLE = 'arn:aws:iam::111122223333:role/cloudtrail-to-logs';

ruleTester('aws-cloudtrail-cloudwatch-logs', {
  valid: [
    { format: 'terraform', code: trail(`  cloud_watch_logs_group_arn = "${GROUP}"\n  cloud_watch_logs_role_arn  = "${ROLE}"\n`) },
    {
      name: 'log group from another resource',
      format: 'terraform',
      code: trail('  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\n  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn\n') + '\nresource "aws_cloudwatch_log_group" "trail" {\n  name              = "cloudtrail"\n  retention_in_days = 365\n}\n',
    },
    { name: 'unknown variable', format: 'terraform', code: trail('  cloud_watch_logs_group_arn = var.group\n  cloud_watch_logs_role_arn  = var.role\n'), files: { 'v.tf': 'variable "group" {}\nvariable "role" {}\n' } },
    { format: 'cloudformation', code: cfn(`      CloudWatchLogsLogGroupArn: ${GROUP}\n      CloudWatchLogsRoleArn: ${ROLE}\n`) },
    { name: 'CloudFormation GetAtt', format: 'cloudformation', code: cfn('      CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn\n      CloudWatchLogsRoleArn: !GetAtt Role.Arn\n') + '  Logs:\n    Type: AWS::Logs::LogGroup\n  Role:\n    Type: AWS::IAM::Role\n' },
    { name: 'CloudFormation parameter without default', format: 'cloudformation', code: 'Parameters:\n  Group:\n    Type: String\n' + cfn('      CloudWatchLogsLogGroupArn: !Ref Group\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: trail(''), errors: [{ line: 1, column: 1, message: /cloud_watch_logs_group_arn is not set/, severity: 'low' }], output: null },
    { name: 'empty string from a variable default', format: 'terraform', code: 'variable "group" {\n  default = ""\n}\n\n' + trail('  cloud_watch_logs_group_arn = var.group\n'), errors: [{ line: 8, column: 32, relatedLines: [2] }], output: null },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3, message: /CloudWatchLogsLogGroupArn is not set/ }], output: null },
  ],
});
