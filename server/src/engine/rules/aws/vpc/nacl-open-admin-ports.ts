import type { KindResource } from '../../../model/kind';
import type { networkAcl, networkAclRule } from '../../../model/aws/vpc-network';
import type { ModelResource, Value } from '../../../model/resource';
import type { Span } from '../../../types';
import { defineRule, type RuleContext } from '../../rule';

type Acl = KindResource<typeof networkAcl.fields>;
type AclRule = KindResource<typeof networkAclRule.fields>;

const ADMIN_PORTS: [number, string][] = [
  [22, 'SSH'],
  [3389, 'RDP'],
];
const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

interface Entry {
  protocol: Value<string>;
  action: Value<string>;
  cidrs: Value<string>[];
  fromPort: Value<number>;
  toPort: Value<number>;
}

export default defineRule({
  meta: {
    id: 'aws-vpc-nacl-open-admin-ports',
    provider: 'aws',
    service: 'vpc',
    severity: 'medium',
    title: 'Network ACL allows SSH or RDP from anywhere',
    explanation:
      'Network ACLs are the subnet-wide filter under the security groups. An inbound allow rule from 0.0.0.0/0 or ::/0 covering port 22 or 3389 leaves remote administration to the security groups alone. AWS enforces the rules; which ones you write is up to you.',
    resolution: 'Narrow the rule to known address ranges, or add a lower-numbered deny rule for ports 22 and 3389 from anywhere; administer instances through Session Manager instead.',
    links: ['https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule', 'AWS::EC2::NetworkAclEntry'] },
    controls: ['aws-fsbp:EC2.21', 'cis-aws-v5:5.2'],
    equivalents: { checkov: ['CKV_AWS_231'], trivy: ['AVD-AWS-0105', 'aws-ec2-no-public-ingress-acl'], kics: ['3af7f2fd-06e6-4dab-b996-2912bea19ba4', 'a20be318-cac7-457b-911d-04cc6e812c25'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          { code: 'resource "aws_network_acl_rule" "ssh" {\n  network_acl_id = "acl-123"\n  rule_number    = 100\n  egress         = false\n  protocol       = "tcp"\n  rule_action    = "allow"\n  cidr_block     = "0.0.0.0/0"\n  from_port      = 22\n  to_port        = 22\n}\n' },
          { code: 'resource "aws_network_acl" "main" {\n  vpc_id = "vpc-123"\n  ingress {\n    protocol   = "-1"\n    rule_no    = 100\n    action     = "allow"\n    cidr_block = "0.0.0.0/0"\n    from_port  = 0\n    to_port    = 0\n  }\n}\n' },
        ],
        good: [{ code: 'resource "aws_network_acl_rule" "https" {\n  network_acl_id = "acl-123"\n  rule_number    = 100\n  protocol       = "tcp"\n  rule_action    = "allow"\n  cidr_block     = "0.0.0.0/0"\n  from_port      = 443\n  to_port        = 443\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Rdp:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: acl-123\n      RuleNumber: 100\n      Protocol: 6\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n      PortRange:\n        From: 3389\n        To: 3389\n' }],
        good: [{ code: 'Resources:\n  Rdp:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: acl-123\n      RuleNumber: 100\n      Protocol: 6\n      RuleAction: allow\n      CidrBlock: 10.0.0.0/8\n      PortRange:\n        From: 3389\n        To: 3389\n' }],
      },
    },
  },
  check(ctx) {
    for (const acl of ctx.resources<Acl>('aws.ec2.network-acl')) {
      for (const item of acl.f.ingress.items) {
        const f = item.f;
        check(ctx, acl, { protocol: f.protocol, action: f.action, cidrs: [f.cidr, f.ipv6Cidr], fromPort: f.fromPort, toPort: f.toPort }, item.span);
      }
    }
    for (const r of ctx.resources<AclRule>('aws.ec2.network-acl-rule')) {
      if (r.f.egress.origin === 'unknown' || r.f.egress.value !== false) continue;
      check(ctx, r, { protocol: r.f.protocol, action: r.f.action, cidrs: [r.f.cidr, r.f.ipv6Cidr], fromPort: r.f.fromPort, toPort: r.f.toPort });
    }
  },
});

/**
 * Protocol "-1"/"all" covers every port whatever the range says; TCP (6) uses the range. Other protocols (UDP, ICMP)
 * do not carry SSH or RDP.
 */
function opensAdminPorts(e: Entry): [number, string][] | undefined {
  if (e.protocol.origin === 'unknown' || e.protocol.value === undefined) return undefined;
  const p = e.protocol.value.trim().toLowerCase();
  if (p === '-1' || p === 'all') return ADMIN_PORTS;
  if (p !== 'tcp' && p !== '6') return [];
  if (e.fromPort.origin === 'unknown' || e.toPort.origin === 'unknown') return undefined;
  const from = e.fromPort.value ?? 0;
  const to = e.toPort.value ?? 65535;
  return ADMIN_PORTS.filter(([port]) => from <= port && port <= to);
}

function check(ctx: RuleContext, resource: ModelResource, e: Entry, span?: Span): void {
  if (e.action.origin === 'unknown' || e.action.value?.toLowerCase() !== 'allow') return;
  const open = opensAdminPorts(e);
  if (!open || open.length === 0) return;
  for (const cidr of e.cidrs) {
    if (cidr.origin === 'unknown' || !ANYWHERE.has(cidr.value ?? '')) continue;
    ctx.report({
      resource,
      value: cidr,
      ...(span && cidr.span === undefined ? { span } : {}),
      message: `Inbound allow from ${cidr.value} to port ${open.map(([p, n]) => `${p} (${n})`).join(' and ')}: the subnet lets remote administration in from anywhere`,
      fix: cidr.site ? { title: 'Restrict the source to a trusted range (enter it)', actions: [{ type: 'set', site: cidr.site, value: { $placeholder: cidr.value === '::/0' ? '2001:db8::/32' : '203.0.113.0/24' } }] } : undefined,
    });
  }
}
