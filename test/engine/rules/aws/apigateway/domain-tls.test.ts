import { ruleTester } from '../../../../helpers/rule-tester';

const d = (extra: string) => `resource "aws_api_gateway_domain_name" "d" {\n  domain_name              = "api.example.com"\n  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  D:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n${extra}`;

ruleTester('aws-apigateway-domain-tls', {
  valid: [
    { format: 'terraform', code: d('  security_policy          = "TLS_1_2"\n') },
    { name: 'enhanced policy', format: 'terraform', code: d('  security_policy          = "SecurityPolicy_TLS13_1_3_2025_09"\n') },
    { name: 'omitted: not reported (the service default is not documented for every endpoint type)', format: 'terraform', code: d('') },
    { name: 'unknown', format: 'terraform', code: d('  security_policy          = var.p\n'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: cfn('      SecurityPolicy: TLS_1_2\n') },
  ],
  invalid: [
    { format: 'terraform', code: d('  security_policy          = "TLS_1_0"\n'), errors: [{ line: 4, column: 30, message: /TLS_1_0/ }], output: d('  security_policy          = "TLS_1_2"\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = "TLS_1_0"\n}\n\n' + d('  security_policy          = var.p\n'), errors: [{ line: 8, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      SecurityPolicy: TLS_1_0\n'), errors: [{ line: 6, column: 23 }], output: cfn('      SecurityPolicy: TLS_1_2\n') },
  ],
});
