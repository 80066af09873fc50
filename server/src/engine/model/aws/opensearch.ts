// OpenSearch Service domains and legacy Elasticsearch domains: the same settings under the same names.
import { defineKind } from '../kind';

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
  },
});
