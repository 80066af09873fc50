// Security groups and their rules, whichever way they are written: inline ingress/egress blocks,
// aws_security_group_rule, aws_vpc_security_group_ingress_rule/egress_rule, CloudFormation inline
// SecurityGroupIngress/Egress or separate AWS::EC2::SecurityGroupIngress/Egress resources.
import type { SourceResource } from '../../source';
import type { Span } from '../../types';
import type { ModelResource, Value, ValueSite } from '../resource';

export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  /** Normalized protocol: `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all), or a protocol number as text. */
  protocol: Value<string>;
  fromPort: Value<number>;
  toPort: Value<number>;
  /** IPv4 and IPv6 CIDR ranges, each with its own span. */
  cidrs: Value<string>[];
  /** Where the rule is written: an inline block/list item, or a separate rule resource. */
  site: ValueSite;
  span?: Span;
  source: SourceResource;
}

export interface SecurityGroup extends ModelResource {
  kind: 'aws.ec2.security-group';
  /** True for aws_default_security_group. */
  isDefault: boolean;
  rules: SecurityGroupRule[];
}

export const PUBLIC_CIDRS = new Set(['0.0.0.0/0', '::/0']);

/** True when the rule covers every port (protocol all, or a TCP/UDP range 0–65535). */
export function coversAllPorts(r: SecurityGroupRule): boolean | undefined {
  if (r.protocol.origin === 'unknown') return undefined;
  const p = r.protocol.value;
  if (p === '-1' || p === 'all') return true;
  if (r.fromPort.origin === 'unknown' || r.toPort.origin === 'unknown') return undefined;
  return (p === 'tcp' || p === 'udp' || p === '6' || p === '17') && (r.fromPort.value ?? 0) <= 0 && (r.toPort.value ?? 65535) >= 65535;
}

/** True when the rule opens TCP `port` (protocol all, or a TCP range containing it); undefined when unknown. */
export function opensTcpPort(r: SecurityGroupRule, port: number): boolean | undefined {
  if (r.protocol.origin === 'unknown') return undefined;
  const p = r.protocol.value;
  if (p === '-1' || p === 'all') return true;
  if (p !== 'tcp' && p !== '6') return false;
  if (r.fromPort.origin === 'unknown' || r.toPort.origin === 'unknown') return undefined;
  const from = r.fromPort.value ?? 0;
  const to = r.toPort.value ?? 65535;
  return from <= port && port <= to;
}

export function normalizeProtocol(p: string): string {
  const s = p.trim().toLowerCase();
  if (s === '-1' || s === 'all') return '-1';
  if (s === '6') return 'tcp';
  if (s === '17') return 'udp';
  if (s === '1') return 'icmp';
  if (s === '58') return 'icmpv6';
  return s;
}
