import { restStage } from '../../../model/aws/apigateway';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-apigateway-xray-tracing',
    provider: 'aws',
    service: 'apigateway',
    severity: 'low',
    title: 'API Gateway REST stage does not trace requests with X-Ray',
    explanation:
      'X-Ray traces show which requests reached which backends and how long each hop took, which is what an investigation of abuse or a failing dependency needs. API Gateway records them only when you turn tracing on for the stage.',
    resolution: 'Set xray_tracing_enabled = true (CloudFormation: TracingEnabled: true) on the stage.',
    links: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-3'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_api_gateway_stage', 'AWS::ApiGateway::Stage'] },
    controls: ['aws-fsbp:APIGateway.3'],
    equivalents: { checkov: ['CKV_AWS_73'], trivy: ['AVD-AWS-0003', 'aws-api-gateway-enable-tracing', 'aws-apigateway-enable-tracing'], kics: ['5813ef56-fa94-406a-b35d-977d4a56ff2b', '4ab10c48-bedb-4deb-8f3b-ff12783b61de'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_api_gateway_stage" "prod" {\n  stage_name    = "prod"\n  rest_api_id   = "a1b2c3"\n  deployment_id = "d1"\n}\n' }],
        good: [{ code: 'resource "aws_api_gateway_stage" "prod" {\n  stage_name           = "prod"\n  rest_api_id          = "a1b2c3"\n  deployment_id        = "d1"\n  xray_tracing_enabled = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      StageName: prod\n      RestApiId: a1b2c3\n      DeploymentId: d1\n      TracingEnabled: false\n' }],
        good: [{ code: 'Resources:\n  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      StageName: prod\n      RestApiId: a1b2c3\n      DeploymentId: d1\n      TracingEnabled: true\n' }],
      },
    },
  },
  kind: restStage,
  field: 'xray',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'requests through the stage are not traced',
});
