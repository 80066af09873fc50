import type { methodSettings, restStage } from '../../../model/aws/apigateway';
import type { KindResource } from '../../../model/kind';
import type { ModelResource, Value } from '../../../model/resource';
import { defineRule } from '../../rule';

type RestStage = KindResource<typeof restStage.fields>;
type MethodSettings = KindResource<typeof methodSettings.fields>;

export default defineRule({
  meta: {
    id: 'aws-apigateway-cache-encryption',
    provider: 'aws',
    service: 'apigateway',
    severity: 'medium',
    title: 'API Gateway response cache is not encrypted',
    explanation:
      'When caching is on, API Gateway keeps copies of backend responses, often personal or business data, in the stage cache; it encrypts them only when you ask. Deciding that cached data is encrypted is your duty.',
    resolution: 'Set cache_data_encrypted = true next to caching_enabled in aws_api_gateway_method_settings (CloudFormation: CacheDataEncrypted: true in the stage MethodSettings).',
    links: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-5'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_api_gateway_method_settings', 'AWS::ApiGateway::Stage'] },
    controls: ['aws-fsbp:APIGateway.5'],
    equivalents: { kics: ['b7c9a40c-23e4-4a2d-8d39-a3352f10f288', '37cca703-b74c-48ba-ac81-595b53398e9b'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "a1b2c3"\n  stage_name  = "prod"\n  method_path = "*/*"\n\n  settings {\n    caching_enabled = true\n  }\n}\n' }],
        good: [{ code: 'resource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "a1b2c3"\n  stage_name  = "prod"\n  method_path = "*/*"\n\n  settings {\n    caching_enabled      = true\n    cache_data_encrypted = true\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      StageName: prod\n      RestApiId: a1b2c3\n      DeploymentId: d1\n      CacheClusterEnabled: true\n      MethodSettings:\n        - HttpMethod: "*"\n          ResourcePath: /*\n          CachingEnabled: true\n' }],
        good: [{ code: 'Resources:\n  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      StageName: prod\n      RestApiId: a1b2c3\n      DeploymentId: d1\n      CacheClusterEnabled: true\n      MethodSettings:\n        - HttpMethod: "*"\n          ResourcePath: /*\n          CachingEnabled: true\n          CacheDataEncrypted: true\n' }],
      },
    },
  },
  check(ctx) {
    const check = (resource: ModelResource, caching: Value<boolean>, encrypted: Value<boolean>, name: string) => {
      if (caching.origin === 'unknown' || caching.value !== true) return;
      if (encrypted.origin === 'unknown' || encrypted.value !== false) return;
      ctx.report({
        resource,
        value: encrypted,
        message: `${name} is ${encrypted.origin === 'default' ? 'not set' : 'false'} while caching is on: cached responses are stored unencrypted`,
        fix: encrypted.site ? { title: `Set ${name} to true`, actions: [{ type: 'set', site: encrypted.site, value: true }] } : undefined,
      });
    };
    for (const m of ctx.resources<MethodSettings>('aws.apigateway.method-settings')) check(m, m.f.cachingEnabled, m.f.cacheDataEncrypted, 'cache_data_encrypted');
    for (const s of ctx.resources<RestStage>('aws.apigateway.rest-stage')) {
      for (const item of s.f.methodSettings.items) check(s, item.f.cachingEnabled, item.f.cacheDataEncrypted, 'CacheDataEncrypted');
    }
  },
});
