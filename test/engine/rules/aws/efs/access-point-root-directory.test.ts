import { ruleTester } from '../../../../helpers/rule-tester';

const ap = (extra: string) => `resource "aws_efs_access_point" "app" {\n  file_system_id = "fs-1"\n${extra}}\n`;
const root = (path: string) => `\n  root_directory {\n    path = ${path}\n  }\n`;
const cfn = (extra: string) => `Resources:\n  App:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      FileSystemId: fs-1\n${extra}`;

ruleTester('aws-efs-access-point-root-directory', {
  valid: [
    { format: 'terraform', code: ap(root('"/app"')) },
    { name: 'unknown', format: 'terraform', code: ap(root('var.dir')), files: { 'v.tf': 'variable "dir" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: cfn('      RootDirectory:\n        Path: /app\n') },
    { name: 'CloudFormation parameter without default', format: 'cloudformation', code: 'Parameters:\n  Dir:\n    Type: String\n' + cfn('      RootDirectory:\n        Path: !Ref Dir\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: ap(''), errors: [{ line: 1, column: 1, message: /path is not set/ }], output: null },
    { name: 'explicit root', format: 'terraform', code: ap(root('"/"')), errors: [{ line: 5, column: 12, message: /path is "\/": clients of the access point reach the whole file system/ }], output: null },
    { name: 'block without a path', format: 'terraform', code: ap('\n  root_directory {\n    creation_info {\n      owner_uid   = 1000\n      owner_gid   = 1000\n      permissions = "750"\n    }\n  }\n'), errors: [{ line: 1, message: /path is not set/ }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "dir" {\n  default = "/"\n}\n\n' + ap(root('var.dir')), errors: [{ line: 9, column: 12, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3, message: /Path is not set/ }] },
    { name: 'CloudFormation explicit root', format: 'cloudformation', code: cfn('      RootDirectory:\n        Path: /\n'), errors: [{ line: 7, column: 15, message: /Path is "\/"/ }] },
  ],
});
