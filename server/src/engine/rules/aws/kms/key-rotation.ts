import type { KindResource } from '../../../model/kind';
import type { key } from '../../../model/aws/kms';
import { defineRule } from '../../rule';

type Key = KindResource<typeof key.fields>;

export default defineRule({
  meta: {
    id: 'aws-kms-key-rotation',
    provider: 'aws',
    service: 'kms',
    severity: 'medium',
    title: 'KMS key rotation is not enabled',
    explanation:
      'KMS protects key material in its HSMs; how long one key version stays in use is your policy. Automatic rotation limits how much data one key version protects, and AWS keeps old versions so existing data still decrypts.',
    resolution: 'Set enable_key_rotation = true (CloudFormation: EnableKeyRotation: true) on symmetric encryption keys.',
    links: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-4'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_kms_key', 'AWS::KMS::Key'] },
    controls: ['aws-securityhub:KMS.4', 'cis-aws-v5:3.6'],
    equivalents: { checkov: ['CKV_AWS_7'], trivy: ['AVD-AWS-0065', 'aws-kms-auto-rotate-keys'], kics: ['22fbfeac-7b5a-421a-8a27-7a2178bb910b', '1c07bfaf-663c-4f6f-b22b-8e2d481e4df5'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_kms_key" "data" {\n  description = "data"\n}\n' }],
        good: [
          { code: 'resource "aws_kms_key" "data" {\n  description         = "data"\n  enable_key_rotation = true\n}\n' },
          { code: 'resource "aws_kms_key" "sign" {\n  description              = "signing"\n  key_usage                = "SIGN_VERIFY"\n  customer_master_key_spec = "ECC_NIST_P256"\n}\n', note: 'asymmetric keys cannot rotate automatically' },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Data:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n' }],
        good: [{ code: 'Resources:\n  Data:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n' }],
      },
    },
  },
  check(ctx) {
    for (const k of ctx.resources<Key>('aws.kms.key')) {
      const spec = k.f.keySpec;
      const usage = k.f.keyUsage;
      if (spec.origin === 'unknown' || spec.value !== 'SYMMETRIC_DEFAULT') continue;
      if (usage.origin === 'unknown' || usage.value !== 'ENCRYPT_DECRYPT') continue;
      if (k.source.format === 'cloudformation' && k.f.origin.origin !== 'default' && k.f.origin.value !== 'AWS_KMS') continue;
      if (k.source.format === 'terraform' && k.f.origin.origin !== 'default') continue; // custom key stores cannot rotate
      const v = k.f.rotation;
      if (v.origin === 'unknown' || v.value !== false) continue;
      const name = k.source.format === 'terraform' ? 'enable_key_rotation' : 'EnableKeyRotation';
      ctx.report({
        resource: k,
        value: v,
        message: `${name} is ${v.origin === 'default' ? 'not set' : 'false'}: the key material is never rotated`,
        fix: v.site ? { title: `Set ${name} to true`, actions: [{ type: 'set', site: v.site, value: true }] } : undefined,
      });
    }
  },
});
