import { ruleTester } from '../../../../helpers/rule-tester';

const f = (rt: string) => `resource "aws_lambda_function" "f" {\n  function_name = "f"\n  runtime       = ${rt}\n}\n`;

ruleTester('aws-lambda-deprecated-runtime', {
  valid: [
    { format: 'terraform', code: f('"python3.13"') },
    { name: 'container image: no runtime', format: 'terraform', code: 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  package_type  = "Image"\n  image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/f:1"\n}\n' },
    { name: 'unknown', format: 'terraform', code: f('var.rt'), files: { 'v.tf': 'variable "rt" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs22.x\n' },
  ],
  invalid: [
    { format: 'terraform', code: f('"python3.8"'), errors: [{ line: 3, column: 19, message: /deprecated on 2024-10-14/, severity: 'medium' }], output: null },
    { name: 'past its projected date', format: 'terraform', code: f('"nodejs20.x"'), errors: [{ line: 3, severity: 'low', message: /scheduled for deprecation on 2026-04-30/ }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "rt" {\n  default = "go1.x"\n}\n\n' + f('var.rt'), errors: [{ line: 7, relatedLines: [2] }] },
    { name: 'SAM', format: 'cloudformation', code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs16.x\n      CodeUri: src/\n', errors: [{ line: 6, column: 16 }] },
  ],
});
