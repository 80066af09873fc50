import { ruleTester } from '../../../../helpers/rule-tester';

const pol = (stmt: string) => `resource "aws_iam_policy" "p" {\n  name = "p"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [${stmt}]\n  })\n}\n`;

ruleTester('aws-iam-allow-not-action', {
  valid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }') },
    { name: 'Deny with NotAction is a guardrail', format: 'terraform', code: pol('{ Effect = "Deny", NotAction = ["iam:*"], Resource = "*" }') },
    { name: 'unknown effect', format: 'terraform', code: pol('{ Effect = var.e, NotAction = ["iam:*"], Resource = "*" }'), files: { 'v.tf': 'variable "e" {}\n' } },
  ],
  invalid: [
    { name: 'on every resource', format: 'terraform', code: pol('{ Effect = "Allow", NotAction = ["iam:*"], Resource = "*" }'), errors: [{ line: 5, column: 51, severity: 'high', message: /every resource/ }], output: null },
    { name: 'on named resources', format: 'terraform', code: pol('{ Effect = "Allow", NotAction = ["s3:DeleteObject"], Resource = "arn:aws:s3:::b/*" }'), errors: [{ line: 5, severity: 'medium' }] },
    {
      name: 'policy document data source',
      format: 'terraform',
      code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    not_actions = ["iam:*"]\n    resources   = ["*"]\n  }\n}\n\nresource "aws_iam_role_policy" "p" {\n  role   = "r"\n  policy = data.aws_iam_policy_document.d.json\n}\n',
      errors: [{ line: 10, relatedLines: [3, 1] }],
    },
    { format: 'cloudformation', code: 'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            NotAction: iam:*\n            Resource: "*"\n', errors: [{ line: 8, column: 24 }] },
  ],
});
