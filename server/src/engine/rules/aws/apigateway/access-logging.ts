import type { httpStage, restStage } from '../../../model/aws/apigateway';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type RestStage = KindResource<typeof restStage.fields>;
type HttpStage = KindResource<typeof httpStage.fields>;

export default defineRule({
  meta: {
    id: 'aws-apigateway-access-logging',
    provider: 'aws',
    service: 'apigateway',
    severity: 'medium',
    title: 'API Gateway stage does not write access logs',
    explanation:
      'Access logs record who called which route, from which address, with what result; without them an attack on the API or a data exfiltration through it leaves no trace. API Gateway writes them only to a destination you configure.',
    resolution: 'Add access_log_settings { destination_arn, format } to the stage (CloudFormation: AccessLogSetting on REST stages, AccessLogSettings on HTTP/WebSocket stages) pointing at a CloudWatch Logs group.',
    links: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-9'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage', 'AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'] },
    controls: ['aws-fsbp:APIGateway.9'],
    equivalents: { checkov: ['CKV_AWS_76'], kics: ['1b6799eb-4a7a-4b04-9001-8cceb9999326', '80d45af4-4920-4236-a56e-b7ef419d1941'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_apigatewayv2_stage" "prod" {\n  api_id      = "a1b2c3"\n  name        = "prod"\n  auto_deploy = true\n}\n' }],
        good: [{ code: 'resource "aws_apigatewayv2_stage" "prod" {\n  api_id      = "a1b2c3"\n  name        = "prod"\n  auto_deploy = true\n\n  access_log_settings {\n    destination_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:api-access"\n    format          = "$context.requestId $context.identity.sourceIp $context.routeKey $context.status"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      StageName: prod\n      RestApiId: a1b2c3\n      DeploymentId: d1\n' }],
        good: [{ code: 'Resources:\n  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      StageName: prod\n      RestApiId: a1b2c3\n      DeploymentId: d1\n      AccessLogSetting:\n        DestinationArn: arn:aws:logs:eu-west-1:111122223333:log-group:api-access\n        Format: $context.requestId $context.status\n' }],
      },
    },
  },
  check(ctx) {
    const stages = [...ctx.resources<RestStage>('aws.apigateway.rest-stage'), ...ctx.resources<HttpStage>('aws.apigateway.v2-stage')];
    for (const s of stages) {
      const dest = s.f.accessLogDestination;
      // Only the absent setting is a finding: any destination, known or not, is a choice the user made.
      if (dest.origin !== 'default') continue;
      ctx.report({ resource: s, value: dest, message: 'No access log destination is configured: calls to this stage leave no record of caller, route or result' });
    }
  },
});
