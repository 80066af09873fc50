// SQS queues and queue policies.
import { defineKind } from '../kind';

export const queue = defineKind({
  kind: 'aws.sqs.queue',
  terraform: ['aws_sqs_queue'],
  cloudformation: ['AWS::SQS::Queue'],
  fields: {
    sqsManagedSse: {
      type: 'bool',
      terraform: ['sqs_managed_sse_enabled'],
      cloudformation: ['SqsManagedSseEnabled'],
      default: { value: true, reason: 'SQS encrypts new queues with SSE-SQS by default since October 2022' },
      doc: 'Server-side encryption of messages with keys owned and managed by SQS (SSE-SQS).',
    },
    kmsKey: {
      type: 'string',
      terraform: ['kms_master_key_id'],
      cloudformation: ['KmsMasterKeyId'],
      doc: 'KMS key for SSE-KMS; when set, SSE-KMS replaces SSE-SQS.',
    },
    policy: { type: 'policy', terraform: ['policy'] },
  },
});

export const queuePolicy = defineKind({
  kind: 'aws.sqs.queue-policy',
  terraform: ['aws_sqs_queue_policy'],
  cloudformation: ['AWS::SQS::QueuePolicy'],
  fields: {
    policy: { type: 'policy', terraform: ['policy'], cloudformation: ['PolicyDocument'] },
  },
});
