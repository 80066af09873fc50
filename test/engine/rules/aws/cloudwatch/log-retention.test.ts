import { ruleTester } from '../../../../helpers/rule-tester';

const lg = (extra: string) => `resource "aws_cloudwatch_log_group" "app" {\n  name = "/app/web"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  App:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: /app/web\n${extra}`;

ruleTester('aws-cloudwatch-log-retention', {
  valid: [
    { name: 'omitted: never expires', format: 'terraform', code: lg('') },
    { name: '0: never expires', format: 'terraform', code: lg('  retention_in_days = 0\n') },
    { format: 'terraform', code: lg('  retention_in_days = 365\n') },
    { name: 'unknown', format: 'terraform', code: lg('  retention_in_days = var.days\n'), files: { 'v.tf': 'variable "days" {\n  type = number\n}\n' } },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn('') },
    { format: 'cloudformation', code: cfn('      RetentionInDays: 731\n') },
  ],
  invalid: [
    { format: 'terraform', code: lg('  retention_in_days = 30\n'), errors: [{ line: 3, column: 23, message: /retention_in_days is 30/ }], output: lg('  retention_in_days = 365\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "days" {\n  default = 90\n}\n\n' + lg('  retention_in_days = var.days\n'), errors: [{ line: 7, column: 23, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      RetentionInDays: 7\n'), errors: [{ line: 6, column: 24 }], output: cfn('      RetentionInDays: 365\n') },
  ],
});
