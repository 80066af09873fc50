// OpenSearch Service domains and legacy Elasticsearch domains: the same settings under the same names.
import { defineKind, type KindResource } from '../kind';
import type { Value, ValueSite } from '../resource';

export const domain = defineKind({
  kind: 'aws.opensearch.domain',
  terraform: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  cloudformation: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  fields: {
    encryptAtRest: {
      type: 'bool',
      terraform: ['encrypt_at_rest', 'enabled'],
      cloudformation: ['EncryptionAtRestOptions', 'Enabled'],
      default: { value: false, reason: 'the OpenSearch API leaves encryption at rest off unless asked' },
      doc: 'Encrypts indices, logs, swap and automated snapshots with KMS.',
    },
    nodeToNode: {
      type: 'bool',
      terraform: ['node_to_node_encryption', 'enabled'],
      cloudformation: ['NodeToNodeEncryptionOptions', 'Enabled'],
      default: { value: false, reason: 'the OpenSearch API leaves node-to-node encryption off unless asked' },
      doc: 'TLS for traffic between the nodes of the domain.',
    },
    enforceHttps: {
      type: 'bool',
      terraform: ['domain_endpoint_options', 'enforce_https'],
      cloudformation: ['DomainEndpointOptions', 'EnforceHTTPS'],
      doc: 'Rejects plain HTTP requests to the domain endpoint.',
    },
    tlsPolicy: {
      type: 'string',
      terraform: ['domain_endpoint_options', 'tls_security_policy'],
      cloudformation: ['DomainEndpointOptions', 'TLSSecurityPolicy'],
      doc: 'Minimum TLS version accepted by the HTTPS endpoint.',
    },
    subnetIds: { type: 'strings', terraform: ['vpc_options', 'subnet_ids'], cloudformation: ['VPCOptions', 'SubnetIds'] },
    vpcOptions: { type: 'raw', terraform: ['vpc_options'], cloudformation: ['VPCOptions'] },
    fineGrained: {
      type: 'bool',
      terraform: ['advanced_security_options', 'enabled'],
      cloudformation: ['AdvancedSecurityOptions', 'Enabled'],
      default: { value: false, reason: 'fine-grained access control is off unless asked' },
      doc: 'Role-based access control inside OpenSearch (index, document and field level).',
    },
    /** Terraform: one block per log type. CloudFormation keys a map by log type instead (the *Cfn fields below). */
    logPublishing: {
      type: 'items',
      terraform: ['log_publishing_options'],
      fields: {
        logType: { type: 'string', terraform: ['log_type'] },
        enabled: { type: 'bool', terraform: ['enabled'], default: { value: true, reason: 'Terraform provider default' } },
      },
    },
    logPublishingCfn: { type: 'raw', cloudformation: ['LogPublishingOptions'] },
    auditLogsCfn: {
      type: 'bool',
      cloudformation: ['LogPublishingOptions', 'AUDIT_LOGS', 'Enabled'],
      default: { value: false, reason: 'CloudFormation default' },
      doc: 'Publishes audit logs (authentication, index access, security changes) to CloudWatch Logs; needs fine-grained access control.',
    },
    errorLogsCfn: {
      type: 'bool',
      cloudformation: ['LogPublishingOptions', 'ES_APPLICATION_LOGS', 'Enabled'],
      default: { value: false, reason: 'CloudFormation default' },
      doc: 'Publishes error logs (application errors and warnings) to CloudWatch Logs.',
    },
  },
});

export type LogType = 'AUDIT_LOGS' | 'ES_APPLICATION_LOGS';

/** How a domain publishes one log type to CloudWatch Logs. */
export type LogPublishing =
  | { state: 'unknown' }
  | { state: 'enabled' }
  /** An entry for the type exists and is off: explicitly, or by CloudFormation's default when Enabled is left out. */
  | { state: 'disabled'; enabled: Value<boolean> }
  /** No entry for the type; `site` is where a new one can be written (absent when the blocks around it are not plain). */
  | { state: 'missing'; value: Value<unknown>; site?: ValueSite };

type Domain = KindResource<typeof domain.fields>;

/** Reads one log type from Terraform's log_publishing_options blocks or CloudFormation's LogPublishingOptions map. */
export function logPublishing(d: Domain, type: LogType): LogPublishing {
  if (d.source.format === 'terraform') {
    const opts = d.f.logPublishing;
    if (opts.value.origin === 'unknown') return { state: 'unknown' };
    let unknownType = false;
    for (const o of opts.items) {
      const t = o.f.logType;
      if (t.origin === 'unknown') unknownType = true;
      else if (t.value === type) {
        const e = o.f.enabled;
        if (e.origin === 'unknown') return { state: 'unknown' };
        return e.value ? { state: 'enabled' } : { state: 'disabled', enabled: e };
      }
    }
    if (unknownType) return { state: 'unknown' };
    // A fix addresses blocks by path, not by log type: it can add one cleanly only while there is none yet.
    const site = opts.value.origin === 'default' ? opts.value.site : undefined;
    return { state: 'missing', value: opts.value, ...(site ? { site } : {}) };
  }
  const map = d.f.logPublishingCfn;
  const enabled = type === 'AUDIT_LOGS' ? d.f.auditLogsCfn : d.f.errorLogsCfn;
  if (map.origin === 'unknown' || enabled.origin === 'unknown') return { state: 'unknown' };
  const site: ValueSite = { resource: d.source, path: ['LogPublishingOptions', type] };
  if (map.origin === 'default') return { state: 'missing', value: enabled, site };
  if (map.value?.kind !== 'object') return { state: 'unknown' };
  if (!map.value.fields.has(type)) return { state: 'missing', value: enabled, site };
  return enabled.value ? { state: 'enabled' } : { state: 'disabled', enabled };
}
