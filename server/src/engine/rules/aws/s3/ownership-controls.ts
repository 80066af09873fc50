import { readField } from '../../../adapt/generic';
import type { KindResource } from '../../../model/kind';
import { bucketOwnershipField, type ownershipControlsSpec, type S3Bucket } from '../../../model/aws/s3';
import type { Value } from '../../../model/resource';
import { defineRule } from '../../rule';

type Ownership = KindResource<typeof ownershipControlsSpec.fields>;

export default defineRule({
  meta: {
    id: 'aws-s3-ownership-controls',
    provider: 'aws',
    service: 's3',
    severity: 'medium',
    title: 'S3 bucket keeps access control lists enabled',
    explanation:
      'With Object Ownership set to BucketOwnerPreferred or ObjectWriter, ACLs stay in force: objects uploaded by other accounts can remain theirs, and any object or bucket ACL can grant access outside your policies. AWS disables ACLs on new buckets since April 2023; re-enabling them is a choice in your code, and the policies you review no longer tell the whole story.',
    resolution: 'Set object_ownership = "BucketOwnerEnforced" (CloudFormation: OwnershipControls.Rules[0].ObjectOwnership: BucketOwnerEnforced) after moving any ACL grants into the bucket policy.',
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-12'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_s3_bucket_ownership_controls', 'AWS::S3::Bucket'] },
    controls: ['aws-fsbp:S3.12'],
    equivalents: { checkov: ['CKV2_AWS_65'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_ownership_controls" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    object_ownership = "ObjectWriter"\n  }\n}\n' }],
        good: [{ code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_ownership_controls" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      OwnershipControls:\n        Rules:\n          - ObjectOwnership: BucketOwnerPreferred\n' }],
        good: [{ code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      OwnershipControls:\n        Rules:\n          - ObjectOwnership: BucketOwnerEnforced\n' }],
      },
    },
  },
  check(ctx) {
    // No fix: turning ACLs off fails (or breaks readers) while ACLs still grant access; the grants must move first.
    const report = (resource: Ownership | S3Bucket, v: Value<string>) => {
      if (v.origin === 'unknown' || v.origin === 'default' || v.value === undefined || v.value === 'BucketOwnerEnforced') return;
      ctx.report({ resource, value: v, message: `Object Ownership is "${v.value}", so ACLs still grant access alongside the bucket policy` });
    };
    for (const oc of ctx.resources<Ownership>('aws.s3.ownership-controls')) report(oc, oc.f.objectOwnership);
    for (const b of ctx.resources<S3Bucket>('aws.s3.bucket')) {
      if (b.source.format !== 'cloudformation') continue;
      report(b, readField(bucketOwnershipField, b.source) as Value<string>);
    }
  },
});
