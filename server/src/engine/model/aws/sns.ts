// SNS topics and topic policies.
import { defineKind } from '../kind';

export const topic = defineKind({
  kind: 'aws.sns.topic',
  terraform: ['aws_sns_topic'],
  cloudformation: ['AWS::SNS::Topic'],
  fields: {
    kmsKey: {
      type: 'string',
      terraform: ['kms_master_key_id'],
      cloudformation: ['KmsMasterKeyId'],
      doc: 'KMS key that encrypts messages at rest (server-side encryption); absent means no SSE.',
    },
    policy: { type: 'policy', terraform: ['policy'] },
  },
});

export const topicPolicy = defineKind({
  kind: 'aws.sns.topic-policy',
  terraform: ['aws_sns_topic_policy'],
  cloudformation: ['AWS::SNS::TopicPolicy'],
  fields: {
    policy: { type: 'policy', terraform: ['policy'], cloudformation: ['PolicyDocument'] },
  },
});
