import { defineKind } from '../kind';

export const key = defineKind({
  kind: 'aws.kms.key',
  terraform: ['aws_kms_key'],
  cloudformation: ['AWS::KMS::Key'],
  fields: {
    rotation: {
      type: 'bool',
      terraform: ['enable_key_rotation'],
      cloudformation: ['EnableKeyRotation'],
      default: { value: false, reason: 'KMS does not rotate customer managed keys unless asked' },
      doc: 'Yearly (or custom-period) rotation of the key material of a symmetric customer managed key.',
    },
    keySpec: {
      type: 'string',
      terraform: ['customer_master_key_spec'],
      cloudformation: ['KeySpec'],
      default: { value: 'SYMMETRIC_DEFAULT', reason: 'KMS default key spec' },
    },
    keyUsage: { type: 'string', terraform: ['key_usage'], cloudformation: ['KeyUsage'], default: { value: 'ENCRYPT_DECRYPT', reason: 'KMS default' } },
    origin: { type: 'string', terraform: ['custom_key_store_id'], cloudformation: ['Origin'] },
    policy: { type: 'policy', terraform: ['policy'], cloudformation: ['KeyPolicy'] },
  },
});

export const keyPolicy = defineKind({
  kind: 'aws.kms.key-policy',
  terraform: ['aws_kms_key_policy'],
  cloudformation: [],
  fields: {
    policy: { type: 'policy', terraform: ['policy'] },
  },
});
