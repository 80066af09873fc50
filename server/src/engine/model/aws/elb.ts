// Elastic Load Balancing: Application/Network/Gateway load balancers (v2), their listeners, and Classic load balancers.
import { defineKind, type KindResource } from '../kind';
import type { FixSpec } from '../../fix/types';
import type { Value } from '../resource';

export const loadBalancer = defineKind({
  kind: 'aws.elb.load-balancer',
  terraform: ['aws_lb', 'aws_alb'],
  cloudformation: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  fields: {
    type: {
      type: 'string',
      terraform: ['load_balancer_type'],
      cloudformation: ['Type'],
      default: { value: 'application', reason: 'a load balancer without a type is an Application Load Balancer' },
    },
    dropInvalidHeaders: {
      type: 'bool',
      terraform: ['drop_invalid_header_fields'],
      default: { value: false, reason: 'ALBs forward header fields with invalid names unless told to drop them' },
      doc: 'Whether the ALB removes HTTP headers whose names are not valid before forwarding the request.',
    },
    deletionProtection: {
      type: 'bool',
      terraform: ['enable_deletion_protection'],
      default: { value: false, reason: 'deletion protection is off by default' },
    },
    desyncMitigationMode: {
      type: 'string',
      terraform: ['desync_mitigation_mode'],
      default: { value: 'defensive', reason: 'ALBs use the defensive desync mitigation mode by default' },
    },
    accessLogs: { type: 'raw', terraform: ['access_logs'] },
    accessLogsEnabled: {
      type: 'bool',
      terraform: ['access_logs', 0, 'enabled'],
      default: { value: false, reason: 'access logs are off unless enabled' },
    },
    /** CloudFormation keeps these settings in a Key/Value list; lbAttribute() below reads one. */
    attributes: {
      type: 'items',
      cloudformation: ['LoadBalancerAttributes'],
      fields: { key: { type: 'string', cloudformation: ['Key'] }, value: { type: 'string', cloudformation: ['Value'] } },
    },
  },
});

export const listener = defineKind({
  kind: 'aws.elb.listener',
  terraform: ['aws_lb_listener', 'aws_alb_listener'],
  cloudformation: ['AWS::ElasticLoadBalancingV2::Listener'],
  fields: {
    protocol: {
      type: 'string',
      terraform: ['protocol'],
      cloudformation: ['Protocol'],
      doc: 'HTTP/HTTPS for Application Load Balancers; TCP/TLS/UDP/TCP_UDP for Network Load Balancers.',
    },
    sslPolicy: { type: 'string', terraform: ['ssl_policy'], cloudformation: ['SslPolicy'] },
    loadBalancerArn: { type: 'raw', terraform: ['load_balancer_arn'], cloudformation: ['LoadBalancerArn'] },
    defaultActions: {
      type: 'items',
      terraform: ['default_action'],
      cloudformation: ['DefaultActions'],
      fields: {
        type: { type: 'string', terraform: ['type'], cloudformation: ['Type'] },
        redirectProtocol: { type: 'string', terraform: ['redirect', 0, 'protocol'], cloudformation: ['RedirectConfig', 'Protocol'] },
      },
    },
  },
});

export const classicLoadBalancer = defineKind({
  kind: 'aws.elb.classic-load-balancer',
  terraform: ['aws_elb'],
  cloudformation: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  fields: {
    listeners: {
      type: 'items',
      terraform: ['listener'],
      cloudformation: ['Listeners'],
      fields: {
        protocol: { type: 'string', terraform: ['lb_protocol'], cloudformation: ['Protocol'] },
        port: { type: 'number', terraform: ['lb_port'], cloudformation: ['LoadBalancerPort'] },
        certificate: { type: 'string', terraform: ['ssl_certificate_id'], cloudformation: ['SSLCertificateId'] },
      },
    },
    crossZone: {
      type: 'bool',
      terraform: ['cross_zone_load_balancing'],
      cloudformation: ['CrossZone'],
      defaults: {
        terraform: { value: true, reason: 'the Terraform resource turns cross-zone load balancing on unless told otherwise' },
        cloudformation: { value: false, reason: 'Classic Load Balancers created through the API keep cross-zone load balancing off unless CrossZone is true' },
      },
    },
    connectionDraining: {
      type: 'bool',
      terraform: ['connection_draining'],
      cloudformation: ['ConnectionDrainingPolicy', 'Enabled'],
      default: { value: false, reason: 'connection draining is off unless enabled' },
    },
    accessLogs: { type: 'raw', terraform: ['access_logs'], cloudformation: ['AccessLoggingPolicy'] },
    accessLogsEnabled: {
      type: 'bool',
      terraform: ['access_logs', 0, 'enabled'],
      cloudformation: ['AccessLoggingPolicy', 'Enabled'],
      defaults: {
        terraform: { value: true, reason: 'an access_logs block is enabled unless enabled = false' },
        cloudformation: { value: false, reason: 'access logs are off unless AccessLoggingPolicy enables them' },
      },
    },
  },
});

export type LoadBalancer = KindResource<typeof loadBalancer.fields>;

/**
 * One CloudFormation LoadBalancerAttributes entry as a value: the entry's Value when the key is listed, a default
 * (with `site` where a fix would add the entry) when it is not, unknown when the list or a key cannot be read.
 */
export function lbAttribute(lb: LoadBalancer, key: string, dflt: { value: string; reason: string }): Value<string> {
  const list = lb.f.attributes;
  if (list.value.origin === 'unknown') return { origin: 'unknown', ...(list.value.reason ? { reason: list.value.reason } : {}) };
  let keysUnknown = false;
  for (const item of list.items) {
    const k = item.f.key;
    if (k.origin === 'unknown') keysUnknown = true;
    else if (k.value === key) return item.f.value;
  }
  if (keysUnknown) return { origin: 'unknown', reason: 'an attribute key is not statically known' };
  return { origin: 'default', value: dflt.value, reason: dflt.reason, site: { resource: lb.source, path: ['LoadBalancerAttributes', list.items.length] } };
}

/**
 * A fix that sets a CloudFormation load balancer attribute: the entry's Value when the key is listed, or a new
 * LoadBalancerAttributes list when there is none. Appending to an existing list is left to the author: the YAML
 * writer cannot add an item to an existing sequence yet.
 */
export function lbAttributeFix(lb: LoadBalancer, key: string, value: string, current: Value<string>): FixSpec | undefined {
  const title = `Set ${key} to "${value}"`;
  if (current.origin !== 'default') return current.site ? { title, actions: [{ type: 'set', site: current.site, value }] } : undefined;
  if (lb.f.attributes.items.length > 0 || lb.f.attributes.value.origin !== 'default') return undefined;
  return { title, actions: [{ type: 'set', site: { resource: lb.source, path: ['LoadBalancerAttributes'] }, value: [{ Key: key, Value: value }] }] };
}
