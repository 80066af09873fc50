import { ruleTester } from '../../../../helpers/rule-tester';

const p = (extra: string) => `resource "aws_lambda_permission" "p" {\n  action        = "lambda:InvokeFunction"\n  function_name = "f"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  P:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: f\n${extra}`;

ruleTester('aws-lambda-public-permission', {
  valid: [
    { name: 'account principal', format: 'terraform', code: p('  principal = "111122223333"\n') },
    { name: 'service with source', format: 'terraform', code: p('  principal  = "events.amazonaws.com"\n  source_arn = "arn:aws:events:eu-west-1:111122223333:rule/nightly"\n') },
    { name: '* within an organization', format: 'terraform', code: p('  principal        = "*"\n  principal_org_id = "o-abc123"\n') },
    { name: 'unknown source', format: 'terraform', code: p('  principal  = "sns.amazonaws.com"\n  source_arn = var.topic\n'), files: { 'v.tf': 'variable "topic" {}\n' } },
    { name: 'unknown principal', format: 'terraform', code: p('  principal = var.who\n'), files: { 'v.tf': 'variable "who" {}\n' } },
    { name: 'public URL permission: the URL rule reports', format: 'terraform', code: 'resource "aws_lambda_permission" "url" {\n  action                 = "lambda:InvokeFunctionUrl"\n  function_name          = "f"\n  principal              = "*"\n  function_url_auth_type = "NONE"\n}\n' },
    { format: 'cloudformation', code: cfn('      Principal: s3.amazonaws.com\n      SourceAccount: "111122223333"\n') },
  ],
  invalid: [
    { name: 'anyone', format: 'terraform', code: p('  principal = "*"\n'), errors: [{ line: 4, column: 15, severity: 'critical', message: /every AWS account/ }], output: null },
    { name: 'service without source', format: 'terraform', code: p('  principal = "s3.amazonaws.com"\n'), errors: [{ line: 4, severity: 'medium', message: /source_arn/ }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "who" {\n  default = "*"\n}\n\n' + p('  principal = var.who\n'), errors: [{ line: 8, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      Principal: "*"\n'), errors: [{ line: 7, column: 18, severity: 'critical' }] },
  ],
});
