import { ruleTester } from '../../../../helpers/rule-tester';

const stage = 'resource "aws_api_gateway_stage" "prod" {\n  stage_name    = "prod"\n  rest_api_id   = "a1"\n  deployment_id = "d1"\n}\n';
const assoc = (arn: string) => `\nresource "aws_wafv2_web_acl_association" "a" {\n  resource_arn = ${arn}\n  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/abc"\n}\n`;

ruleTester('aws-apigateway-waf', {
  valid: [
    { format: 'terraform', code: stage + assoc('aws_api_gateway_stage.prod.arn') },
    { name: 'association target not traceable', format: 'terraform', code: stage + assoc('var.stage_arn'), files: { 'v.tf': 'variable "stage_arn" {}\n' } },
    { name: 'CloudFormation is not checked', format: 'cloudformation', code: 'Resources:\n  S:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: a1\n' },
  ],
  invalid: [
    { name: 'no association', format: 'terraform', code: stage, errors: [{ line: 1, message: /No WAF web ACL/ }], output: null },
    { name: 'association for another stage', format: 'terraform', code: stage + '\nresource "aws_api_gateway_stage" "dev" {\n  stage_name    = "dev"\n  rest_api_id   = "a1"\n  deployment_id = "d1"\n}\n' + assoc('aws_api_gateway_stage.dev.arn'), errors: [{ line: 1 }] },
  ],
});
