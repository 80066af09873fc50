import { defineRule } from '../../rule';
import { reportPublicStatements } from '../kms/public-policy';

type WithPolicy = Parameters<typeof reportPublicStatements>[1];

export default defineRule({
  meta: {
    id: 'aws-sns-public-policy',
    provider: 'aws',
    service: 'sns',
    severity: 'high',
    title: 'SNS topic policy allows anyone, without conditions',
    explanation:
      'A topic policy statement that allows Principal "*" with no Condition lets any AWS account publish to the topic (spam, forged alerts) or subscribe to it and receive every message. SNS enforces the policy as written; whom it admits is your responsibility.',
    resolution: 'Name the accounts or services that need access, or restrict the statement with conditions such as aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID.',
    links: ['https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/sns-controls.html#sns-4'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_sns_topic', 'aws_sns_topic_policy', 'AWS::SNS::TopicPolicy'] },
    controls: ['aws-fsbp:SNS.4'],
    equivalents: { kics: ['b26d2b7e-60f6-413d-a3a1-a57db24aa2b3', 'ae53ce91-42b5-46bf-a84f-9a13366a4f13'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          {
            code: 'resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n\nresource "aws_sns_topic_policy" "alerts" {\n  arn = aws_sns_topic.alerts.arn\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = "*", Action = "sns:Publish", Resource = aws_sns_topic.alerts.arn }]\n  })\n}\n',
          },
        ],
        good: [
          {
            code: 'resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n\nresource "aws_sns_topic_policy" "alerts" {\n  arn = aws_sns_topic.alerts.arn\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "cloudwatch.amazonaws.com" }\n      Action    = "sns:Publish"\n      Resource  = aws_sns_topic.alerts.arn\n      Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }\n    }]\n  })\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [
          {
            code: 'Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n  AlertsPolicy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics:\n        - !Ref Alerts\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: "*"\n            Action: sns:Subscribe\n            Resource: !Ref Alerts\n',
          },
        ],
        good: [
          {
            code: 'Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n  AlertsPolicy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics:\n        - !Ref Alerts\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: "*"\n            Action: sns:Subscribe\n            Resource: !Ref Alerts\n            Condition:\n              StringEquals:\n                aws:PrincipalOrgID: o-abc123\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    for (const t of ctx.resources<WithPolicy>('aws.sns.topic')) reportPublicStatements(ctx, t, 'topic');
    for (const p of ctx.resources<WithPolicy>('aws.sns.topic-policy')) reportPublicStatements(ctx, p, 'topic');
  },
});
