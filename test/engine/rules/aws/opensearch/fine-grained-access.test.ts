import { ruleTester } from '../../../../helpers/rule-tester';

const dom = (extra: string) => `resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainName: search\n${extra}`;

ruleTester('aws-opensearch-fine-grained-access', {
  valid: [
    { format: 'terraform', code: dom('  advanced_security_options {\n    enabled = true\n  }\n') },
    { name: 'unknown', format: 'terraform', code: dom('  advanced_security_options {\n    enabled = var.fgac\n  }\n'), files: { 'v.tf': 'variable "fgac" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('      AdvancedSecurityOptions:\n        Enabled: true\n') },
  ],
  invalid: [
    { name: 'omitted (no fix: a master user is needed)', format: 'terraform', code: dom(''), errors: [{ line: 1, column: 1, message: /enabled is not set/ }], output: null },
    { format: 'terraform', code: dom('  advanced_security_options {\n    enabled = false\n  }\n'), errors: [{ line: 4, column: 15 }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "fgac" {\n  default = false\n}\n\n' + dom('  advanced_security_options {\n    enabled = var.fgac\n  }\n'), errors: [{ line: 8, column: 15, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }] },
  ],
});
