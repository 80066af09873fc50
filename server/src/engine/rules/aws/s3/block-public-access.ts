import type { S3Bucket } from '../../../model/aws/s3';
import type { FixSpec } from '../../../fix/types';
import { defineRule } from '../../rule';

const FLAGS = [
  ['blockPublicAcls', 'block_public_acls', 'BlockPublicAcls', 'rejects new public ACLs'],
  ['blockPublicPolicy', 'block_public_policy', 'BlockPublicPolicy', 'rejects bucket policies that grant public access'],
  ['ignorePublicAcls', 'ignore_public_acls', 'IgnorePublicAcls', 'ignores existing public ACLs'],
  ['restrictPublicBuckets', 'restrict_public_buckets', 'RestrictPublicBuckets', 'limits a public policy to AWS services and the owner account'],
] as const;

export default defineRule({
  meta: {
    id: 'aws-s3-block-public-access',
    provider: 'aws',
    service: 's3',
    severity: 'high',
    title: 'S3 bucket does not block public access',
    explanation:
      'Block Public Access is the guard rail that keeps a bucket private even when an ACL or bucket policy would make it public. AWS turns it on for buckets created since April 2023, but whether it stays on is your decision: code that does not pin all four settings leaves existing buckets, imported buckets and later console changes unprotected.',
    resolution: 'Set block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets to true (Terraform: an aws_s3_bucket_public_access_block for the bucket; CloudFormation: PublicAccessBlockConfiguration).',
    links: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-8',
    ],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_public_access_block', 'AWS::S3::Bucket'] },
    controls: ['aws-fsbp:S3.8', 'cis-aws-v5:2.1.4'],
    equivalents: {
      checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'CKV2_AWS_6'],
      trivy: ['AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0093', 'AVD-AWS-0094', 'aws-s3-block-public-acls', 'aws-s3-block-public-policy', 'aws-s3-ignore-public-acls', 'aws-s3-no-public-buckets', 'aws-s3-specify-public-access-block'],
      kics: ['d0cc8694-fcad-43ff-ac86-32331d7e867f', '4fa66806-0dd9-4f8d-9480-3174d39c7c91', '1ec253ab-c220-4d63-b2de-5b40e0af9293', '48f100d9-f499-4c6d-b2b8-deafe47ffb26', '6c8d51af-218d-4bfb-94a9-94eabaa0703a', '350cd468-0e2c-44ef-9d22-cfb73a62523c'],
    },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          { code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n', note: 'no public access block: the code does not pin the setting' },
          { code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = false\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n' },
        ],
        good: [
          { code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n' },
        ],
      },
      cloudformation: {
        bad: [
          { code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n' },
          { code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: false\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n' },
        ],
        good: [
          { code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n' },
        ],
      },
    },
  },
  check(ctx) {
    for (const b of ctx.resources<S3Bucket>('aws.s3.bucket')) {
      const pab = b.publicAccessBlock;
      if (!pab) {
        ctx.report({
          resource: b,
          severity: 'medium',
          message:
            b.source.format === 'terraform'
              ? 'No aws_s3_bucket_public_access_block for this bucket: AWS blocks public access on new buckets, but nothing in the code keeps it that way'
              : 'No PublicAccessBlockConfiguration: AWS blocks public access on new buckets, but nothing in the template keeps it that way',
          fix: addBlockFix(b),
        });
        continue;
      }
      for (const [field, tf, cfn, what] of FLAGS) {
        const v = pab[field];
        if (v.origin === 'unknown' || v.value !== false) continue;
        const name = pab.source.format === 'terraform' ? tf : cfn;
        ctx.report({
          resource: b,
          value: v,
          message: v.origin === 'default' ? `${name} is not set, so it is false: S3 no longer ${what}` : `${name} is false: S3 no longer ${what}`,
          fix: v.site ? { title: `Set ${name} to true`, actions: [{ type: 'set', site: v.site, value: true }] } : undefined,
        });
      }
    }
  },
});

function addBlockFix(b: S3Bucket): FixSpec | undefined {
  const src = b.source;
  if (src.format === 'cloudformation') {
    return {
      title: 'Add PublicAccessBlockConfiguration with all four settings on',
      actions: FLAGS.map(([, , cfn]) => ({ type: 'set' as const, site: { resource: src, path: ['PublicAccessBlockConfiguration', cfn] }, value: true })),
    };
  }
  if (src.instanceKey !== undefined) return undefined; // counted buckets need a counted companion: left to the author
  const ref = `aws_s3_bucket.${src.name}.id`;
  const text = [
    `resource "aws_s3_bucket_public_access_block" "${src.name}" {`,
    `  bucket = ${ref}`,
    '',
    '  block_public_acls       = true',
    '  block_public_policy     = true',
    '  ignore_public_acls      = true',
    '  restrict_public_buckets = true',
    '}',
  ].join('\n');
  return { title: 'Add an aws_s3_bucket_public_access_block for this bucket', actions: [{ type: 'insertAfter', after: src, text }] };
}
