import { ruleTester } from '../../../../helpers/rule-tester';

const fs = (extra: string) => `resource "aws_efs_file_system" "shared" {\n  creation_token = "shared"\n${extra}}\n`;

ruleTester('aws-efs-encryption', {
  valid: [
    { format: 'terraform', code: fs('  encrypted      = true\n') },
    { name: 'unknown', format: 'terraform', code: fs('  encrypted      = var.enc\n'), files: { 'v.tf': 'variable "enc" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  Shared:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n' },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: fs(''), errors: [{ line: 1, column: 1, message: /encrypted is not set \(the EFS API creates unencrypted file systems unless asked; only the console defaults to encryption\)/ }], output: fs('  encrypted = true\n') },
    { name: 'explicit false', format: 'terraform', code: fs('  encrypted      = false\n'), errors: [{ line: 3, column: 20 }], output: fs('  encrypted      = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "enc" {\n  default = false\n}\n\n' + fs('  encrypted      = var.enc\n'), errors: [{ line: 7, column: 20, relatedLines: [2] }] },
    {
      name: 'CloudFormation from a parameter default',
      format: 'cloudformation',
      code: 'Parameters:\n  Enc:\n    Type: String\n    Default: "false"\nResources:\n  Shared:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: !Ref Enc\n',
      errors: [{ line: 9, relatedLines: [4] }],
    },
    {
      name: 'CloudFormation omitted',
      format: 'cloudformation',
      code: 'Resources:\n  Shared:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      PerformanceMode: generalPurpose\n',
      errors: [{ line: 2 }],
      output: 'Resources:\n  Shared:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      PerformanceMode: generalPurpose\n      Encrypted: true\n',
    },
  ],
});
