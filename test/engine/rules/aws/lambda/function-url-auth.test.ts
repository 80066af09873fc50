import { ruleTester } from '../../../../helpers/rule-tester';

const u = (auth: string) => `resource "aws_lambda_function_url" "u" {\n  function_name      = "f"\n  authorization_type = ${auth}\n}\n`;

ruleTester('aws-lambda-function-url-auth', {
  valid: [
    { format: 'terraform', code: u('"AWS_IAM"') },
    { name: 'unknown', format: 'terraform', code: u('var.auth'), files: { 'v.tf': 'variable "auth" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  U:\n    Type: AWS::Lambda::Url\n    Properties:\n      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:f\n      AuthType: AWS_IAM\n' },
  ],
  invalid: [
    { format: 'terraform', code: u('"NONE"'), errors: [{ line: 3, column: 24, message: /"NONE"/ }], output: null },
    { name: 'from a variable default', format: 'terraform', code: 'variable "auth" {\n  default = "NONE"\n}\n\n' + u('var.auth'), errors: [{ line: 7, relatedLines: [2] }] },
    { format: 'cloudformation', code: 'Resources:\n  U:\n    Type: AWS::Lambda::Url\n    Properties:\n      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:f\n      AuthType: NONE\n', errors: [{ line: 6, column: 17 }] },
  ],
});
