// Field specs for security group rules in each of their written forms.
import type { FieldSpec } from '../model/kind';

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
