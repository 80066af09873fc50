import { ruleTester } from '../../../../helpers/rule-tester';

const dom = (extra: string, type = 'aws_opensearch_domain') => `resource "${type}" "search" {\n  domain_name = "search"\n${extra}}\n`;
const cfn = (extra: string, type = 'AWS::OpenSearchService::Domain') => `Resources:\n  Search:\n    Type: ${type}\n    Properties:\n      DomainName: search\n${extra}`;

ruleTester('aws-opensearch-encryption-at-rest', {
  valid: [
    { format: 'terraform', code: dom('  encrypt_at_rest {\n    enabled = true\n  }\n') },
    { name: 'unknown', format: 'terraform', code: dom('  encrypt_at_rest {\n    enabled = var.enc\n  }\n'), files: { 'v.tf': 'variable "enc" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('      EncryptionAtRestOptions:\n        Enabled: true\n') },
  ],
  invalid: [
    {
      name: 'omitted',
      format: 'terraform',
      code: dom(''),
      errors: [{ line: 1, column: 1, message: /enabled is not set/ }],
      output: dom('  encrypt_at_rest {\n    enabled = true\n  }\n'),
    },
    {
      name: 'legacy Elasticsearch domain, explicit false',
      format: 'terraform',
      code: dom('  encrypt_at_rest {\n    enabled = false\n  }\n', 'aws_elasticsearch_domain'),
      errors: [{ line: 4, column: 15 }],
      output: dom('  encrypt_at_rest {\n    enabled = true\n  }\n', 'aws_elasticsearch_domain'),
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "enc" {\n  default = false\n}\n\n' + dom('  encrypt_at_rest {\n    enabled = var.enc\n  }\n'), errors: [{ line: 8, column: 15, relatedLines: [2] }] },
    {
      name: 'CloudFormation omitted',
      format: 'cloudformation',
      code: cfn(''),
      errors: [{ line: 2 }],
      output: cfn('      EncryptionAtRestOptions:\n        Enabled: true\n'),
    },
    { name: 'legacy CloudFormation type', format: 'cloudformation', code: cfn('      EncryptionAtRestOptions:\n        Enabled: false\n', 'AWS::Elasticsearch::Domain'), errors: [{ line: 7, column: 18 }], output: cfn('      EncryptionAtRestOptions:\n        Enabled: true\n', 'AWS::Elasticsearch::Domain') },
  ],
});
