import { ruleTester } from '../../../../helpers/rule-tester';

const td = (env: string) => `resource "aws_ecs_task_definition" "app" {\n  family = "app"\n  container_definitions = jsonencode([{\n    name        = "web"\n    image       = "nginx"\n    environment = [${env}]\n  }])\n}\n`;
const cfn = (name: string, value: string) => `Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx\n          Environment:\n            - Name: ${name}\n              Value: ${value}\n`;

ruleTester('aws-ecs-environment-secrets', {
  valid: [
    { name: 'ordinary variable', format: 'terraform', code: td('{ name = "LOG_LEVEL", value = "info" }') },
    { name: 'describes a secret', format: 'terraform', code: td('{ name = "DB_PASSWORD_SECRET_ARN", value = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db" }') },
    { name: 'token URL', format: 'terraform', code: td('{ name = "TOKEN_URL", value = "https://auth.example.com/token" }') },
    { name: 'empty value', format: 'terraform', code: td('{ name = "DB_PASSWORD", value = "" }') },
    { name: 'unknown value', format: 'terraform', code: td('{ name = "DB_PASSWORD", value = var.pw }'), files: { 'v.tf': 'variable "pw" {\n  type      = string\n  sensitive = true\n}\n' } },
    { name: 'reference to a generated password', format: 'terraform', code: td('{ name = "DB_PASSWORD", value = random_password.db.result }') + 'resource "random_password" "db" {\n  length = 24\n}\n' },
    { name: 'placeholder', format: 'cloudformation', code: cfn('DB_PASSWORD', 'changeme') },
  ],
  invalid: [
    { format: 'terraform', code: td('{ name = "LOG_LEVEL", value = "info" }, { name = "DB_PASSWORD", value = "hunter2-prod" }'), errors: [{ line: 6, column: 92, message: /sets DB_PASSWORD as a plain environment variable/ }], output: null },
    { name: 'AWS key variables', format: 'terraform', code: td('{ name = "AWS_SECRET_ACCESS_KEY", value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" }'), errors: [{ line: 6, message: /AWS_SECRET_ACCESS_KEY/ }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "pw" {\n  default = "s3cr3t-value"\n}\n\n' + td('{ name = "API_TOKEN", value = var.pw }'), errors: [{ line: 10, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('STRIPE_SECRET_KEY', 'sk_live_abc123'), errors: [{ line: 10, column: 22 }] },
  ],
});
