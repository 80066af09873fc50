import { ruleTester } from '../../../../helpers/rule-tester';

const vol = (extra: string) => `resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 40\n${extra}}\n`;

ruleTester('aws-ec2-ebs-encryption', {
  valid: [
    { format: 'terraform', code: vol('  encrypted         = true\n') },
    { name: 'restored from a snapshot: inherits', format: 'terraform', code: vol('  snapshot_id       = "snap-123"\n') },
    { name: 'unknown', format: 'terraform', code: vol('  encrypted         = var.enc\n'), files: { 'v.tf': 'variable "enc" {\n  type = bool\n}\n' } },
    { name: 'instance with encrypted root', format: 'terraform', code: 'resource "aws_instance" "web" {\n  ami = "ami-1"\n  root_block_device {\n    encrypted = true\n  }\n}\n' },
    { format: 'cloudformation', code: 'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            Encrypted: true\n        - DeviceName: /dev/sdb\n          VirtualName: ephemeral0\n' },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: vol(''), errors: [{ line: 1, column: 1, message: /encrypted is not set/ }], output: vol('  encrypted = true\n') },
    { name: 'explicit false', format: 'terraform', code: vol('  encrypted         = false\n'), errors: [{ line: 4, column: 23 }], output: vol('  encrypted         = true\n') },
    {
      name: 'instance root volume omitted and an unencrypted EBS device',
      format: 'terraform',
      code: 'resource "aws_instance" "web" {\n  ami = "ami-1"\n  ebs_block_device {\n    device_name = "/dev/sdb"\n    encrypted   = false\n  }\n}\n',
      errors: [{ line: 1, message: /root volume/ }, { line: 5, column: 19, message: /\/dev\/sdb/ }],
      output: 'resource "aws_instance" "web" {\n  ami = "ami-1"\n  ebs_block_device {\n    device_name = "/dev/sdb"\n    encrypted   = true\n  }\n  root_block_device {\n    encrypted = true\n  }\n}\n',
    },
    {
      name: 'launch template device',
      format: 'terraform',
      code: 'resource "aws_launch_template" "t" {\n  block_device_mappings {\n    device_name = "/dev/xvda"\n    ebs {\n      volume_size = 20\n    }\n  }\n}\n',
      errors: [{ line: 1 }],
      output: 'resource "aws_launch_template" "t" {\n  block_device_mappings {\n    device_name = "/dev/xvda"\n    ebs {\n      volume_size = 20\n      encrypted = true\n    }\n  }\n}\n',
    },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: 'Resources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 40\n', errors: [{ line: 2 }], output: 'Resources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 40\n      Encrypted: true\n' },
    {
      name: 'CloudFormation instance device',
      format: 'cloudformation',
      code: 'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n',
      errors: [{ line: 2 }],
      output: 'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n            Encrypted: true\n',
    },
    { name: 'CloudFormation parameter default', format: 'cloudformation', code: 'Parameters:\n  Enc:\n    Type: String\n    Default: "false"\nResources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !Ref Enc\n', errors: [{ line: 9, column: 18, relatedLines: [4] }] },
  ],
});
