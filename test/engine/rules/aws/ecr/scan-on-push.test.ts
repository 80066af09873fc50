import { ruleTester } from '../../../../helpers/rule-tester';

const repo = (extra: string) => `resource "aws_ecr_repository" "app" {\n  name = "app"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  App:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: app\n${extra}`;

ruleTester('aws-ecr-scan-on-push', {
  valid: [
    { format: 'terraform', code: repo('  image_scanning_configuration {\n    scan_on_push = true\n  }\n') },
    { name: 'unknown', format: 'terraform', code: repo('  image_scanning_configuration {\n    scan_on_push = var.scan\n  }\n'), files: { 'v.tf': 'variable "scan" {\n  type = bool\n}\n' } },
    {
      name: 'registry-wide scanning is declared',
      format: 'terraform',
      code: repo('') + '\nresource "aws_ecr_registry_scanning_configuration" "main" {\n  scan_type = "ENHANCED"\n}\n',
    },
    { format: 'cloudformation', code: cfn('      ImageScanningConfiguration:\n        ScanOnPush: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: repo(''), errors: [{ line: 1, column: 1, message: /scan_on_push is not set/ }], output: repo('  image_scanning_configuration {\n    scan_on_push = true\n  }\n') },
    {
      format: 'terraform',
      code: repo('  image_scanning_configuration {\n    scan_on_push = false\n  }\n'),
      errors: [{ line: 4, column: 20, message: /scan_on_push is false/ }],
      output: repo('  image_scanning_configuration {\n    scan_on_push = true\n  }\n'),
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "scan" {\n  default = false\n}\n\n' + repo('  image_scanning_configuration {\n    scan_on_push = var.scan\n  }\n'), errors: [{ line: 8, column: 20, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }], output: cfn('      ImageScanningConfiguration:\n        ScanOnPush: true\n') },
    { format: 'cloudformation', code: cfn('      ImageScanningConfiguration:\n        ScanOnPush: false\n'), errors: [{ line: 7, column: 21 }], output: cfn('      ImageScanningConfiguration:\n        ScanOnPush: true\n') },
  ],
});
