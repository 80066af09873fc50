import type { S3Bucket } from '../../../model/aws/s3';
import { type FixSpec, placeholder } from '../../../fix/types';
import { defineRule } from '../../rule';

const KMS = new Set(['aws:kms', 'aws:kms:dsse']);
const KEY_PLACEHOLDER = 'arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID';

export default defineRule({
  meta: {
    id: 'aws-s3-kms-encryption',
    provider: 'aws',
    service: 's3',
    severity: 'medium',
    title: 'S3 bucket is not encrypted with a KMS key by default',
    explanation:
      'S3 encrypts every new object with S3-managed keys (SSE-S3) since January 2023; that part is AWS\'s. Who can decrypt the data, whether key use is logged in CloudTrail and whether access can be cut off by disabling a key are yours to decide, and only SSE-KMS with a key you control gives you those levers.',
    resolution: 'Set the bucket\'s default encryption to aws:kms with a customer managed key (and enable the S3 Bucket Key to keep KMS costs down).',
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_server_side_encryption_configuration', 'AWS::S3::Bucket'] },
    controls: ['aws-securityhub:S3.17'],
    equivalents: { checkov: ['CKV_AWS_145'], trivy: ['AVD-AWS-0132', 'aws-s3-encryption-customer-key'], kics: ['6726dcc0-5ff5-459d-b473-a780bef7665c', 'b2e8752c-3497-4255-98d2-e4ae5b46bbf5'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          { code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n', note: 'omitted: SSE-S3 applies' },
          { code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n' },
        ],
        good: [
          { code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.data.arn\n    }\n    bucket_key_enabled = true\n  }\n}\n' },
        ],
      },
      cloudformation: {
        bad: [
          { code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n' },
          { code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n' },
        ],
        good: [
          { code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: !GetAtt Key.Arn\n            BucketKeyEnabled: true\n' },
        ],
      },
    },
  },
  check(ctx) {
    for (const b of ctx.resources<S3Bucket>('aws.s3.bucket')) {
      const alg = b.encryption.algorithm;
      if (alg.origin === 'unknown' || alg.value === undefined || KMS.has(alg.value)) continue;
      ctx.report({
        resource: b,
        value: alg,
        severity: alg.origin === 'default' ? 'low' : undefined,
        message:
          alg.origin === 'default'
            ? 'No default encryption configured: objects get SSE-S3 (AWS-managed keys), so you cannot control or audit who decrypts them'
            : `Default encryption is ${alg.value}, not aws:kms: you cannot control or audit who decrypts the data`,
        fix: kmsFix(b),
      });
    }
  },
});

function kmsFix(b: S3Bucket): FixSpec | undefined {
  const alg = b.encryption.algorithm;
  const key = { $placeholder: KEY_PLACEHOLDER };
  if (alg.site && alg.origin !== 'default') {
    const keySite = b.encryption.kmsKeyId.site;
    return {
      title: 'Use aws:kms default encryption (enter your KMS key)',
      actions: [
        { type: 'set', site: alg.site, value: 'aws:kms' },
        ...(keySite && b.encryption.kmsKeyId.origin === 'default' ? [{ type: 'set' as const, site: keySite, value: key }] : []),
      ],
    };
  }
  const src = b.source;
  if (src.format === 'cloudformation') {
    return {
      title: 'Add aws:kms default encryption (enter your KMS key)',
      actions: [
        {
          type: 'set',
          site: { resource: src, path: ['BucketEncryption', 'ServerSideEncryptionConfiguration'] },
          value: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key }, BucketKeyEnabled: true }],
        },
      ],
    };
  }
  if (src.instanceKey !== undefined) return undefined;
  const text = [
    `resource "aws_s3_bucket_server_side_encryption_configuration" "${src.name}" {`,
    `  bucket = aws_s3_bucket.${src.name}.id`,
    '',
    '  rule {',
    '    apply_server_side_encryption_by_default {',
    '      sse_algorithm     = "aws:kms"',
    `      kms_master_key_id = "${placeholder(KEY_PLACEHOLDER)}"`,
    '    }',
    '    bucket_key_enabled = true',
    '  }',
    '}',
  ].join('\n');
  return { title: 'Add aws:kms default encryption for this bucket (enter your KMS key)', actions: [{ type: 'insertAfter', after: src, text }] };
}
