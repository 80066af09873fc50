import { ruleTester } from '../../../../helpers/rule-tester';

const lc = (extra: string) => `resource "aws_launch_configuration" "web" {\n  image_id      = "ami-12345678"\n  instance_type = "t3.micro"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Web:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n${extra}`;

ruleTester('aws-ec2-launch-config-imdsv2', {
  valid: [
    { format: 'terraform', code: lc('  metadata_options {\n    http_tokens = "required"\n  }\n') },
    { name: 'metadata endpoint off', format: 'terraform', code: lc('  metadata_options {\n    http_endpoint = "disabled"\n  }\n') },
    { name: 'unknown', format: 'terraform', code: lc('  metadata_options {\n    http_tokens = var.t\n  }\n'), files: { 'v.tf': 'variable "t" {}\n' } },
    { format: 'cloudformation', code: cfn('      MetadataOptions:\n        HttpTokens: required\n') },
  ],
  invalid: [
    {
      name: 'omitted',
      format: 'terraform',
      code: lc(''),
      errors: [{ line: 1, column: 1, message: /http_tokens is not set \(EC2 allows IMDSv1 unless the AMI's ImdsSupport is v2\.0 or the account's IMDS default requires tokens\)/ }],
      output: lc('  metadata_options {\n    http_tokens = "required"\n  }\n'),
    },
    {
      name: 'optional',
      format: 'terraform',
      code: lc('  metadata_options {\n    http_tokens = "optional"\n  }\n'),
      errors: [{ line: 5, column: 19, message: /"optional"/, severity: 'high' }],
      output: lc('  metadata_options {\n    http_tokens = "required"\n  }\n'),
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "t" {\n  default = "optional"\n}\n\n' + lc('  metadata_options {\n    http_tokens = var.t\n  }\n'), errors: [{ line: 9, column: 19, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3 }], output: cfn('      MetadataOptions:\n        HttpTokens: required\n') },
    { name: 'CloudFormation parameter default', format: 'cloudformation', code: 'Parameters:\n  T:\n    Type: String\n    Default: optional\n' + cfn('      MetadataOptions:\n        HttpTokens: !Ref T\n'), errors: [{ line: 12, column: 21, relatedLines: [4] }] },
  ],
});
