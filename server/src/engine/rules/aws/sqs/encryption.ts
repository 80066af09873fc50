import { queue } from '../../../model/aws/sqs';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-sqs-encryption',
    provider: 'aws',
    service: 'sqs',
    severity: 'medium',
    title: 'SQS queue has server-side encryption turned off',
    explanation:
      'SQS encrypts new queues with SQS-owned keys (SSE-SQS) unless the template switches it off; a queue with sqs_managed_sse_enabled = false and no KMS key stores message bodies unencrypted at rest. AWS runs the encryption; keeping it switched on is your configuration.',
    resolution: 'Remove sqs_managed_sse_enabled = false (or set it to true), or set kms_master_key_id to use SSE-KMS (CloudFormation: SqsManagedSseEnabled / KmsMasterKeyId).',
    links: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html#sqs-1'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_sqs_queue', 'AWS::SQS::Queue'] },
    controls: ['aws-fsbp:SQS.1'],
    equivalents: { checkov: ['CKV_AWS_27'], trivy: ['AVD-AWS-0096', 'aws-sqs-enable-queue-encryption'], kics: ['6e8849c1-3aa7-40e3-9063-b85ee300f29f', '12726829-93ed-4d51-9cbe-13423f4299e1'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_sqs_queue" "jobs" {\n  name                    = "jobs"\n  sqs_managed_sse_enabled = false\n}\n' }],
        good: [
          { code: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n', note: 'omitted: SSE-SQS is the default for new queues' },
          { code: 'resource "aws_sqs_queue" "jobs" {\n  name              = "jobs"\n  kms_master_key_id = "alias/aws/sqs"\n}\n' },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n' }],
        good: [{ code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: alias/aws/sqs\n' }],
      },
    },
  },
  kind: queue,
  field: 'sqsManagedSse',
  insecure: (v) => v === false,
  // A KMS key (even one we cannot see) means SSE-KMS is in use instead.
  skip: (r) => r.f.kmsKey.origin !== 'default',
  fix: true,
  consequence: 'messages are stored unencrypted at rest',
});
