// EFS file systems.
import { defineKind } from '../kind';

export const fileSystem = defineKind({
  kind: 'aws.efs.file-system',
  terraform: ['aws_efs_file_system'],
  cloudformation: ['AWS::EFS::FileSystem'],
  fields: {
    encrypted: {
      type: 'bool',
      terraform: ['encrypted'],
      cloudformation: ['Encrypted'],
      default: { value: false, reason: 'the EFS API creates unencrypted file systems unless asked (only the console defaults to encryption)' },
      doc: 'Encrypts file data and metadata at rest with KMS; can only be chosen when the file system is created.',
    },
    kmsKeyId: { type: 'string', terraform: ['kms_key_id'], cloudformation: ['KmsKeyId'] },
  },
});
