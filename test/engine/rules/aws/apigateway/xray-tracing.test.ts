import { ruleTester } from '../../../../helpers/rule-tester';

const st = (extra: string) => `resource "aws_api_gateway_stage" "s" {\n  stage_name    = "prod"\n  rest_api_id   = "a1"\n  deployment_id = "d1"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  S:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: a1\n${extra}`;

ruleTester('aws-apigateway-xray-tracing', {
  valid: [
    { format: 'terraform', code: st('  xray_tracing_enabled = true\n') },
    { name: 'unknown', format: 'terraform', code: st('  xray_tracing_enabled = var.x\n'), files: { 'v.tf': 'variable "x" {}\n' } },
    { format: 'cloudformation', code: cfn('      TracingEnabled: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: st(''), errors: [{ line: 1, message: /not set/ }], output: st('  xray_tracing_enabled = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "x" {\n  default = false\n}\n\n' + st('  xray_tracing_enabled = var.x\n'), errors: [{ line: 9, column: 26, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      TracingEnabled: false\n'), errors: [{ line: 6, column: 23 }], output: cfn('      TracingEnabled: true\n') },
  ],
});
