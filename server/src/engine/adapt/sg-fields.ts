// Field specs for security group rules in each of their written forms.
import { normalizeProtocol, type SecurityGroupRule } from '../model/aws/vpc';
import type { FieldSpec, Fields, Path } from '../model/kind';
import type { Value } from '../model/resource';
import type { SourceResource } from '../source';

const ALL_PROTOCOLS = { value: '-1', reason: 'all protocols' };

/** Terraform inline ingress/egress blocks and aws_security_group_rule share these names. */
export const tfRuleFields = {
  type: { type: 'string', terraform: ['type'] },
  fromPort: { type: 'number', terraform: ['from_port'] },
  toPort: { type: 'number', terraform: ['to_port'] },
  protocol: { type: 'string', terraform: ['protocol'] },
  cidrs: { type: 'strings', terraform: ['cidr_blocks'] },
  cidrs6: { type: 'strings', terraform: ['ipv6_cidr_blocks'] },
  groupId: { type: 'raw', terraform: ['security_group_id'] },
} satisfies Record<string, FieldSpec>;

/** aws_vpc_security_group_ingress_rule / _egress_rule: one CIDR per rule, `ip_protocol`. */
export const tfVpcRuleFields = {
  fromPort: { type: 'number', terraform: ['from_port'] },
  toPort: { type: 'number', terraform: ['to_port'] },
  protocol: { type: 'string', terraform: ['ip_protocol'] },
  cidrs: { type: 'strings', terraform: ['cidr_ipv4'] },
  cidrs6: { type: 'strings', terraform: ['cidr_ipv6'] },
  groupId: { type: 'raw', terraform: ['security_group_id'] },
} satisfies Record<string, FieldSpec>;

/** CloudFormation inline SecurityGroupIngress/Egress items and AWS::EC2::SecurityGroupIngress/Egress resources. */
export const cfnRuleFields = {
  fromPort: { type: 'number', cloudformation: ['FromPort'] },
  toPort: { type: 'number', cloudformation: ['ToPort'] },
  protocol: { type: 'string', cloudformation: ['IpProtocol'], default: ALL_PROTOCOLS },
  cidrs: { type: 'strings', cloudformation: ['CidrIp'] },
  cidrs6: { type: 'strings', cloudformation: ['CidrIpv6'] },
  groupId: { type: 'raw', cloudformation: ['GroupId'] },
} satisfies Record<string, FieldSpec>;

type RuleFields = Fields<typeof tfRuleFields>;

/** One normalized rule from any written form (the field names above are already format-neutral). */
export function toRule(
  direction: 'ingress' | 'egress',
  f: Pick<RuleFields, 'fromPort' | 'toPort' | 'protocol' | 'cidrs' | 'cidrs6'>,
  source: SourceResource,
  path: Path,
  span?: SecurityGroupRule['span'],
): SecurityGroupRule {
  const protocol: Value<string> = f.protocol.origin === 'unknown' || f.protocol.value === undefined ? f.protocol : { ...f.protocol, value: normalizeProtocol(f.protocol.value) };
  const rule: SecurityGroupRule = {
    direction,
    protocol,
    fromPort: f.fromPort,
    toPort: f.toPort,
    cidrs: [...f.cidrs.items, ...f.cidrs6.items, ...unknownList(f.cidrs.value), ...unknownList(f.cidrs6.value)],
    site: { resource: source, path },
    source,
  };
  if (span) rule.span = span;
  return rule;
}

/** A CIDR list that is itself unknown contributes one unknown entry, so rules know they cannot see it. */
function unknownList(v: Value<unknown>): Value<string>[] {
  return v.origin === 'unknown' ? [v as Value<string>] : [];
}
