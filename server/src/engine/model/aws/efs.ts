// EFS file systems and access points.
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
      default: { value: false, reason: 'the EFS API creates unencrypted file systems unless asked; only the console defaults to encryption' },
      doc: 'Encrypts file data and metadata at rest with KMS; can only be chosen when the file system is created.',
    },
    kmsKeyId: { type: 'string', terraform: ['kms_key_id'], cloudformation: ['KmsKeyId'] },
  },
});

export const accessPoint = defineKind({
  kind: 'aws.efs.access-point',
  terraform: ['aws_efs_access_point'],
  cloudformation: ['AWS::EFS::AccessPoint'],
  fields: {
    rootPath: {
      type: 'string',
      terraform: ['root_directory', 'path'],
      cloudformation: ['RootDirectory', 'Path'],
      default: { value: '/', reason: 'an access point without a root directory exposes the file system root' },
      doc: 'Directory that clients of the access point see as "/"; they cannot reach anything above it.',
    },
    posixUser: {
      type: 'raw',
      terraform: ['posix_user'],
      cloudformation: ['PosixUser'],
      doc: 'UID and GIDs that EFS applies to every request through the access point, whatever identity the client claims.',
    },
  },
});
