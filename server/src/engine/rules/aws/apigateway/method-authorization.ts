import type { method } from '../../../model/aws/apigateway';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Method = KindResource<typeof method.fields>;

export default defineRule({
  meta: {
    id: 'aws-apigateway-method-authorization',
    provider: 'aws',
    service: 'apigateway',
    severity: 'medium',
    title: 'API Gateway method is open to anyone',
    explanation:
      'A method with authorization NONE and no API key requirement forwards every request from the internet to its backend, so whatever the integration can read or change, anyone can. API Gateway enforces the authorizer you attach; choosing one is your duty (CORS preflight OPTIONS methods are expected to be open and are not reported).',
    resolution: 'Set authorization (CloudFormation: AuthorizationType) to AWS_IAM, COGNITO_USER_POOLS or CUSTOM with an authorizer; if the method must be public, make sure the backend does its own checks and throttle it with a usage plan.',
    links: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_api_gateway_method', 'AWS::ApiGateway::Method'] },
    controls: [],
    equivalents: { checkov: ['CKV_AWS_59'], kics: ['15ccec05-5476-4890-ad19-53991eba1db8', '1056dfbb-5802-4762-bf2b-8b9b9684b1b0'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_api_gateway_method" "get" {\n  rest_api_id   = "a1b2c3"\n  resource_id   = "r1"\n  http_method   = "GET"\n  authorization = "NONE"\n}\n' }],
        good: [{ code: 'resource "aws_api_gateway_method" "get" {\n  rest_api_id   = "a1b2c3"\n  resource_id   = "r1"\n  http_method   = "GET"\n  authorization = "AWS_IAM"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Get:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: a1b2c3\n      ResourceId: r1\n      HttpMethod: GET\n', note: 'omitted: AuthorizationType NONE' }],
        good: [{ code: 'Resources:\n  Get:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: a1b2c3\n      ResourceId: r1\n      HttpMethod: GET\n      AuthorizationType: AWS_IAM\n' }],
      },
    },
  },
  check(ctx) {
    for (const m of ctx.resources<Method>('aws.apigateway.method')) {
      const verb = m.f.httpMethod;
      if (verb.origin === 'unknown' || (verb.value ?? '').toUpperCase() === 'OPTIONS') continue;
      const auth = m.f.authorization;
      if (auth.origin === 'unknown' || auth.value !== 'NONE') continue;
      const key = m.f.apiKeyRequired;
      if (key.origin === 'unknown' || key.value === true) continue;
      const name = m.source.format === 'terraform' ? 'authorization' : 'AuthorizationType';
      ctx.report({
        resource: m,
        value: auth,
        message: `${name} is ${auth.origin === 'default' ? 'not set (NONE)' : '"NONE"'} and no API key is required: anyone on the internet can call ${verb.value ?? 'this method'}`,
      });
    }
  },
});
