import { ruleTester } from '../../../../helpers/rule-tester';

const v2 = (extra: string) => `resource "aws_apigatewayv2_stage" "s" {\n  api_id = "a1"\n  name   = "prod"\n${extra}}\n`;

ruleTester('aws-apigateway-access-logging', {
  valid: [
    { format: 'terraform', code: v2('  access_log_settings {\n    destination_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:api"\n    format          = "$context.requestId"\n  }\n') },
    { name: 'destination from a reference', format: 'terraform', code: v2('  access_log_settings {\n    destination_arn = aws_cloudwatch_log_group.api.arn\n    format          = "$context.requestId"\n  }\n') },
    { format: 'cloudformation', code: 'Resources:\n  S:\n    Type: AWS::ApiGatewayV2::Stage\n    Properties:\n      ApiId: a1\n      StageName: prod\n      AccessLogSettings:\n        DestinationArn: !GetAtt Logs.Arn\n        Format: $context.requestId\n  Logs:\n    Type: AWS::Logs::LogGroup\n' },
  ],
  invalid: [
    { name: 'v2 omitted', format: 'terraform', code: v2(''), errors: [{ line: 1, message: /No access log destination/ }], output: null },
    { name: 'REST stage', format: 'terraform', code: 'resource "aws_api_gateway_stage" "s" {\n  stage_name    = "prod"\n  rest_api_id   = "a1"\n  deployment_id = "d1"\n}\n', errors: [{ line: 1 }] },
    { name: 'CloudFormation REST stage', format: 'cloudformation', code: 'Resources:\n  S:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: a1\n', errors: [{ line: 2 }] },
  ],
});
