import { domain } from '../../../model/aws/opensearch';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-opensearch-enforce-https',
    provider: 'aws',
    service: 'opensearch',
    severity: 'medium',
    title: 'OpenSearch domain accepts plain HTTP',
    explanation:
      'With HTTPS not enforced, clients can send queries, documents and credentials to the domain endpoint unencrypted. AWS terminates TLS on the endpoint; requiring it is your setting.',
    resolution: 'Set domain_endpoint_options { enforce_https = true } (CloudFormation: DomainEndpointOptions.EnforceHTTPS: true).',
    links: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-8'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'] },
    controls: ['aws-fsbp:Opensearch.8', 'aws-fsbp:ES.8'],
    equivalents: { checkov: ['CKV_AWS_83'], kics: ['2e9e0729-66d5-4148-9d39-5e6fb4bf2a4e', '4cdc88e6-c0c8-4081-a639-bb3a557cbedf'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource \"aws_opensearch_domain\" \"search\" {\n  domain_name    = \"search\"\n  engine_version = \"OpenSearch_2.11\"\n\n  domain_endpoint_options {\n    enforce_https = false\n  }\n}\n' }],
        good: [{ code: 'resource \"aws_opensearch_domain\" \"search\" {\n  domain_name    = \"search\"\n  engine_version = \"OpenSearch_2.11\"\n\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainEndpointOptions:\n        EnforceHTTPS: false\n' }],
        good: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainEndpointOptions:\n        EnforceHTTPS: true\n' }],
      },
    },
  },
  kind: domain,
  field: 'enforceHttps',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'clients may talk to the domain over unencrypted HTTP',
});
