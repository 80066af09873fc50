import { ruleTester } from '../../../../helpers/rule-tester';

const m = (verb: string, extra: string) => `resource "aws_api_gateway_method" "m" {\n  rest_api_id   = "a1"\n  resource_id   = "r1"\n  http_method   = "${verb}"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  M:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: a1\n      ResourceId: r1\n      HttpMethod: POST\n${extra}`;

ruleTester('aws-apigateway-method-authorization', {
  valid: [
    { format: 'terraform', code: m('GET', '  authorization = "AWS_IAM"\n') },
    { name: 'CORS preflight', format: 'terraform', code: m('OPTIONS', '  authorization = "NONE"\n') },
    { name: 'API key required', format: 'terraform', code: m('GET', '  authorization    = "NONE"\n  api_key_required = true\n') },
    { name: 'unknown', format: 'terraform', code: m('GET', '  authorization = var.auth\n'), files: { 'v.tf': 'variable "auth" {}\n' } },
    { format: 'cloudformation', code: cfn('      AuthorizationType: COGNITO_USER_POOLS\n      AuthorizerId: au1\n') },
  ],
  invalid: [
    { format: 'terraform', code: m('GET', '  authorization = "NONE"\n'), errors: [{ line: 5, column: 19, message: /"NONE".*GET/ }], output: null },
    { name: 'from a variable default', format: 'terraform', code: 'variable "auth" {\n  default = "NONE"\n}\n\n' + m('DELETE', '  authorization = var.auth\n'), errors: [{ line: 9, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, message: /not set/ }] },
  ],
});
