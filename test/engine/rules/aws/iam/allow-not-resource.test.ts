import { ruleTester } from '../../../../helpers/rule-tester';

const pol = (stmt: string) => `resource "aws_iam_policy" "p" {\n  name = "p"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [${stmt}]\n  })\n}\n`;

ruleTester('aws-iam-allow-not-resource', {
  valid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::b/*" }') },
    { name: 'Deny with NotResource', format: 'terraform', code: pol('{ Effect = "Deny", Action = ["s3:*"], NotResource = ["arn:aws:s3:::b/*"] }') },
    { name: '"*" with NotResource is the admin rule\'s', format: 'terraform', code: pol('{ Effect = "Allow", Action = "*", NotResource = ["arn:aws:s3:::b/*"] }') },
  ],
  invalid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Action = ["s3:GetObject"], NotResource = ["arn:aws:s3:::secret/*"] }'), errors: [{ line: 5, column: 80, message: /NotResource/ }], output: null },
    { format: 'cloudformation', code: 'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            NotResource: arn:aws:s3:::secret/*\n', errors: [{ line: 9, column: 26 }] },
  ],
});
