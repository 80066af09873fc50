import { coversAllPorts, PUBLIC_CIDRS, type SecurityGroup } from '../../../model/aws/vpc';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'aws-ec2-open-all-ports',
    provider: 'aws',
    service: 'ec2',
    severity: 'critical',
    title: 'Security group allows every port from the whole internet',
    explanation:
      'A rule that opens all protocols or the whole port range to 0.0.0.0/0 or ::/0 turns the security group off: every service on the instance, including ones started later or by an attacker, is reachable from the internet. Which traffic may reach your resources is your decision, not AWS\'s.',
    resolution: 'Open only the ports the workload serves, to the sources that need them.',
    links: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18'],
    responsibility: {
      layer: 'network-configuration',
      resourceTypes: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
    },
    controls: ['aws-fsbp:EC2.18', 'aws-fsbp:EC2.19'],
    equivalents: { checkov: ['CKV_AWS_277'], trivy: ['AVD-AWS-0107', 'aws-ec2-no-public-ingress-sgr'], kics: ['4728cd65-a20c-49da-8b31-9c08b423e4db', '4a1e6b34-1008-4e61-a5f2-1f7c276f8d14'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_security_group" "any" {\n  ingress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' }],
        good: [{ code: 'resource "aws_security_group" "any" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Any:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: any\n      SecurityGroupIngress:\n        - IpProtocol: "-1"\n          CidrIpv6: ::/0\n' }],
        good: [{ code: 'Resources:\n  Any:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: any\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 443\n          ToPort: 443\n          CidrIp: 0.0.0.0/0\n' }],
      },
    },
  },
  check(ctx) {
    for (const sg of ctx.resources<SecurityGroup>('aws.ec2.security-group')) {
      for (const rule of sg.rules) {
        if (rule.direction !== 'ingress' || coversAllPorts(rule) !== true) continue;
        for (const cidr of rule.cidrs) {
          if (cidr.origin === 'unknown' || !PUBLIC_CIDRS.has(cidr.value ?? '')) continue;
          ctx.report({ resource: sg, value: cidr, message: `Ingress from ${cidr.value} on every port: the security group filters nothing from the internet` });
        }
      }
    }
  },
});
