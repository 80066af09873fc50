import { ruleTester } from '../../../../helpers/rule-tester';

const pol = (stmt: string) => `resource "aws_iam_policy" "p" {\n  name = "p"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [${stmt}]\n  })\n}\n`;

ruleTester('aws-iam-wildcard-admin', {
  valid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }') },
    { name: 'Deny * on *', format: 'terraform', code: pol('{ Effect = "Deny", Action = "*", Resource = "*" }') },
    { name: 'scoped resource', format: 'terraform', code: pol('{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::b/*" }') },
    { name: 'unknown action', format: 'terraform', code: pol('{ Effect = "Allow", Action = var.a, Resource = "*" }'), files: { 'v.tf': 'variable "a" {}\n' } },
    { name: 'policy from an unknown source', format: 'terraform', code: 'resource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = file("${path.module}/missing.json")\n}\n' },
  ],
  invalid: [
    { name: 'jsonencode', format: 'terraform', code: pol('{ Effect = "Allow", Action = "*", Resource = "*" }'), errors: [{ line: 5, column: 47, message: /administrator/ }], output: null },
    { name: 'heredoc JSON', format: 'terraform', code: 'resource "aws_iam_role_policy" "p" {\n  role   = "r"\n  policy = <<EOF\n{\n  "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": "*"}]\n}\nEOF\n}\n', errors: [{ line: 5, column: 48 }] },
    { name: 'policy document data source', format: 'terraform', code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n\nresource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = data.aws_iam_policy_document.d.json\n}\n', errors: [{ line: 10, column: 12, relatedLines: [3, 1] }] },
    { name: 'role inline policy', format: 'terraform', code: 'resource "aws_iam_role" "r" {\n  assume_role_policy = "{}"\n  inline_policy {\n    name   = "all"\n    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*:*", Resource = "*" }] })\n  }\n}\n', errors: [{ line: 5 }] },
    { name: 'CloudFormation role', format: 'cloudformation', code: 'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n      Policies:\n        - PolicyName: all\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: "*"\n                Resource: "*"\n', errors: [{ line: 11, column: 25 }] },
  ],
});
