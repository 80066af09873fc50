import { ruleTester } from '../../../../helpers/rule-tester';

const f = (extra: string) => `resource "aws_lambda_function" "f" {\n  function_name = "f"\n  runtime       = "python3.13"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n${extra}`;
const sam = (extra: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      CodeUri: src/\n${extra}`;

ruleTester('aws-lambda-xray-tracing', {
  valid: [
    { format: 'terraform', code: f('  tracing_config {\n    mode = "Active"\n  }\n') },
    { name: 'unknown', format: 'terraform', code: f('  tracing_config {\n    mode = var.mode\n  }\n'), files: { 'v.tf': 'variable "mode" {}\n' } },
    { format: 'cloudformation', code: cfn('      TracingConfig:\n        Mode: Active\n') },
    { name: 'SAM Tracing', format: 'cloudformation', code: sam('      Tracing: Active\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: f(''), errors: [{ line: 1, message: /not set/ }], output: f('  tracing_config {\n    mode = "Active"\n  }\n') },
    { name: 'PassThrough', format: 'terraform', code: f('  tracing_config {\n    mode = "PassThrough"\n  }\n'), errors: [{ line: 5, column: 12 }], output: f('  tracing_config {\n    mode = "Active"\n  }\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "mode" {\n  default = "PassThrough"\n}\n\n' + f('  tracing_config {\n    mode = var.mode\n  }\n'), errors: [{ line: 9, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }], output: cfn('      TracingConfig:\n        Mode: Active\n') },
    { name: 'SAM omitted: no fix (SAM spells it Tracing)', format: 'cloudformation', code: sam(''), errors: [{ line: 3 }], output: null },
    { name: 'SAM PassThrough', format: 'cloudformation', code: sam('      Tracing: PassThrough\n'), errors: [{ line: 8, column: 16 }], output: sam('      Tracing: Active\n') },
  ],
});
