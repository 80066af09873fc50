import { ruleTester } from '../../../../helpers/rule-tester';

const pol = (stmt: string) => `resource "aws_iam_policy" "p" {\n  name = "p"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [${stmt}]\n  })\n}\n`;

ruleTester('aws-iam-service-wildcard', {
  valid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Action = ["s3:GetObject", "s3:List*"], Resource = "*" }') },
    { name: 'Deny', format: 'terraform', code: pol('{ Effect = "Deny", Action = ["s3:*"], Resource = "*" }') },
    { name: '"*" is the admin rule\'s', format: 'terraform', code: pol('{ Effect = "Allow", Action = "*", Resource = "*" }') },
    { name: 'ec2:* on * is the RunInstances rule\'s', format: 'terraform', code: pol('{ Effect = "Allow", Action = "ec2:*", Resource = "*" }') },
    { name: 'iam:* on * is the PassRole rule\'s', format: 'terraform', code: pol('{ Effect = "Allow", Action = "iam:*", Resource = "*" }') },
  ],
  invalid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }'), errors: [{ line: 5, column: 48, message: /every current and future s3 action/ }], output: null },
    { name: 'scoped resource still grants every action', format: 'terraform', code: pol('{ Effect = "Allow", Action = ["dynamodb:*", "sqs:*"], Resource = "arn:aws:dynamodb:eu-west-1:111122223333:table/t" }'), errors: [{ line: 5 }, { line: 5 }] },
    { name: 'ec2:* on a scoped resource', format: 'terraform', code: pol('{ Effect = "Allow", Action = ["ec2:*"], Resource = "arn:aws:ec2:*:*:instance/i-1" }'), errors: [{ line: 5 }] },
    { format: 'cloudformation', code: 'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: [logs:*]\n            Resource: "*"\n', errors: [{ line: 8, column: 22 }] },
  ],
});
