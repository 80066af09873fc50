import { ruleTester } from '../../../../helpers/rule-tester';

const dom = (extra: string) => `resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainName: search\n${extra}`;

ruleTester('aws-opensearch-node-to-node-encryption', {
  valid: [
    { format: 'terraform', code: dom('  node_to_node_encryption {\n    enabled = true\n  }\n') },
    { name: 'unknown', format: 'terraform', code: dom('  node_to_node_encryption {\n    enabled = var.n2n\n  }\n'), files: { 'v.tf': 'variable "n2n" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('      NodeToNodeEncryptionOptions:\n        Enabled: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: dom(''), errors: [{ line: 1, message: /enabled is not set/ }], output: dom('  node_to_node_encryption {\n    enabled = true\n  }\n') },
    { format: 'terraform', code: dom('  node_to_node_encryption {\n    enabled = false\n  }\n'), errors: [{ line: 4, column: 15 }], output: dom('  node_to_node_encryption {\n    enabled = true\n  }\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "n2n" {\n  default = false\n}\n\n' + dom('  node_to_node_encryption {\n    enabled = var.n2n\n  }\n'), errors: [{ line: 8, column: 15, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }], output: cfn('      NodeToNodeEncryptionOptions:\n        Enabled: true\n') },
  ],
});
