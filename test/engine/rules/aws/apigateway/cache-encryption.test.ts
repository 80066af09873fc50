import { ruleTester } from '../../../../helpers/rule-tester';

const ms = (settings: string) => `resource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "a1"\n  stage_name  = "prod"\n  method_path = "*/*"\n\n  settings {\n${settings}  }\n}\n`;
const cfn = (item: string) => `Resources:\n  S:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: a1\n      MethodSettings:\n        - HttpMethod: "*"\n          ResourcePath: /*\n${item}`;

ruleTester('aws-apigateway-cache-encryption', {
  valid: [
    { format: 'terraform', code: ms('    caching_enabled      = true\n    cache_data_encrypted = true\n') },
    { name: 'no caching', format: 'terraform', code: ms('    metrics_enabled = true\n') },
    { name: 'unknown', format: 'terraform', code: ms('    caching_enabled      = true\n    cache_data_encrypted = var.e\n'), files: { 'v.tf': 'variable "e" {}\n' } },
    { format: 'cloudformation', code: cfn('          CachingEnabled: true\n          CacheDataEncrypted: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: ms('    caching_enabled = true\n'), errors: [{ line: 1, message: /not set while caching is on/ }], output: ms('    caching_enabled = true\n    cache_data_encrypted = true\n') },
    { name: 'false', format: 'terraform', code: ms('    caching_enabled      = true\n    cache_data_encrypted = false\n'), errors: [{ line: 8, column: 28 }], output: ms('    caching_enabled      = true\n    cache_data_encrypted = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "e" {\n  default = false\n}\n\n' + ms('    caching_enabled      = true\n    cache_data_encrypted = var.e\n'), errors: [{ line: 12, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('          CachingEnabled: true\n'), errors: [{ line: 2 }], output: cfn('          CachingEnabled: true\n          CacheDataEncrypted: true\n') },
  ],
});
