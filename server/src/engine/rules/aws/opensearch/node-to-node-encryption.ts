import { domain } from '../../../model/aws/opensearch';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-opensearch-node-to-node-encryption',
    provider: 'aws',
    service: 'opensearch',
    severity: 'medium',
    title: 'OpenSearch domain does not encrypt traffic between nodes',
    explanation:
      'Without node-to-node encryption, documents and queries travel between the nodes of the domain in clear text inside the VPC. OpenSearch Service provides the TLS layer; turning it on is your setting (it is also a prerequisite for fine-grained access control).',
    resolution: 'Add node_to_node_encryption { enabled = true } (CloudFormation: NodeToNodeEncryptionOptions.Enabled: true).',
    links: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-3'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'] },
    controls: ['aws-fsbp:Opensearch.3', 'aws-fsbp:ES.3'],
    equivalents: { checkov: ['CKV_AWS_6'], kics: ['967eb3e6-26fc-497d-8895-6428beb6e8e2', '43ed6fe0-edb6-43c2-97be-6501cf563d53'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource \"aws_opensearch_domain\" \"search\" {\n  domain_name    = \"search\"\n  engine_version = \"OpenSearch_2.11\"\n}\n' }],
        good: [{ code: 'resource \"aws_opensearch_domain\" \"search\" {\n  domain_name    = \"search\"\n  engine_version = \"OpenSearch_2.11\"\n\n  node_to_node_encryption {\n    enabled = true\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EngineVersion: OpenSearch_2.11\n' }],
        good: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      NodeToNodeEncryptionOptions:\n        Enabled: true\n' }],
      },
    },
  },
  kind: domain,
  field: 'nodeToNode',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'traffic between the domain\'s nodes is not encrypted',
});
