import type { topic } from '../../../model/aws/sns';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Topic = KindResource<typeof topic.fields>;

export default defineRule({
  meta: {
    id: 'aws-sns-encryption',
    provider: 'aws',
    service: 'sns',
    severity: 'low',
    title: 'SNS topic does not use server-side encryption',
    explanation:
      'Without a KMS key SNS keeps queued messages without server-side encryption, and nobody can be denied reading them through a key policy. SNS implements SSE; choosing a key (and granting publishing services access to it) is your duty.',
    resolution: 'Set kms_master_key_id (CloudFormation: KmsMasterKeyId) to alias/aws/sns or to a customer managed key whose policy lets your publishers (CloudWatch, S3 events…) use it.',
    links: ['https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/sns-controls.html#sns-1'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_sns_topic', 'AWS::SNS::Topic'] },
    controls: ['aws-securityhub:SNS.1'],
    equivalents: { checkov: ['CKV_AWS_26'], trivy: ['AVD-AWS-0095', 'aws-sns-enable-topic-encryption'], kics: ['28545147-2fc6-42d5-a1f9-cf226658e591', '9d13b150-a2ab-42a1-b6f4-142e41f81e52'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n' }],
        good: [{ code: 'resource "aws_sns_topic" "alerts" {\n  name              = "alerts"\n  kms_master_key_id = "alias/aws/sns"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: alerts\n' }],
        good: [{ code: 'Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: alerts\n      KmsMasterKeyId: alias/aws/sns\n' }],
      },
    },
  },
  check(ctx) {
    for (const t of ctx.resources<Topic>('aws.sns.topic')) {
      const v = t.f.kmsKey;
      // An empty string is how some modules express "no key".
      const absent = v.origin === 'default' || (v.origin !== 'unknown' && v.value === '');
      if (!absent) continue;
      const name = t.source.format === 'terraform' ? 'kms_master_key_id' : 'KmsMasterKeyId';
      ctx.report({
        resource: t,
        value: v,
        message: `${name} is not set: messages are stored without server-side encryption`,
        // The AWS managed key cannot be shared with publishing services, so the key is the user's choice.
        fix: v.site ? { title: `Set ${name} (enter a value)`, actions: [{ type: 'set', site: v.site, value: { $placeholder: 'alias/aws/sns' } }] } : undefined,
      });
    }
  },
});
