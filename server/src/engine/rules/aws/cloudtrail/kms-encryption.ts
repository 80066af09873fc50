import type { trail } from '../../../model/aws/cloudtrail';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Trail = KindResource<typeof trail.fields>;

// CloudTrail needs a symmetric key whose policy lets cloudtrail.amazonaws.com use it, so only the user can name it.
const KEY_PLACEHOLDER = 'arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID';

export default defineRule({
  meta: {
    id: 'aws-cloudtrail-kms-encryption',
    provider: 'aws',
    service: 'cloudtrail',
    severity: 'medium',
    title: 'CloudTrail log files are not encrypted with a KMS key',
    explanation:
      'CloudTrail delivers log files encrypted with S3-managed keys (SSE-S3), so anyone who can read the bucket can read your account\'s full API history. With SSE-KMS, reading a log also needs kms:Decrypt on a key whose policy you write, and every use of the key is itself logged. AWS delivers the files; choosing the key is yours.',
    resolution:
      'Set kms_key_id (CloudFormation: KMSKeyId) to a customer managed KMS key in the bucket\'s Region whose key policy lets cloudtrail.amazonaws.com generate data keys for this trail and lets your log readers decrypt.',
    links: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-2',
    ],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_cloudtrail', 'AWS::CloudTrail::Trail'] },
    controls: ['aws-fsbp:CloudTrail.2', 'cis-aws-v5:3.5'],
    equivalents: { checkov: ['CKV_AWS_35'], trivy: ['AVD-AWS-0015', 'aws-cloudtrail-enable-at-rest-encryption'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = "acme-trail"\n  is_multi_region_trail      = true\n  enable_log_file_validation = true\n}\n' }],
        good: [
          {
            code: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = "acme-trail"\n  is_multi_region_trail      = true\n  enable_log_file_validation = true\n  kms_key_id                 = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Main:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: acme-trail\n      IsLogging: true\n      IsMultiRegionTrail: true\n' }],
        good: [{ code: 'Resources:\n  Main:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: acme-trail\n      IsLogging: true\n      IsMultiRegionTrail: true\n      KMSKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n' }],
      },
    },
  },
  check(ctx) {
    for (const t of ctx.resources<Trail>('aws.cloudtrail.trail')) {
      const v = t.f.kmsKeyId;
      // An empty string is how modules commonly spell "no key".
      const absent = v.origin === 'default' || (v.origin !== 'unknown' && v.value?.trim() === '');
      if (!absent) continue;
      const name = t.source.format === 'terraform' ? 'kms_key_id' : 'KMSKeyId';
      ctx.report({
        resource: t,
        value: v,
        message: `${name} is not set: log files are encrypted only with S3-managed keys, so read access to the bucket is enough to read them`,
        fix: v.site ? { title: `Set ${name} (enter your KMS key)`, actions: [{ type: 'set', site: v.site, value: { $placeholder: KEY_PLACEHOLDER } }] } : undefined,
      });
    }
  },
});
