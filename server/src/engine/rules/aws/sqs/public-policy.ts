import { defineRule } from '../../rule';
import { reportPublicStatements } from '../kms/public-policy';

type WithPolicy = Parameters<typeof reportPublicStatements>[1];

export default defineRule({
  meta: {
    id: 'aws-sqs-public-policy',
    provider: 'aws',
    service: 'sqs',
    severity: 'high',
    title: 'SQS queue policy allows anyone, without conditions',
    explanation:
      'A queue policy statement that allows Principal "*" with no Condition lets any AWS account send messages into the queue or receive and delete the messages in it. SQS enforces the policy as written; whom it admits is your responsibility.',
    resolution: 'Name the accounts or services that need access, or restrict the statement with conditions such as aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID.',
    links: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html#sqs-3'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_sqs_queue', 'aws_sqs_queue_policy', 'AWS::SQS::QueuePolicy'] },
    controls: ['aws-fsbp:SQS.3'],
    equivalents: { kics: ['730675f9-52ed-49b6-8ead-0acb5dd7df7f', 'abb06e5f-ef9a-4a99-98c6-376d396bfcdf', '9b6a3f5b-5fd6-40ee-9bc0-ed604911212d'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          {
            code: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n\nresource "aws_sqs_queue_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.id\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = aws_sqs_queue.jobs.arn }]\n  })\n}\n',
          },
        ],
        good: [
          {
            code: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n\nresource "aws_sqs_queue_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "sns.amazonaws.com" }\n      Action    = "sqs:SendMessage"\n      Resource  = aws_sqs_queue.jobs.arn\n      Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:eu-west-1:111122223333:jobs" } }\n    }]\n  })\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [
          {
            code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n  JobsPolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues:\n        - !Ref Jobs\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: sqs:ReceiveMessage\n            Resource: !GetAtt Jobs.Arn\n',
          },
        ],
        good: [
          {
            code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n  JobsPolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues:\n        - !Ref Jobs\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: arn:aws:iam::111122223333:root\n            Action: sqs:ReceiveMessage\n            Resource: !GetAtt Jobs.Arn\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    for (const q of ctx.resources<WithPolicy>('aws.sqs.queue')) reportPublicStatements(ctx, q, 'queue');
    for (const p of ctx.resources<WithPolicy>('aws.sqs.queue-policy')) reportPublicStatements(ctx, p, 'queue');
  },
});
