import { ruleTester } from '../../../../helpers/rule-tester';

const pol = (stmt: string) => `resource "aws_iam_role_policy" "ci" {\n  role = "ci"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [${stmt}]\n  })\n}\n`;

ruleTester('aws-iam-broad-run-instances', {
  valid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Action = "ec2:Describe*", Resource = "*" }') },
    { name: 'conditioned', format: 'terraform', code: pol('{ Effect = "Allow", Action = "ec2:RunInstances", Resource = "*", Condition = { StringEquals = { "ec2:InstanceType" = "t3.micro" } } }') },
    { name: "* alone is the admin rule's", format: 'terraform', code: pol('{ Effect = "Allow", Action = "*", Resource = "*" }') },
    { name: 'NotAction is aws-iam-allow-not-action\'s', format: 'terraform', code: pol('{ Effect = "Allow", NotAction = ["iam:*"], Resource = "*" }') },
    { name: 'unknown resource', format: 'terraform', code: pol('{ Effect = "Allow", Action = "ec2:RunInstances", Resource = var.r }'), files: { 'v.tf': 'variable "r" {}\n' } },
  ],
  invalid: [
    { name: 'ec2:*', format: 'terraform', code: pol('{ Effect = "Allow", Action = ["ec2:*"], Resource = "*" }'), errors: [{ line: 5, column: 48, message: /^"ec2:\*" on every resource includes ec2:RunInstances: instances can be launched without limits/ }], output: null },
    { name: 'ec2:Run*', format: 'terraform', code: pol('{ Effect = "Allow", Action = ["ec2:Run*"], Resource = "*" }'), errors: [{ line: 5 }] },
    { name: 'CloudFormation', format: 'cloudformation', code: 'Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: ec2:RunInstances\n            Resource: "*"\n', errors: [{ line: 9, column: 21 }] },
  ],
});
