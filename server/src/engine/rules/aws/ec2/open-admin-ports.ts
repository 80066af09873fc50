import { coversAllPorts, opensTcpPort, PUBLIC_CIDRS, type SecurityGroup } from '../../../model/aws/vpc';
import { defineRule } from '../../rule';

const ADMIN_PORTS: [number, string][] = [
  [22, 'SSH'],
  [3389, 'RDP'],
];

export default defineRule({
  meta: {
    id: 'aws-ec2-open-admin-ports',
    provider: 'aws',
    service: 'ec2',
    severity: 'high',
    title: 'Security group allows SSH or RDP from the whole internet',
    explanation:
      'AWS runs the network; the firewall rules on it are yours. An ingress rule from 0.0.0.0/0 or ::/0 to port 22 or 3389 exposes remote administration to every scanner on the internet, so one weak password or unpatched service is enough.',
    resolution: 'Restrict the source to known address ranges, or remove the rule and use Session Manager or a bastion reached through a VPN.',
    links: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-53'],
    responsibility: {
      layer: 'network-configuration',
      resourceTypes: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
    },
    controls: ['aws-fsbp:EC2.53', 'aws-fsbp:EC2.54', 'aws-securityhub:EC2.13', 'aws-securityhub:EC2.14', 'cis-aws-v5:5.3', 'cis-aws-v5:5.4'],
    equivalents: { checkov: ['CKV_AWS_24', 'CKV_AWS_25'], trivy: ['AVD-AWS-0107', 'aws-ec2-no-public-ingress-sgr'], kics: ['65905cec-d691-4320-b320-2000436cb696', '151187cb-0efc-481c-babd-ad24e3c9bc22', '4728cd65-a20c-49da-8b31-9c08b423e4db', '4a1e6b34-1008-4e61-a5f2-1f7c276f8d14'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          { code: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' },
          { code: 'resource "aws_security_group" "web" {}\n\nresource "aws_vpc_security_group_ingress_rule" "rdp" {\n  security_group_id = aws_security_group.web.id\n  from_port         = 3389\n  to_port           = 3389\n  ip_protocol       = "tcp"\n  cidr_ipv6         = "::/0"\n}\n' },
        ],
        good: [{ code: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 443\n          ToPort: 443\n          CidrIp: 0.0.0.0/0\n' }],
      },
    },
  },
  check(ctx) {
    for (const sg of ctx.resources<SecurityGroup>('aws.ec2.security-group')) {
      for (const rule of sg.rules) {
        if (rule.direction !== 'ingress' || coversAllPorts(rule) !== false) continue; // all ports: aws-ec2-open-all-ports
        const open = ADMIN_PORTS.filter(([port]) => opensTcpPort(rule, port) === true);
        if (open.length === 0) continue;
        for (const cidr of rule.cidrs) {
          if (cidr.origin === 'unknown' || !PUBLIC_CIDRS.has(cidr.value ?? '')) continue;
          const names = open.map(([p, n]) => `${p} (${n})`).join(' and ');
          ctx.report({
            resource: sg,
            value: cidr,
            message: `Ingress from ${cidr.value} to port ${names}: remote administration is open to the internet`,
            fix: cidr.site ? { title: 'Restrict the source to a trusted range (enter it)', actions: [{ type: 'set', site: cidr.site, value: { $placeholder: cidr.value === '::/0' ? '2001:db8::/32' : '203.0.113.0/24' } }] } : undefined,
          });
        }
      }
    }
  },
});
