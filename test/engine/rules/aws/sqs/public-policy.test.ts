import { ruleTester } from '../../../../helpers/rule-tester';

const pol = (statement: string) => `resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n\nresource "aws_sqs_queue_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.id\n  policy = jsonencode({\n    Statement = [${statement}]\n  })\n}\n`;

ruleTester('aws-sqs-public-policy', {
  valid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "sqs:*", Resource = "*" }') },
    { name: 'condition', format: 'terraform', code: pol('{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*", Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:eu-west-1:111122223333:t" } } }') },
  ],
  invalid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Principal = "*", Action = ["sqs:SendMessage", "sqs:ReceiveMessage"], Resource = "*" }'), errors: [{ line: 8, column: 50, message: /sqs:SendMessage, sqs:ReceiveMessage on this queue/ }] },
    {
      name: 'heredoc JSON on the queue itself',
      format: 'terraform',
      code: 'resource "aws_sqs_queue" "jobs" {\n  name   = "jobs"\n  policy = <<EOF\n{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:*", "Resource": "*"}]}\nEOF\n}\n',
      errors: [{ line: 4, message: /sqs:\*/ }],
    },
    {
      format: 'cloudformation',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n  JobsPolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues:\n        - !Ref Jobs\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: sqs:ReceiveMessage\n            Resource: !GetAtt Jobs.Arn\n',
      errors: [{ line: 12, column: 24 }],
    },
  ],
});
