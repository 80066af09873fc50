import { ruleTester } from '../../../../helpers/rule-tester';

const sg = (from: string, to: string, proto: string, cidr: string) =>
  `resource "aws_security_group" "any" {\n  ingress {\n    from_port   = ${from}\n    to_port     = ${to}\n    protocol    = ${proto}\n    cidr_blocks = [${cidr}]\n  }\n}\n`;

ruleTester('aws-ec2-open-all-ports', {
  valid: [
    { format: 'terraform', code: sg('0', '0', '"-1"', '"10.0.0.0/8"') },
    { format: 'terraform', code: sg('80', '80', '"tcp"', '"0.0.0.0/0"') },
    { name: 'unknown protocol', format: 'terraform', code: sg('0', '0', 'var.p', '"0.0.0.0/0"'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  Any:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: any\n      SecurityGroupEgress:\n        - IpProtocol: "-1"\n          CidrIp: 0.0.0.0/0\n' },
  ],
  invalid: [
    { name: 'protocol -1', format: 'terraform', code: sg('0', '0', '"-1"', '"0.0.0.0/0"'), errors: [{ line: 6, column: 20, severity: 'critical' }], output: null },
    { name: 'tcp 0-65535', format: 'terraform', code: sg('0', '65535', '"tcp"', '"0.0.0.0/0"'), errors: [{ line: 6 }] },
    { name: 'protocol from a local', format: 'terraform', code: 'locals {\n  proto = "all"\n}\n\n' + sg('0', '0', 'local.proto', '"0.0.0.0/0"'), errors: [{ line: 10 }] },
    { name: 'CloudFormation IpProtocol omitted on a separate resource means all', format: 'cloudformation', code: 'Resources:\n  Any:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: sg-123\n      IpProtocol: "-1"\n      CidrIp: 0.0.0.0/0\n', errors: [{ line: 7, column: 15 }] },
  ],
});
