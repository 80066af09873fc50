import { ruleTester } from '../../../../helpers/rule-tester';

const ap = (extra: string) => `resource "aws_efs_access_point" "app" {\n  file_system_id = "fs-1"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  App:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      FileSystemId: fs-1\n${extra}`;

ruleTester('aws-efs-access-point-user-identity', {
  valid: [
    { format: 'terraform', code: ap('\n  posix_user {\n    uid = 1000\n    gid = 1000\n  }\n') },
    { name: 'IDs from variables are still enforced', format: 'terraform', code: ap('\n  posix_user {\n    uid = var.uid\n    gid = var.uid\n  }\n'), files: { 'v.tf': 'variable "uid" {\n  type = number\n}\n' } },
    { name: 'unknown block', format: 'terraform', code: ap('\n  dynamic "posix_user" {\n    for_each = var.users\n    content {\n      uid = posix_user.value\n      gid = posix_user.value\n    }\n  }\n'), files: { 'v.tf': 'variable "users" {\n  type = list(number)\n}\n' } },
    { format: 'cloudformation', code: cfn('      PosixUser:\n        Uid: "1000"\n        Gid: "1000"\n') },
    { name: 'CloudFormation parameter without default', format: 'cloudformation', code: 'Parameters:\n  User:\n    Type: String\nConditions:\n  HasUser: !Not [!Equals [!Ref User, ""]]\n' + cfn('      PosixUser: !If\n        - HasUser\n        - Uid: !Ref User\n          Gid: !Ref User\n        - !Ref AWS::NoValue\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: ap(''), errors: [{ line: 1, column: 1, message: /posix_user is not set: EFS trusts the UID and GID each client claims/ }], output: null },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn('      RootDirectory:\n        Path: /app\n'), errors: [{ line: 2, column: 3, message: /PosixUser is not set/ }], output: null },
  ],
});
