import type { route } from '../../../model/aws/apigateway';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Route = KindResource<typeof route.fields>;

// Routes that can carry an authorizer: HTTP API routes ("GET /orders", "ANY /{proxy+}") and a WebSocket API's $connect.
// Other WebSocket routes ($disconnect, $default, custom keys) cannot have one, and OPTIONS preflights are meant to be open.
const AUTHORIZABLE = /^(?:(GET|POST|PUT|PATCH|DELETE|HEAD|ANY) \/|\$connect$)/;

export default defineRule({
  meta: {
    id: 'aws-apigateway-route-authorization',
    provider: 'aws',
    service: 'apigateway',
    severity: 'medium',
    title: 'API Gateway route has no authorization',
    explanation:
      'A route with authorization type NONE passes every request from the internet to its integration. API Gateway runs the IAM, JWT or Lambda authorizer you attach; attaching one, or consciously deciding a route is public, is your duty.',
    resolution: 'Set authorization_type (CloudFormation: AuthorizationType) to AWS_IAM, JWT or CUSTOM with an authorizer on each route; for WebSocket APIs, on $connect.',
    links: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-8'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_apigatewayv2_route', 'AWS::ApiGatewayV2::Route'] },
    controls: ['aws-fsbp:APIGateway.8'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_apigatewayv2_route" "orders" {\n  api_id    = "a1b2c3"\n  route_key = "GET /orders"\n}\n', note: 'omitted: NONE' }],
        good: [{ code: 'resource "aws_apigatewayv2_route" "orders" {\n  api_id             = "a1b2c3"\n  route_key          = "GET /orders"\n  authorization_type = "JWT"\n  authorizer_id      = "au1"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Orders:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: a1b2c3\n      RouteKey: GET /orders\n      AuthorizationType: NONE\n' }],
        good: [{ code: 'Resources:\n  Orders:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: a1b2c3\n      RouteKey: GET /orders\n      AuthorizationType: AWS_IAM\n' }],
      },
    },
  },
  check(ctx) {
    for (const r of ctx.resources<Route>('aws.apigateway.v2-route')) {
      const key = r.f.routeKey;
      if (key.origin === 'unknown' || !AUTHORIZABLE.test(key.value ?? '')) continue;
      const auth = r.f.authorizationType;
      if (auth.origin === 'unknown' || auth.value !== 'NONE') continue;
      const name = r.source.format === 'terraform' ? 'authorization_type' : 'AuthorizationType';
      ctx.report({ resource: r, value: auth, message: `${name} is ${auth.origin === 'default' ? 'not set (NONE)' : '"NONE"'}: anyone on the internet can call ${key.value}` });
    }
  },
});
