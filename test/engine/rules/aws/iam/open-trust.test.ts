import { ruleTester } from '../../../../helpers/rule-tester';

const role = (stmt: string) => `resource "aws_iam_role" "r" {\n  name = "r"\n  assume_role_policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [${stmt}]\n  })\n}\n`;

ruleTester('aws-iam-open-trust', {
  valid: [
    { format: 'terraform', code: role('{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }') },
    { name: 'conditioned', format: 'terraform', code: role('{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole", Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } } }') },
    { name: 'unknown principal', format: 'terraform', code: role('{ Effect = "Allow", Principal = { AWS = var.p }, Action = "sts:AssumeRole" }'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: arn:aws:iam::444455556666:root\n            Action: sts:AssumeRole\n' },
  ],
  invalid: [
    { format: 'terraform', code: role('{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }'), errors: [{ line: 5, column: 58, severity: 'critical' }], output: null },
    { name: 'Principal "*" with sts:*', format: 'terraform', code: role('{ Effect = "Allow", Principal = "*", Action = "sts:*" }'), errors: [{ line: 5 }] },
    { format: 'cloudformation', code: 'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: sts:AssumeRole\n', errors: [{ line: 8, column: 24 }] },
  ],
});
