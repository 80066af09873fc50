import type { accessPoint } from '../../../model/aws/efs';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type AccessPoint = KindResource<typeof accessPoint.fields>;

export default defineRule({
  meta: {
    id: 'aws-efs-access-point-user-identity',
    provider: 'aws',
    service: 'efs',
    severity: 'medium',
    title: 'EFS access point does not enforce a user identity',
    explanation:
      'Without a POSIX user, EFS takes the UID and GID each NFS client claims, so a client running as root gets root\'s access to every file below the access point, and any client can pose as any user. With a POSIX user set, EFS replaces the client\'s identity on every request; setting it is your configuration.',
    resolution: 'Add posix_user { uid = …, gid = … } with the application\'s own IDs (CloudFormation: PosixUser with Uid and Gid). Changing it replaces the access point.',
    links: ['https://docs.aws.amazon.com/efs/latest/ug/enforce-identity-access-points.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-4'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_efs_access_point', 'AWS::EFS::AccessPoint'] },
    controls: ['aws-fsbp:EFS.4'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_efs_access_point" "app" {\n  file_system_id = "fs-0123456789abcdef0"\n\n  root_directory {\n    path = "/app"\n  }\n}\n' }],
        good: [{ code: 'resource "aws_efs_access_point" "app" {\n  file_system_id = "fs-0123456789abcdef0"\n\n  root_directory {\n    path = "/app"\n  }\n\n  posix_user {\n    uid = 1000\n    gid = 1000\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      FileSystemId: fs-0123456789abcdef0\n      RootDirectory:\n        Path: /app\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      FileSystemId: fs-0123456789abcdef0\n      RootDirectory:\n        Path: /app\n      PosixUser:\n        Uid: "1000"\n        Gid: "1000"\n' }],
      },
    },
  },
  check(ctx) {
    for (const ap of ctx.resources<AccessPoint>('aws.efs.access-point')) {
      const user = ap.f.posixUser;
      // Any POSIX user, even one from a variable, is enforced: only its absence is a finding.
      if (user.origin !== 'default') continue;
      const name = ap.source.format === 'terraform' ? 'posix_user' : 'PosixUser';
      ctx.report({ resource: ap, value: user, message: `${name} is not set: EFS trusts the UID and GID each client claims, including root` });
    }
  },
});
