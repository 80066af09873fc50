import { ruleTester } from '../../../../helpers/rule-tester';

const sg = (body: string) => `resource "aws_default_security_group" "default" {\n  vpc_id = "vpc-123"\n${body}}\n`;
const ingress = '  ingress {\n    protocol  = "-1"\n    self      = true\n    from_port = 0\n    to_port   = 0\n  }\n';
const egress = '  egress {\n    protocol    = "-1"\n    from_port   = 0\n    to_port     = 0\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n';

ruleTester('aws-vpc-default-sg-rules', {
  valid: [
    { name: 'empty: every rule removed', format: 'terraform', code: sg('') },
    { name: 'ordinary groups may have rules', format: 'terraform', code: `resource "aws_security_group" "web" {\n${ingress}}\n` },
  ],
  invalid: [
    { name: 'inline ingress and egress', format: 'terraform', code: sg(ingress + egress), errors: [{ line: 3, column: 3, message: /an inbound rule/, severity: 'high' }, { line: 9, column: 3, message: /an outbound rule/ }], output: null },
    {
      name: 'a separate rule resource',
      format: 'terraform',
      code: sg('') + '\nresource "aws_vpc_security_group_ingress_rule" "https" {\n  security_group_id = aws_default_security_group.default.id\n  ip_protocol       = "tcp"\n  from_port         = 443\n  to_port           = 443\n  cidr_ipv4         = "10.0.0.0/8"\n}\n',
      errors: [{ line: 5, message: /aws_vpc_security_group_ingress_rule\.https/ }],
    },
  ],
});
