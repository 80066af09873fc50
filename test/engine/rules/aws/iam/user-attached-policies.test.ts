import { ruleTester } from '../../../../helpers/rule-tester';

ruleTester('aws-iam-user-attached-policies', {
  valid: [
    { format: 'terraform', code: 'resource "aws_iam_group_policy_attachment" "g" {\n  group      = "readers"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n' },
    { name: 'shared attachment to groups only', format: 'terraform', code: 'resource "aws_iam_policy_attachment" "a" {\n  name       = "a"\n  groups     = ["readers"]\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n' },
    { format: 'cloudformation', code: 'Resources:\n  U:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [readers]\n' },
  ],
  invalid: [
    { name: 'attachment', format: 'terraform', code: 'resource "aws_iam_user_policy_attachment" "a" {\n  user       = "alice"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n', errors: [{ line: 1, message: /^A managed policy is attached to a user directly: grant/ }], output: null },
    { name: 'inline user policy', format: 'terraform', code: 'resource "aws_iam_user_policy" "p" {\n  user = "alice"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]\n  })\n}\n', errors: [{ line: 1, message: /^An inline policy grants permissions to this user directly: grant permissions to a group or role instead/ }] },
    { name: 'shared attachment with users', format: 'terraform', code: 'resource "aws_iam_policy_attachment" "a" {\n  name       = "a"\n  users      = ["alice"]\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n', errors: [{ line: 3, column: 16 }] },
    { name: 'CloudFormation managed and inline', format: 'cloudformation', code: 'Resources:\n  U:\n    Type: AWS::IAM::User\n    Properties:\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/ReadOnlyAccess\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: s3:GetObject\n                Resource: "*"\n', errors: [{ line: 6 }, { line: 8 }] },
    { name: 'CloudFormation policy naming users', format: 'cloudformation', code: 'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      Users: [alice]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: "*"\n', errors: [{ line: 5, column: 14 }] },
  ],
});
