import { ruleTester } from '../../../../helpers/rule-tester';

const inst = (extra: string) => `resource "aws_instance" "web" {\n  ami           = "ami-12345678"\n  instance_type = "t3.micro"\n${extra}}\n`;

ruleTester('aws-ec2-require-imdsv2', {
  valid: [
    { format: 'terraform', code: inst('  metadata_options {\n    http_tokens = "required"\n  }\n') },
    { name: 'launch template decides', format: 'terraform', code: inst('  launch_template {\n    id = "lt-123"\n  }\n') },
    { name: 'unknown', format: 'terraform', code: inst('  metadata_options {\n    http_tokens = var.tokens\n  }\n'), files: { 'v.tf': 'variable "tokens" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  T:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        MetadataOptions:\n          HttpTokens: required\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      LaunchTemplate:\n        LaunchTemplateId: !Ref T\n        Version: "1"\n' },
  ],
  invalid: [
    {
      name: 'omitted',
      format: 'terraform',
      code: inst(''),
      errors: [{ line: 1, message: /http_tokens is not set/, severity: 'high' }],
      output: inst('  metadata_options {\n    http_tokens = "required"\n  }\n'),
    },
    { name: 'optional', format: 'terraform', code: inst('  metadata_options {\n    http_tokens = "optional"\n  }\n'), errors: [{ line: 5, column: 19 }], output: inst('  metadata_options {\n    http_tokens = "required"\n  }\n') },
    {
      name: 'one-line block',
      format: 'terraform',
      code: inst('  metadata_options { http_endpoint = "enabled" }\n'),
      errors: [{ line: 1 }],
      output: inst('  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens = "required"\n  }\n'),
    },
    {
      name: 'CloudFormation launch template omitted',
      format: 'cloudformation',
      code: 'Resources:\n  T:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        InstanceType: t3.micro\n',
      errors: [{ line: 2 }],
      output: 'Resources:\n  T:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        InstanceType: t3.micro\n        MetadataOptions:\n          HttpTokens: required\n',
    },
    { name: 'CloudFormation instance without a launch template', format: 'cloudformation', code: 'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n', errors: [{ line: 2, message: /no launch template/ }], output: null },
  ],
});
