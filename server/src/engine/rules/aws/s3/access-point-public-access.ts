import type { KindResource } from '../../../model/kind';
import type { accessPointSpec } from '../../../model/aws/s3';
import { defineRule } from '../../rule';

type AccessPoint = KindResource<typeof accessPointSpec.fields>;

const FLAGS = [
  ['blockPublicAcls', 'block_public_acls', 'BlockPublicAcls'],
  ['blockPublicPolicy', 'block_public_policy', 'BlockPublicPolicy'],
  ['ignorePublicAcls', 'ignore_public_acls', 'IgnorePublicAcls'],
  ['restrictPublicBuckets', 'restrict_public_buckets', 'RestrictPublicBuckets'],
] as const;

export default defineRule({
  meta: {
    id: 'aws-s3-access-point-public-access',
    provider: 'aws',
    service: 's3',
    severity: 'high',
    title: 'S3 access point turns off Block Public Access',
    explanation:
      'Every access point has its own Block Public Access settings, all on unless you turn them off when you create it, and they cannot be changed afterwards. Turning one off lets an access point policy or ACL open the bucket\'s data to the public through that access point: a decision that is entirely yours.',
    resolution: 'Leave all four settings on (remove the false values); if the access point must serve public data, document why and suppress the finding.',
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-bpa-settings.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-19'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_s3_access_point', 'AWS::S3::AccessPoint'] },
    controls: ['aws-fsbp:S3.19'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_s3_access_point" "ap" {\n  bucket = "acme-data"\n  name   = "data-ap"\n  public_access_block_configuration {\n    block_public_policy = false\n  }\n}\n' }],
        good: [{ code: 'resource "aws_s3_access_point" "ap" {\n  bucket = "acme-data"\n  name   = "data-ap"\n}\n', note: 'omitted: every setting is on' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Ap:\n    Type: AWS::S3::AccessPoint\n    Properties:\n      Bucket: acme-data\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: false\n        IgnorePublicAcls: false\n' }],
        good: [{ code: 'Resources:\n  Ap:\n    Type: AWS::S3::AccessPoint\n    Properties:\n      Bucket: acme-data\n' }],
      },
    },
  },
  check(ctx) {
    for (const ap of ctx.resources<AccessPoint>('aws.s3.access-point')) {
      for (const [field, tf, cfn] of FLAGS) {
        const v = ap.f[field];
        if (v.origin === 'unknown' || v.origin === 'default' || v.value !== false) continue;
        const name = ap.source.format === 'terraform' ? tf : cfn;
        ctx.report({
          resource: ap,
          value: v,
          message: `${name} is false: this access point can expose the bucket's data publicly`,
          fix: v.site ? { title: `Set ${name} to true`, actions: [{ type: 'set', site: v.site, value: true }] } : undefined,
        });
      }
    }
  },
});
