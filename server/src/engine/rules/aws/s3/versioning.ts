import type { S3Bucket } from '../../../model/aws/s3';
import type { FixSpec } from '../../../fix/types';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'aws-s3-versioning',
    provider: 'aws',
    service: 's3',
    severity: 'medium',
    title: 'S3 bucket versioning is not enabled',
    explanation:
      'S3 stores your objects durably, but it does not protect them from you: an overwrite or delete, by mistake, by a bug or by ransomware, is final unless versioning keeps the previous versions. Recovery from that is a customer duty.',
    resolution: 'Enable versioning (and add lifecycle rules to expire old versions).',
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html'],
    responsibility: { layer: 'backup-resilience', resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_versioning', 'AWS::S3::Bucket'] },
    controls: ['aws-securityhub:S3.14'],
    equivalents: { checkov: ['CKV_AWS_21'], trivy: ['AVD-AWS-0090', 'aws-s3-enable-versioning'], kics: ['568a4d22-3517-44a6-a7ad-6a7eed88722c', 'a227ec01-f97a-4084-91a4-47b350c1db54'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          { code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n' },
          { code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n}\n' },
        ],
        good: [
          { code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n' },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n' }],
        good: [{ code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n' }],
      },
    },
  },
  check(ctx) {
    for (const b of ctx.resources<S3Bucket>('aws.s3.bucket')) {
      const v = b.versioning;
      if (v.origin === 'unknown' || v.value === undefined || v.value === 'Enabled') continue;
      ctx.report({
        resource: b,
        value: v,
        message: v.origin === 'default' ? 'Versioning is not configured: an overwrite or delete cannot be undone' : `Versioning is ${v.value}: an overwrite or delete cannot be undone`,
        fix: versioningFix(b),
      });
    }
  },
});

function versioningFix(b: S3Bucket): FixSpec | undefined {
  const v = b.versioning;
  if (v.site) {
    const legacyBool = v.site.path[v.site.path.length - 1] === 'enabled';
    return { title: 'Enable versioning', actions: [{ type: 'set', site: v.site, value: legacyBool ? true : 'Enabled' }] };
  }
  const src = b.source;
  if (src.format === 'cloudformation') return { title: 'Enable versioning', actions: [{ type: 'set', site: { resource: src, path: ['VersioningConfiguration', 'Status'] }, value: 'Enabled' }] };
  if (src.instanceKey !== undefined) return undefined;
  const text = [
    `resource "aws_s3_bucket_versioning" "${src.name}" {`,
    `  bucket = aws_s3_bucket.${src.name}.id`,
    '  versioning_configuration {',
    '    status = "Enabled"',
    '  }',
    '}',
  ].join('\n');
  return { title: 'Add an aws_s3_bucket_versioning that enables versioning', actions: [{ type: 'insertAfter', after: src, text }] };
}
