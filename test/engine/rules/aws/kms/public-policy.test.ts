import { ruleTester } from '../../../../helpers/rule-tester';

const key = (statement: string) => `resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [${statement}]\n  })\n}\n`;

ruleTester('aws-kms-public-policy', {
  valid: [
    { format: 'terraform', code: key('{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }') },
    { name: 'condition', format: 'terraform', code: key('{ Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:Decrypt", Resource = "*", Condition = { StringEquals = { "kms:CallerAccount" = "111122223333" } } }') },
    { name: 'deny', format: 'terraform', code: key('{ Effect = "Deny", Principal = "*", Action = "kms:*", Resource = "*" }') },
    { name: 'no policy: the default key policy', format: 'terraform', code: 'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n}\n' },
    { name: 'unknown policy', format: 'terraform', code: 'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n  policy              = data.aws_iam_policy_document.p.json\n}\n' },
  ],
  invalid: [
    { format: 'terraform', code: key('{ Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:*", Resource = "*" }'), errors: [{ line: 5, column: 58, message: /anyone \(Principal "\*"\) kms:\* on this key/ }], output: null },
    {
      name: 'aws_kms_key_policy',
      format: 'terraform',
      code: 'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n}\n\nresource "aws_kms_key_policy" "data" {\n  key_id = aws_kms_key.data.id\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:Decrypt", Resource = "*" }]\n  })\n}\n',
      errors: [{ line: 8, column: 50 }],
    },
    {
      format: 'cloudformation',
      code: 'Resources:\n  Data:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      KeyPolicy:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: "*"\n            Action: kms:Decrypt\n            Resource: "*"\n',
      errors: [{ line: 11, column: 20 }],
    },
  ],
});
