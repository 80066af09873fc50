import { ruleTester } from '../../../../helpers/rule-tester';

const f = (vars: string) => `resource "aws_lambda_function" "f" {\n  function_name = "f"\n  runtime       = "python3.13"\n\n  environment {\n    variables = {\n${vars}    }\n  }\n}\n`;
const cfn = (vars: string) => `Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Environment:\n        Variables:\n${vars}`;

ruleTester('aws-lambda-environment-secrets', {
  valid: [
    { name: 'ordinary settings', format: 'terraform', code: f('      LOG_LEVEL  = "debug"\n      TOKEN_TTL  = "3600"\n      TABLE_NAME = "orders"\n') },
    { name: 'pointers to a secret store', format: 'terraform', code: f('      DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"\n      API_KEY_PARAM          = "/prod/api-key"\n      DB_PASSWORD            = "arn:aws:ssm:eu-west-1:111122223333:parameter/db"\n') },
    { name: 'references', format: 'terraform', code: f('      DB_PASSWORD = aws_secretsmanager_secret_version.db.secret_string\n      API_TOKEN   = var.token\n'), files: { 'v.tf': 'variable "token" {}\n' } },
    { name: 'dynamic reference', format: 'cloudformation', code: cfn('          API_TOKEN: "{{resolve:secretsmanager:api-token}}"\n') },
    { name: 'unknown parameter', format: 'cloudformation', code: 'Parameters:\n  Token:\n    Type: String\n    NoEcho: true\n' + cfn('          API_TOKEN: !Ref Token\n') },
  ],
  invalid: [
    { name: 'password literal', format: 'terraform', code: f('      DB_PASSWORD = "s3cr3t-Passw0rd"\n'), errors: [{ line: 7, column: 21, message: /DB_PASSWORD holds a literal value/ }], output: null },
    { name: 'access key id under any name', format: 'terraform', code: f('      KEY = "AKIAIOSFODNN7EXAMPLE"\n'), errors: [{ line: 7, message: /AWS access key id/ }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "token" {\n  default = "ghp_abcdefghijklmnop"\n}\n\n' + f('      GITHUB_TOKEN = var.token\n'), errors: [{ line: 11, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('          STRIPE_API_KEY: sk_live_abcdefghijkl\n          MODE: live\n'), errors: [{ line: 8, column: 27 }] },
    { name: 'CloudFormation parameter default', format: 'cloudformation', code: 'Parameters:\n  Pw:\n    Type: String\n    Default: hunter2-hunter2\n' + cfn('          ADMIN_PASSWORD: !Ref Pw\n'), errors: [{ line: 12, relatedLines: [4] }] },
  ],
});
