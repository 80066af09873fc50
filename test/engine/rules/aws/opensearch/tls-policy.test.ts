import { ruleTester } from '../../../../helpers/rule-tester';

const dom = (policy: string) => `resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = ${policy}\n  }\n}\n`;
const cfn = (policy: string) => `Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: ${policy}\n`;

ruleTester('aws-opensearch-tls-policy', {
  valid: [
    { format: 'terraform', code: dom('"Policy-Min-TLS-1-2-2019-07"') },
    { format: 'terraform', code: dom('"Policy-Min-TLS-1-2-PFS-2023-10"') },
    { name: 'omitted', format: 'terraform', code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n}\n' },
    { name: 'unknown', format: 'terraform', code: dom('var.p'), files: { 'v.tf': 'variable "p" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: cfn('Policy-Min-TLS-1-2-PFS-2023-10') },
  ],
  invalid: [
    { format: 'terraform', code: dom('"Policy-Min-TLS-1-0-2019-07"'), errors: [{ line: 5, column: 27, message: /TLS 1.0 or 1.1/ }], output: dom('"Policy-Min-TLS-1-2-2019-07"') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = "Policy-Min-TLS-1-0-2019-07"\n}\n\n' + dom('var.p'), errors: [{ line: 9, column: 27, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('Policy-Min-TLS-1-0-2019-07'), errors: [{ line: 7, column: 28 }], output: cfn('Policy-Min-TLS-1-2-2019-07') },
  ],
});
