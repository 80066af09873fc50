import { ruleTester } from '../../../../helpers/rule-tester';

const dom = (extra: string) => `resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainName: search\n${extra}`;

ruleTester('aws-opensearch-enforce-https', {
  valid: [
    { format: 'terraform', code: dom('  domain_endpoint_options {\n    enforce_https = true\n  }\n') },
    { name: 'omitted: silent, the effective default depends on the API caller', format: 'terraform', code: dom('') },
    { name: 'unknown', format: 'terraform', code: dom('  domain_endpoint_options {\n    enforce_https = var.https\n  }\n'), files: { 'v.tf': 'variable "https" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('      DomainEndpointOptions:\n        EnforceHTTPS: true\n') },
  ],
  invalid: [
    { format: 'terraform', code: dom('  domain_endpoint_options {\n    enforce_https = false\n  }\n'), errors: [{ line: 4, column: 21, message: /enforce_https is false/ }], output: dom('  domain_endpoint_options {\n    enforce_https = true\n  }\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "https" {\n  default = false\n}\n\n' + dom('  domain_endpoint_options {\n    enforce_https = var.https\n  }\n'), errors: [{ line: 8, column: 21, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      DomainEndpointOptions:\n        EnforceHTTPS: false\n'), errors: [{ line: 7, column: 23 }], output: cfn('      DomainEndpointOptions:\n        EnforceHTTPS: true\n') },
  ],
});
