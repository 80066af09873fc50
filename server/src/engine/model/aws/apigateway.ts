// API Gateway: REST API (v1) stages, method settings, methods and custom domain names; HTTP/WebSocket API (v2) stages and routes.
import { defineKind } from '../kind';

const NO_CACHE_ENCRYPTION = { value: false, reason: 'API Gateway stores cached responses unencrypted unless asked' };
const NO_EXECUTION_LOGS = { value: 'OFF', reason: 'API Gateway writes no execution logs unless a logging level is set' };

export const restStage = defineKind({
  kind: 'aws.apigateway.rest-stage',
  terraform: ['aws_api_gateway_stage'],
  cloudformation: ['AWS::ApiGateway::Stage'],
  fields: {
    xray: {
      type: 'bool',
      terraform: ['xray_tracing_enabled'],
      cloudformation: ['TracingEnabled'],
      default: { value: false, reason: 'API Gateway does not trace requests with X-Ray unless asked' },
      doc: 'Sends traces of requests through the stage to AWS X-Ray.',
    },
    accessLogDestination: {
      type: 'string',
      terraform: ['access_log_settings', 'destination_arn'],
      cloudformation: ['AccessLogSetting', 'DestinationArn'],
      doc: 'CloudWatch Logs group or Firehose stream receiving one access log line per request.',
    },
    stageName: { type: 'string', terraform: ['stage_name'], cloudformation: ['StageName'] },
    restApiId: { type: 'raw', terraform: ['rest_api_id'], cloudformation: ['RestApiId'] },
    // Terraform writes these in aws_api_gateway_method_settings (see methodSettings below).
    methodSettings: {
      type: 'items',
      cloudformation: ['MethodSettings'],
      fields: {
        cachingEnabled: { type: 'bool', cloudformation: ['CachingEnabled'], default: { value: false, reason: 'no caching unless asked' } },
        cacheDataEncrypted: { type: 'bool', cloudformation: ['CacheDataEncrypted'], default: NO_CACHE_ENCRYPTION },
        loggingLevel: { type: 'string', cloudformation: ['LoggingLevel'], default: NO_EXECUTION_LOGS },
      },
    },
  },
});

export const methodSettings = defineKind({
  kind: 'aws.apigateway.method-settings',
  terraform: ['aws_api_gateway_method_settings'],
  cloudformation: [],
  fields: {
    cachingEnabled: { type: 'bool', terraform: ['settings', 'caching_enabled'], default: { value: false, reason: 'no caching unless asked' } },
    cacheDataEncrypted: { type: 'bool', terraform: ['settings', 'cache_data_encrypted'], default: NO_CACHE_ENCRYPTION },
    loggingLevel: { type: 'string', terraform: ['settings', 'logging_level'], default: NO_EXECUTION_LOGS, doc: 'OFF, ERROR or INFO: what API Gateway writes to CloudWatch Logs while executing requests.' },
    // The stage the settings apply to: a reference to (or the name of) an aws_api_gateway_stage, with its REST API.
    stageName: { type: 'raw', terraform: ['stage_name'] },
    restApiId: { type: 'raw', terraform: ['rest_api_id'] },
  },
});

export const httpStage = defineKind({
  kind: 'aws.apigateway.v2-stage',
  terraform: ['aws_apigatewayv2_stage'],
  cloudformation: ['AWS::ApiGatewayV2::Stage'],
  fields: {
    accessLogDestination: { type: 'string', terraform: ['access_log_settings', 'destination_arn'], cloudformation: ['AccessLogSettings', 'DestinationArn'] },
  },
});

export const method = defineKind({
  kind: 'aws.apigateway.method',
  terraform: ['aws_api_gateway_method'],
  cloudformation: ['AWS::ApiGateway::Method'],
  fields: {
    httpMethod: { type: 'string', terraform: ['http_method'], cloudformation: ['HttpMethod'] },
    authorization: {
      type: 'string',
      terraform: ['authorization'],
      cloudformation: ['AuthorizationType'],
      default: { value: 'NONE', reason: 'API Gateway applies no authorization unless a type is set' },
      doc: 'NONE, AWS_IAM, CUSTOM (Lambda authorizer) or COGNITO_USER_POOLS.',
    },
    apiKeyRequired: { type: 'bool', terraform: ['api_key_required'], cloudformation: ['ApiKeyRequired'], default: { value: false, reason: 'API Gateway default' } },
  },
});

export const route = defineKind({
  kind: 'aws.apigateway.v2-route',
  terraform: ['aws_apigatewayv2_route'],
  cloudformation: ['AWS::ApiGatewayV2::Route'],
  fields: {
    routeKey: { type: 'string', terraform: ['route_key'], cloudformation: ['RouteKey'] },
    authorizationType: {
      type: 'string',
      terraform: ['authorization_type'],
      cloudformation: ['AuthorizationType'],
      default: { value: 'NONE', reason: 'API Gateway applies no authorization unless a type is set' },
      doc: 'NONE, AWS_IAM, JWT (HTTP APIs) or CUSTOM (Lambda authorizer).',
    },
  },
});

export const domainName = defineKind({
  kind: 'aws.apigateway.domain-name',
  terraform: ['aws_api_gateway_domain_name'],
  cloudformation: ['AWS::ApiGateway::DomainName'],
  fields: {
    securityPolicy: { type: 'string', terraform: ['security_policy'], cloudformation: ['SecurityPolicy'], doc: 'Minimum TLS version and ciphers accepted by the custom domain.' },
  },
});
