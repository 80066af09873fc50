import { domain } from '../../../model/aws/opensearch';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-opensearch-tls-policy',
    provider: 'aws',
    service: 'opensearch',
    severity: 'medium',
    title: 'OpenSearch domain accepts TLS 1.0 and 1.1',
    explanation:
      'The Policy-Min-TLS-1-0-2019-07 security policy lets clients negotiate TLS 1.0 and 1.1, protocol versions with known weaknesses that current standards no longer allow. AWS offers stricter policies; picking one is your setting.',
    resolution: 'Set domain_endpoint_options { tls_security_policy = "Policy-Min-TLS-1-2-2019-07" } or a newer TLS 1.2/1.3 policy (CloudFormation: DomainEndpointOptions.TLSSecurityPolicy).',
    links: ['https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-8'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'] },
    controls: ['aws-fsbp:Opensearch.8'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource \"aws_opensearch_domain\" \"search\" {\n  domain_name    = \"search\"\n  engine_version = \"OpenSearch_2.11\"\n\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = \"Policy-Min-TLS-1-0-2019-07\"\n  }\n}\n' }],
        good: [{ code: 'resource \"aws_opensearch_domain\" \"search\" {\n  domain_name    = \"search\"\n  engine_version = \"OpenSearch_2.11\"\n\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07\n' }],
        good: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10\n' }],
      },
    },
  },
  kind: domain,
  field: 'tlsPolicy',
  insecure: (v) => /^Policy-Min-TLS-1-[01]-/i.test(v),
  fix: 'Policy-Min-TLS-1-2-2019-07',
  consequence: 'clients may negotiate TLS 1.0 or 1.1',
});
