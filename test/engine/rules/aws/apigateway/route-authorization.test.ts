import { ruleTester } from '../../../../helpers/rule-tester';

const r = (key: string, extra: string) => `resource "aws_apigatewayv2_route" "r" {\n  api_id    = "a1"\n  route_key = "${key}"\n${extra}}\n`;

ruleTester('aws-apigateway-route-authorization', {
  valid: [
    { format: 'terraform', code: r('GET /orders', '  authorization_type = "JWT"\n  authorizer_id      = "au1"\n') },
    { name: 'CORS preflight', format: 'terraform', code: r('OPTIONS /orders', '') },
    { name: 'WebSocket message route cannot be authorized', format: 'terraform', code: r('$default', '') },
    { name: 'WebSocket $disconnect', format: 'terraform', code: r('$disconnect', '') },
    { name: 'unknown', format: 'terraform', code: r('GET /orders', '  authorization_type = var.t\n'), files: { 'v.tf': 'variable "t" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  R:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: a1\n      RouteKey: $connect\n      AuthorizationType: CUSTOM\n      AuthorizerId: au1\n' },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: r('POST /orders', ''), errors: [{ line: 1, message: /not set \(NONE\).*POST \/orders/ }], output: null },
    { name: 'explicit NONE on ANY', format: 'terraform', code: r('ANY /{proxy+}', '  authorization_type = "NONE"\n'), errors: [{ line: 4, column: 24 }] },
    { name: 'WebSocket $connect', format: 'cloudformation', code: 'Resources:\n  R:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: a1\n      RouteKey: $connect\n', errors: [{ line: 2 }] },
  ],
});
