import { domain } from '../../../model/aws/opensearch';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-opensearch-fine-grained-access',
    provider: 'aws',
    service: 'opensearch',
    severity: 'high',
    title: 'OpenSearch domain has no fine-grained access control',
    explanation:
      'Without fine-grained access control every principal the domain access policy lets in can read and write every index, and there is no per-index, per-document or per-field restriction or internal audit trail. OpenSearch Service provides the security plugin; enabling and configuring it is your duty.',
    resolution: 'Add advanced_security_options { enabled = true } with a master user or master user ARN (CloudFormation: AdvancedSecurityOptions); it needs HTTPS enforcement, node-to-node encryption and encryption at rest.',
    links: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-7'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'] },
    controls: ['aws-fsbp:Opensearch.7'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource \"aws_opensearch_domain\" \"search\" {\n  domain_name    = \"search\"\n  engine_version = \"OpenSearch_2.11\"\n}\n' }],
        good: [{ code: 'resource \"aws_opensearch_domain\" \"search\" {\n  domain_name    = \"search\"\n  engine_version = \"OpenSearch_2.11\"\n\n  advanced_security_options {\n    enabled                        = true\n    internal_user_database_enabled = false\n    master_user_options {\n      master_user_arn = \"arn:aws:iam::111122223333:role/search-admin\"\n    }\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      AdvancedSecurityOptions:\n        Enabled: false\n' }],
        good: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      AdvancedSecurityOptions:\n        Enabled: true\n        MasterUserOptions:\n          MasterUserARN: arn:aws:iam::111122223333:role/search-admin\n' }],
      },
    },
  },
  kind: domain,
  field: 'fineGrained',
  insecure: (v) => v === false,
  consequence: 'anyone the access policy admits has full access to every index',
});
