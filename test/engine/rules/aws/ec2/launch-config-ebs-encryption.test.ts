import { ruleTester } from '../../../../helpers/rule-tester';

const lc = (extra: string) => `resource "aws_launch_configuration" "web" {\n  image_id      = "ami-12345678"\n  instance_type = "t3.micro"\n${extra}}\n`;
const root = (v: string) => `  root_block_device {\n    encrypted = ${v}\n  }\n`;
const cfn = (ebs: string) => `Resources:\n  Web:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n${ebs}`;

ruleTester('aws-ec2-launch-config-ebs-encryption', {
  valid: [
    { format: 'terraform', code: lc(root('true')) },
    { name: 'device from a snapshot inherits', format: 'terraform', code: lc(root('true') + '  ebs_block_device {\n    device_name = "/dev/sdb"\n    snapshot_id = "snap-1"\n  }\n') },
    { name: 'unknown', format: 'terraform', code: lc(root('var.enc')), files: { 'v.tf': 'variable "enc" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('            Encrypted: true\n') },
    { name: 'instance store is not EBS', format: 'cloudformation', code: 'Resources:\n  Web:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n      BlockDeviceMappings:\n        - DeviceName: /dev/sdb\n          VirtualName: ephemeral0\n' },
  ],
  invalid: [
    { name: 'root false', format: 'terraform', code: lc(root('false')), errors: [{ line: 5, column: 17, message: /root volume .* false/ }], output: lc(root('true')) },
    { name: 'root omitted', format: 'terraform', code: lc(''), errors: [{ line: 1, column: 1, message: /not set/ }], output: lc('  root_block_device {\n    encrypted = true\n  }\n') },
    {
      name: 'EBS device omitted',
      format: 'terraform',
      code: lc(root('true') + '  ebs_block_device {\n    device_name = "/dev/sdb"\n  }\n'),
      errors: [{ line: 1, message: /\/dev\/sdb/ }],
      output: lc(root('true') + '  ebs_block_device {\n    device_name = "/dev/sdb"\n    encrypted = true\n  }\n'),
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "enc" {\n  default = false\n}\n\n' + lc(root('var.enc')), errors: [{ line: 9, column: 17, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3, message: /\/dev\/xvda/ }], output: cfn('            Encrypted: true\n') },
  ],
});
