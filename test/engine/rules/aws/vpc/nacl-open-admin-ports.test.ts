import { ruleTester } from '../../../../helpers/rule-tester';

const rule = (extra: string) => `resource "aws_network_acl_rule" "r" {\n  network_acl_id = "acl-123"\n  rule_number    = 100\n  rule_action    = "allow"\n${extra}}\n`;
const tcp = (cidr: string, from: number, to: number) => rule(`  protocol       = "tcp"\n  cidr_block     = ${cidr}\n  from_port      = ${from}\n  to_port        = ${to}\n`);
const cfn = (extra: string) => `Resources:\n  Entry:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: acl-123\n      RuleNumber: 100\n      RuleAction: allow\n${extra}`;

ruleTester('aws-vpc-nacl-open-admin-ports', {
  valid: [
    { name: 'HTTPS from anywhere', format: 'terraform', code: tcp('"0.0.0.0/0"', 443, 443) },
    { name: 'SSH from a private range', format: 'terraform', code: tcp('"10.0.0.0/8"', 22, 22) },
    { name: 'deny rule', format: 'terraform', code: tcp('"0.0.0.0/0"', 22, 22).replace('"allow"', '"deny"') },
    { name: 'egress', format: 'terraform', code: tcp('"0.0.0.0/0"', 22, 22).replace('  rule_action', '  egress         = true\n  rule_action') },
    { name: 'UDP does not carry SSH', format: 'terraform', code: tcp('"0.0.0.0/0"', 0, 65535).replace('"tcp"', '"udp"') },
    { name: 'unknown CIDR', format: 'terraform', code: tcp('var.cidr', 22, 22), files: { 'v.tf': 'variable "cidr" {}\n' } },
    { format: 'cloudformation', code: cfn('      Protocol: 6\n      CidrBlock: 0.0.0.0/0\n      PortRange:\n        From: 443\n        To: 443\n') },
    { name: 'CloudFormation egress', format: 'cloudformation', code: cfn('      Egress: true\n      Protocol: -1\n      CidrBlock: 0.0.0.0/0\n') },
  ],
  invalid: [
    {
      name: 'SSH',
      format: 'terraform',
      code: tcp('"0.0.0.0/0"', 22, 22),
      errors: [{ line: 6, column: 20, message: /port 22 \(SSH\)/, severity: 'medium' }],
      output: tcp('"203.0.113.0/24"', 22, 22),
    },
    { name: 'a range covering both', format: 'terraform', code: tcp('"0.0.0.0/0"', 0, 65535), errors: [{ line: 6, message: /22 \(SSH\) and 3389 \(RDP\)/ }] },
    {
      name: 'inline ingress, all protocols, IPv6',
      format: 'terraform',
      code: 'resource "aws_network_acl" "main" {\n  vpc_id = "vpc-123"\n  ingress {\n    protocol        = "-1"\n    rule_no         = 100\n    action          = "allow"\n    ipv6_cidr_block = "::/0"\n    from_port       = 0\n    to_port         = 0\n  }\n}\n',
      errors: [{ line: 7, column: 23, message: /from ::\/0/ }],
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "cidr" {\n  default = "0.0.0.0/0"\n}\n\n' + tcp('var.cidr', 3389, 3389), errors: [{ line: 10, column: 20, message: /3389/, relatedLines: [2] }] },
    {
      name: 'CloudFormation RDP',
      format: 'cloudformation',
      code: cfn('      Protocol: 6\n      CidrBlock: 0.0.0.0/0\n      PortRange:\n        From: 3389\n        To: 3389\n'),
      errors: [{ line: 9, column: 18 }],
      output: cfn('      Protocol: 6\n      CidrBlock: "203.0.113.0/24"\n      PortRange:\n        From: 3389\n        To: 3389\n'),
    },
    { name: 'CloudFormation all protocols', format: 'cloudformation', code: cfn('      Protocol: -1\n      CidrBlock: 0.0.0.0/0\n'), errors: [{ line: 9, column: 18 }] },
  ],
});
