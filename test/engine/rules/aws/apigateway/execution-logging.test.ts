import { ruleTester } from '../../../../helpers/rule-tester';

const stage = 'resource "aws_api_gateway_stage" "prod" {\n  stage_name    = "prod"\n  rest_api_id   = "a1"\n  deployment_id = "d1"\n}\n';
const ms = (stageName: string, settings: string, restApiId = '"a1"') =>
  `\nresource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = ${restApiId}\n  stage_name  = ${stageName}\n  method_path = "*/*"\n\n  settings {\n${settings}  }\n}\n`;
const cfn = (extra: string) => `Resources:\n  S:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      StageName: prod\n      RestApiId: a1\n      DeploymentId: d1\n${extra}`;
const item = (level: string) => `        - ResourcePath: /*\n          HttpMethod: "*"\n${level}`;

ruleTester('aws-apigateway-execution-logging', {
  valid: [
    { name: 'settings by reference', format: 'terraform', code: stage + ms('aws_api_gateway_stage.prod.stage_name', '    logging_level = "ERROR"\n') },
    { name: 'settings by stage name', format: 'terraform', code: stage + ms('"prod"', '    logging_level = "INFO"\n') },
    { name: 'unknown level', format: 'terraform', code: stage + ms('aws_api_gateway_stage.prod.stage_name', '    logging_level = var.level\n'), files: { 'v.tf': 'variable "level" {}\n' } },
    {
      name: 'a stage whose own name is not known might be the one a literal stage name means',
      format: 'terraform',
      code: stage.replace('stage_name    = "prod"', 'stage_name    = var.name') + ms('"staging"', '    logging_level = "ERROR"\n'),
      files: { 'v.tf': 'variable "name" {}\n' },
    },
    { name: 'settings whose stage is not visible might be this stage\'s', format: 'terraform', code: stage + ms('var.stage', '    logging_level = "ERROR"\n'), files: { 'v.tf': 'variable "stage" {}\n' } },
    { format: 'cloudformation', code: cfn('      MethodSettings:\n' + item('          LoggingLevel: ERROR\n')) },
    { name: 'CloudFormation parameter without default', format: 'cloudformation', code: 'Parameters:\n  Level:\n    Type: String\n' + cfn('      MethodSettings:\n' + item('          LoggingLevel: !Ref Level\n')) },
  ],
  invalid: [
    { name: 'no method settings', format: 'terraform', code: stage, errors: [{ line: 1, column: 1, message: /No aws_api_gateway_method_settings refers to this stage/, severity: 'medium' }], output: null },
    { name: 'method settings without a level', format: 'terraform', code: stage + ms('aws_api_gateway_stage.prod.stage_name', '    metrics_enabled = true\n'), errors: [{ line: 1, message: /sets logging_level to ERROR or INFO/ }] },
    { name: 'explicit OFF: reported on the setting', format: 'terraform', code: stage + ms('aws_api_gateway_stage.prod.stage_name', '    logging_level = "OFF"\n'), errors: [{ line: 13, column: 21, message: /logging_level is "OFF"/ }], output: null },
    { name: 'settings naming another stage of a known name', format: 'terraform', code: stage + ms('"staging"', '    logging_level = "ERROR"\n'), errors: [{ line: 1, message: /No aws_api_gateway_method_settings refers/ }] },
    { name: 'settings for the same stage name in another API', format: 'terraform', code: stage + ms('"prod"', '    logging_level = "ERROR"\n', '"b2"'), errors: [{ line: 1, message: /No aws_api_gateway_method_settings refers/ }] },
    {
      name: 'OFF from a variable default',
      format: 'terraform',
      code: 'variable "level" {\n  default = "OFF"\n}\n\n' + stage + ms('aws_api_gateway_stage.prod.stage_name', '    logging_level = var.level\n'),
      errors: [{ line: 17, column: 21, relatedLines: [2] }],
    },
    { name: 'CloudFormation without MethodSettings', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3, message: /No MethodSettings set a LoggingLevel/ }], output: null },
    { name: 'CloudFormation entry without LoggingLevel', format: 'cloudformation', code: cfn('      MethodSettings:\n' + item('          MetricsEnabled: true\n')), errors: [{ line: 2, message: /No MethodSettings entry sets LoggingLevel/ }] },
    { name: 'CloudFormation explicit OFF', format: 'cloudformation', code: cfn('      MethodSettings:\n' + item('          LoggingLevel: "OFF"\n')), errors: [{ line: 11, column: 25, message: /LoggingLevel is "OFF"/ }] },
  ],
});
