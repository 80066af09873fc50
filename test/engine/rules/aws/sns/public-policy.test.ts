import { ruleTester } from '../../../../helpers/rule-tester';

const pol = (statement: string) => `resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n\nresource "aws_sns_topic_policy" "alerts" {\n  arn = aws_sns_topic.alerts.arn\n  policy = jsonencode({\n    Statement = [${statement}]\n  })\n}\n`;

ruleTester('aws-sns-public-policy', {
  valid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = "sns:Publish", Resource = "*" }') },
    { name: 'condition', format: 'terraform', code: pol('{ Effect = "Allow", Principal = "*", Action = "sns:Publish", Resource = "*", Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } } }') },
    { name: 'unknown principal', format: 'terraform', code: pol('{ Effect = "Allow", Principal = { AWS = var.who }, Action = "sns:Publish", Resource = "*" }'), files: { 'v.tf': 'variable "who" {\n  type = string\n}\n' } },
  ],
  invalid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Principal = "*", Action = "sns:Publish", Resource = "*" }'), errors: [{ line: 8, column: 50, message: /sns:Publish on this topic/ }] },
    {
      name: 'policy on the topic itself',
      format: 'terraform',
      code: 'resource "aws_sns_topic" "alerts" {\n  name   = "alerts"\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sns:Subscribe", Resource = "*" }] })\n}\n',
      errors: [{ line: 3, column: 78 }],
    },
    {
      format: 'cloudformation',
      code: 'Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n  AlertsPolicy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics:\n        - !Ref Alerts\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: sns:Subscribe\n            Resource: !Ref Alerts\n',
      errors: [{ line: 12, column: 24 }],
    },
  ],
});
