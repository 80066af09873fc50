import { ruleTester } from '../../../../helpers/rule-tester';

const pol = (stmt: string) => `resource "aws_iam_role_policy" "p" {\n  role = "r"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [${stmt}]\n  })\n}\n`;

ruleTester('aws-iam-pass-role-all', {
  valid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::111122223333:role/app" }') },
    { name: 'conditioned', format: 'terraform', code: pol('{ Effect = "Allow", Action = "iam:PassRole", Resource = "*", Condition = { StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } } }') },
    { name: '"*" is the admin rule\'s', format: 'terraform', code: pol('{ Effect = "Allow", Action = "*", Resource = "*" }') },
    { name: 'NotAction is the NotAction rule\'s', format: 'terraform', code: pol('{ Effect = "Allow", NotAction = "s3:*", Resource = "*" }') },
    { name: 'unknown action', format: 'terraform', code: pol('{ Effect = "Allow", Action = var.a, Resource = "*" }'), files: { 'v.tf': 'variable "a" {}\n' } },
  ],
  invalid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Action = ["lambda:CreateFunction", "iam:PassRole"], Resource = "*" }'), errors: [{ line: 5, column: 73, message: /^"iam:PassRole" on every resource: any role can be passed/ }], output: null },
    { name: 'iam:*', format: 'terraform', code: pol('{ Effect = "Allow", Action = ["iam:*"], Resource = "*" }'), errors: [{ line: 5, message: /^"iam:\*" on every resource includes iam:PassRole: any role/ }] },
    { name: 'iam:Pass*', format: 'terraform', code: pol('{ Effect = "Allow", Action = "iam:Pass*", Resource = "*" }'), errors: [{ line: 5 }] },
    { format: 'cloudformation', code: 'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iam:PassRole\n            Resource: "*"\n', errors: [{ line: 9, column: 21 }] },
  ],
});
