import { domain } from '../../../model/aws/opensearch';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-opensearch-encryption-at-rest',
    provider: 'aws',
    service: 'opensearch',
    severity: 'medium',
    title: 'OpenSearch domain is not encrypted at rest',
    explanation:
      'Without encryption at rest, indices, swap files, logs and automated snapshots of the domain sit on storage without KMS protection. OpenSearch Service implements the encryption; requesting it is your setting.',
    resolution: 'Add encrypt_at_rest { enabled = true } (CloudFormation: EncryptionAtRestOptions.Enabled: true), optionally with a customer managed kms_key_id.',
    links: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-1'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'] },
    controls: ['aws-fsbp:Opensearch.1', 'aws-fsbp:ES.1'],
    equivalents: { checkov: ['CKV_AWS_5'], kics: ['24e16922-4330-4e9d-be8a-caa90299466a', '86a248ab-0e01-4564-a82a-878303e253bb'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource \"aws_opensearch_domain\" \"search\" {\n  domain_name    = \"search\"\n  engine_version = \"OpenSearch_2.11\"\n}\n' }],
        good: [{ code: 'resource \"aws_opensearch_domain\" \"search\" {\n  domain_name    = \"search\"\n  engine_version = \"OpenSearch_2.11\"\n\n  encrypt_at_rest {\n    enabled = true\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EncryptionAtRestOptions:\n        Enabled: false\n' }],
        good: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EncryptionAtRestOptions:\n        Enabled: true\n' }],
      },
    },
  },
  kind: domain,
  field: 'encryptAtRest',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'indices and snapshots are stored unencrypted',
});
