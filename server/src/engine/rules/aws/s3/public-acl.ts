import type { S3Bucket } from '../../../model/aws/s3';
import { defineRule } from '../../rule';

// Canned ACLs that grant access beyond the owner: Terraform spells them in kebab-case, CloudFormation in PascalCase.
const PUBLIC: Record<string, { who: string; what: string; safe: string }> = {
  'public-read': { who: 'everyone on the internet', what: 'list and read', safe: 'private' },
  'public-read-write': { who: 'everyone on the internet', what: 'list, read and write', safe: 'private' },
  'authenticated-read': { who: 'every AWS account in the world', what: 'list and read', safe: 'private' },
  PublicRead: { who: 'everyone on the internet', what: 'list and read', safe: 'Private' },
  PublicReadWrite: { who: 'everyone on the internet', what: 'list, read and write', safe: 'Private' },
  AuthenticatedRead: { who: 'every AWS account in the world', what: 'list and read', safe: 'Private' },
};

export default defineRule({
  meta: {
    id: 'aws-s3-public-acl',
    provider: 'aws',
    service: 's3',
    severity: 'critical',
    title: 'S3 bucket ACL grants access to everyone',
    explanation:
      'The canned ACLs public-read, public-read-write and authenticated-read open the bucket to anyone on the internet or to any AWS customer. AWS enforces whatever ACL the bucket carries; choosing it is your decision, and a public grant exposes every object to downloading (and, with write, to tampering and to storage bills you pay).',
    resolution: 'Remove the ACL or set it to private (CloudFormation: AccessControl: Private); serve public content through CloudFront with origin access control instead.',
    links: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-2',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-3',
    ],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_acl', 'AWS::S3::Bucket'] },
    controls: ['aws-fsbp:S3.2', 'aws-fsbp:S3.3'],
    equivalents: { checkov: ['CKV_AWS_20', 'CKV_AWS_57'], trivy: ['AVD-AWS-0092', 'aws-s3-no-public-access-with-acl'], kics: ['38c5ee0d-7f22-4260-ab72-5073048df100', '07dda8de-d90d-469e-9b37-1aca53526ced'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          { code: 'resource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n}\n\nresource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = "public-read"\n}\n' },
          { code: 'resource "aws_s3_bucket" "drop" {\n  bucket = "acme-drop"\n  acl    = "public-read-write"\n}\n', note: 'the legacy inline acl argument' },
        ],
        good: [{ code: 'resource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n}\n\nresource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = "private"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n' }],
        good: [{ code: 'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: Private\n' }],
      },
    },
  },
  check(ctx) {
    for (const b of ctx.resources<S3Bucket>('aws.s3.bucket')) {
      const acl = b.acl;
      if (acl.origin === 'unknown' || acl.origin === 'default' || acl.value === undefined) continue;
      const grant = PUBLIC[acl.value];
      if (!grant) continue;
      ctx.report({
        resource: b,
        value: acl,
        message: `The ACL "${acl.value}" lets ${grant.who} ${grant.what} this bucket's objects`,
        fix: acl.site ? { title: `Set the ACL to ${grant.safe}`, actions: [{ type: 'set', site: acl.site, value: grant.safe }] } : undefined,
      });
    }
  },
});
