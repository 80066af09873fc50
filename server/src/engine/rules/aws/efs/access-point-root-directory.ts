import { accessPoint } from '../../../model/aws/efs';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-efs-access-point-root-directory',
    provider: 'aws',
    service: 'efs',
    severity: 'medium',
    title: 'EFS access point does not enforce a root directory',
    explanation:
      'An access point whose root directory is "/" (or not set) gives every client that mounts through it the whole file system, so one application can read or overwrite the data of all others sharing it. EFS confines clients to the directory the access point names; naming a directory per application is your part.',
    resolution: 'Set root_directory { path = "/<application>" } with a creation_info block giving the owner UID, GID and permissions (CloudFormation: RootDirectory.Path and RootDirectory.CreationInfo). Changing it replaces the access point.',
    links: ['https://docs.aws.amazon.com/efs/latest/ug/enforce-root-directory-access-point.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-3'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_efs_access_point', 'AWS::EFS::AccessPoint'] },
    controls: ['aws-fsbp:EFS.3'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_efs_access_point" "app" {\n  file_system_id = "fs-0123456789abcdef0"\n\n  posix_user {\n    uid = 1000\n    gid = 1000\n  }\n}\n', note: 'root_directory omitted: the file system root' }],
        good: [{ code: 'resource "aws_efs_access_point" "app" {\n  file_system_id = "fs-0123456789abcdef0"\n\n  posix_user {\n    uid = 1000\n    gid = 1000\n  }\n\n  root_directory {\n    path = "/app"\n    creation_info {\n      owner_uid   = 1000\n      owner_gid   = 1000\n      permissions = "750"\n    }\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      FileSystemId: fs-0123456789abcdef0\n      RootDirectory:\n        Path: /\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      FileSystemId: fs-0123456789abcdef0\n      RootDirectory:\n        Path: /app\n        CreationInfo:\n          OwnerUid: "1000"\n          OwnerGid: "1000"\n          Permissions: "750"\n' }],
      },
    },
  },
  kind: accessPoint,
  field: 'rootPath',
  // "/", "//" and the like all name the file system root.
  insecure: (v) => /^\/*$/.test(v.trim()),
  consequence: 'clients of the access point reach the whole file system',
});
