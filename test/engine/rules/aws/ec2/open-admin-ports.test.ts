import { ruleTester } from '../../../../helpers/rule-tester';

const sg = (from: string, to: string, cidr: string, proto = '"tcp"') =>
  `resource "aws_security_group" "web" {\n  ingress {\n    from_port   = ${from}\n    to_port     = ${to}\n    protocol    = ${proto}\n    cidr_blocks = [${cidr}]\n  }\n}\n`;

ruleTester('aws-ec2-open-admin-ports', {
  valid: [
    { format: 'terraform', code: sg('22', '22', '"10.0.0.0/8"') },
    { format: 'terraform', code: sg('443', '443', '"0.0.0.0/0"') },
    { name: 'all ports belongs to aws-ec2-open-all-ports', format: 'terraform', code: sg('0', '0', '"0.0.0.0/0"', '"-1"') },
    { name: 'unknown CIDR', format: 'terraform', code: sg('22', '22', 'var.cidr'), files: { 'variables.tf': 'variable "cidr" {}\n' } },
    { name: 'egress is not ingress', format: 'terraform', code: 'resource "aws_security_group" "web" {\n  egress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' },
    { format: 'cloudformation', code: 'Resources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 10.1.0.0/16\n' },
  ],
  invalid: [
    {
      name: 'SSH from anywhere: placeholder fix',
      format: 'terraform',
      code: sg('22', '22', '"0.0.0.0/0"'),
      errors: [{ line: 6, column: 20, message: /port 22 \(SSH\)/, severity: 'high' }],
      output: sg('22', '22', '"203.0.113.0/24"'),
    },
    { name: 'a range containing RDP', format: 'terraform', code: sg('3000', '4000', '"10.0.0.0/8", "0.0.0.0/0"'), errors: [{ line: 6, column: 34, message: /3389 \(RDP\)/ }] },
    {
      name: 'separate rule resources',
      format: 'terraform',
      code: 'resource "aws_security_group" "web" {}\n\nresource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  security_group_id = aws_security_group.web.id\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  ipv6_cidr_blocks  = ["::/0"]\n}\n\nresource "aws_vpc_security_group_ingress_rule" "rdp" {\n  security_group_id = aws_security_group.web.id\n  from_port         = 3389\n  to_port           = 3389\n  ip_protocol       = "tcp"\n  cidr_ipv4         = "0.0.0.0/0"\n}\n',
      errors: [{ line: 9, column: 24, message: /::\/0/ }, { line: 17, column: 23, message: /0\.0\.0\.0\/0/ }],
    },
    {
      name: 'derived from a variable default',
      format: 'terraform',
      code: 'variable "admin_cidr" {\n  default = "0.0.0.0/0"\n}\n\n' + sg('22', '22', 'var.admin_cidr'),
      errors: [{ line: 10, column: 20, relatedLines: [2] }],
    },
    {
      name: 'CloudFormation',
      format: 'cloudformation',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 3389\n          ToPort: 3389\n          CidrIp: 0.0.0.0/0\n',
      errors: [{ line: 10, column: 19, message: /3389 \(RDP\)/ }],
      output: 'Resources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 3389\n          ToPort: 3389\n          CidrIp: "203.0.113.0/24"\n',
    },
    {
      name: 'CloudFormation separate ingress resource',
      format: 'cloudformation',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n  Ssh:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !GetAtt Web.GroupId\n      IpProtocol: tcp\n      FromPort: 22\n      ToPort: 22\n      CidrIpv6: ::/0\n',
      errors: [{ line: 13, column: 17 }],
    },
  ],
});
