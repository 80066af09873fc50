import { ruleTester } from '../../../../helpers/rule-tester';

const inst = (extra: string) => `resource "aws_instance" "web" {\n  ami           = "ami-12345678"\n  instance_type = "t3.micro"\n${extra}}\n`;
const cfn = (v: string) => `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      NetworkInterfaces:\n        - DeviceIndex: "0"\n          SubnetId: subnet-1\n          AssociatePublicIpAddress: ${v}\n`;

ruleTester('aws-ec2-public-ip', {
  valid: [
    { format: 'terraform', code: inst('  associate_public_ip_address = false\n') },
    { name: 'omitted: the subnet decides', format: 'terraform', code: inst('') },
    { name: 'unknown', format: 'terraform', code: inst('  associate_public_ip_address = var.pub\n'), files: { 'v.tf': 'variable "pub" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('false') },
    { name: 'parameter without default', format: 'cloudformation', code: 'Parameters:\n  Pub:\n    Type: String\n' + cfn('!Ref Pub') },
  ],
  invalid: [
    {
      name: 'instance',
      format: 'terraform',
      code: inst('  associate_public_ip_address = true\n'),
      errors: [{ line: 4, column: 33, message: /this instance gets a public IPv4 address/, severity: 'high' }],
      output: inst('  associate_public_ip_address = false\n'),
    },
    {
      name: 'launch template',
      format: 'terraform',
      code: 'resource "aws_launch_template" "web" {\n  network_interfaces {\n    associate_public_ip_address = true\n  }\n}\n',
      errors: [{ line: 3, column: 35, message: /template get a public/ }],
      output: 'resource "aws_launch_template" "web" {\n  network_interfaces {\n    associate_public_ip_address = false\n  }\n}\n',
    },
    {
      name: 'launch configuration from a variable default',
      format: 'terraform',
      code: 'variable "pub" {\n  default = true\n}\n\nresource "aws_launch_configuration" "web" {\n  image_id                    = "ami-1"\n  instance_type               = "t3.micro"\n  associate_public_ip_address = var.pub\n}\n',
      errors: [{ line: 8, column: 33, message: /configuration get a public/, relatedLines: [2] }],
    },
    { name: 'CloudFormation instance', format: 'cloudformation', code: cfn('true'), errors: [{ line: 9, column: 37 }], output: cfn('false') },
    {
      name: 'CloudFormation launch template',
      format: 'cloudformation',
      code: 'Resources:\n  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        NetworkInterfaces:\n          - DeviceIndex: 0\n            AssociatePublicIpAddress: true\n',
      errors: [{ line: 8, column: 39 }],
    },
    {
      name: 'CloudFormation parameter default',
      format: 'cloudformation',
      code: 'Parameters:\n  Pub:\n    Type: String\n    Default: "true"\n' + cfn('!Ref Pub'),
      errors: [{ line: 13, column: 37, relatedLines: [4] }],
    },
  ],
});
