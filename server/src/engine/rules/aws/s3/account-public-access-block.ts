import type { KindResource } from '../../../model/kind';
import type { accountPublicAccessBlockSpec } from '../../../model/aws/s3';
import { defineRule } from '../../rule';

type AccountBlock = KindResource<typeof accountPublicAccessBlockSpec.fields>;

const FLAGS = [
  ['blockPublicAcls', 'block_public_acls'],
  ['blockPublicPolicy', 'block_public_policy'],
  ['ignorePublicAcls', 'ignore_public_acls'],
  ['restrictPublicBuckets', 'restrict_public_buckets'],
] as const;

export default defineRule({
  meta: {
    id: 'aws-s3-account-public-access-block',
    provider: 'aws',
    service: 's3',
    severity: 'high',
    title: 'Account-level S3 Block Public Access is not fully on',
    explanation:
      'The account-wide Block Public Access settings override every bucket and access point in the account, so they are the last line against an accidental public bucket. AWS applies whatever you declare here; a flag left off (the Terraform resource leaves omitted flags off) removes that guard for the whole account.',
    resolution: 'Set block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets to true in aws_s3_account_public_access_block.',
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-1'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_s3_account_public_access_block'] },
    controls: ['aws-fsbp:S3.1', 'cis-aws-v5:2.1.4'],
    equivalents: {},
    fixable: true,
    formats: ['terraform'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls   = true\n  block_public_policy = true\n}\n', note: 'two flags omitted: they are off' }],
        good: [{ code: 'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n' }],
      },
    },
  },
  check(ctx) {
    for (const r of ctx.resources<AccountBlock>('aws.s3.account-public-access-block')) {
      for (const [field, name] of FLAGS) {
        const v = r.f[field];
        if (v.origin === 'unknown' || v.value !== false) continue;
        ctx.report({
          resource: r,
          value: v,
          message: v.origin === 'default' ? `${name} is not set, so it is off for the whole account` : `${name} is false for the whole account`,
          fix: v.site ? { title: `Set ${name} to true`, actions: [{ type: 'set', site: v.site, value: true }] } : undefined,
        });
      }
    }
  },
});
