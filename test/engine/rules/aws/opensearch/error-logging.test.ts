import { ruleTester } from '../../../../helpers/rule-tester';

const FIX = 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/opensearch/errors';
const GROUP = 'arn:aws:logs:eu-west-1:111122223333:log-group:/os/errors';
const dom = (extra: string, type = 'aws_opensearch_domain') => `resource "${type}" "search" {\n  domain_name = "search"\n${extra}}\n`;
const opt = (type: string, more = '') => `  log_publishing_options {\n    log_type                 = ${type}\n    cloudwatch_log_group_arn = "${GROUP}"\n${more}  }\n`;
const cfn = (extra: string, type = 'AWS::OpenSearchService::Domain') => `Resources:\n  Search:\n    Type: ${type}\n    Properties:\n      DomainName: search\n${extra}`;

ruleTester('aws-opensearch-error-logging', {
  valid: [
    { format: 'terraform', code: dom(opt('"ES_APPLICATION_LOGS"')) },
    { name: 'among other log types', format: 'terraform', code: dom(opt('"AUDIT_LOGS"') + opt('"ES_APPLICATION_LOGS"', '    enabled                  = true\n')) },
    { name: 'unknown log type', format: 'terraform', code: dom(opt('var.type')), files: { 'v.tf': 'variable "type" {\n  type = string\n}\n' } },
    { name: 'unknown enabled', format: 'terraform', code: dom(opt('"ES_APPLICATION_LOGS"', '    enabled                  = var.on\n')), files: { 'v.tf': 'variable "on" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn(`      LogPublishingOptions:\n        ES_APPLICATION_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n          Enabled: true\n`) },
    {
      name: 'CloudFormation parameter without default',
      format: 'cloudformation',
      code: 'Parameters:\n  On:\n    Type: String\n' + cfn(`      LogPublishingOptions:\n        ES_APPLICATION_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n          Enabled: !Ref On\n`),
    },
    { name: 'CloudFormation map from a parameter', format: 'cloudformation', code: 'Parameters:\n  Logs:\n    Type: String\n' + cfn('      LogPublishingOptions: !Ref Logs\n') },
  ],
  invalid: [
    {
      name: 'omitted: fix adds the block',
      format: 'terraform',
      code: dom(''),
      errors: [{ line: 1, column: 1, message: /No log_publishing_options block has log_type "ES_APPLICATION_LOGS"/ }],
      output: dom(`  log_publishing_options {\n    log_type = "ES_APPLICATION_LOGS"\n    cloudwatch_log_group_arn = "${FIX}"\n  }\n`),
    },
    { name: 'other log types only: no fix', format: 'terraform', code: dom(opt('"AUDIT_LOGS"')), errors: [{ line: 3, column: 3 }], output: null },
    {
      name: 'disabled',
      format: 'terraform',
      code: dom(opt('"ES_APPLICATION_LOGS"', '    enabled                  = false\n')),
      errors: [{ line: 6, column: 32, message: /enabled is false for log_type "ES_APPLICATION_LOGS"/ }],
      output: dom(opt('"ES_APPLICATION_LOGS"', '    enabled                  = true\n')),
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "on" {\n  default = false\n}\n\n' + dom(opt('"ES_APPLICATION_LOGS"', '    enabled                  = var.on\n')), errors: [{ line: 10, column: 32, relatedLines: [2] }] },
    { name: 'legacy Elasticsearch domain', format: 'terraform', code: dom('', 'aws_elasticsearch_domain'), errors: [{ line: 1, column: 1 }] },
    {
      name: 'CloudFormation omitted',
      format: 'cloudformation',
      code: cfn(''),
      errors: [{ line: 2, column: 3, message: /LogPublishingOptions has no ES_APPLICATION_LOGS entry/ }],
      output: cfn(`      LogPublishingOptions:\n        ES_APPLICATION_LOGS:\n          CloudWatchLogsLogGroupArn: "${FIX}"\n          Enabled: true\n`),
    },
    {
      name: 'CloudFormation other log types only: the entry is added',
      format: 'cloudformation',
      code: cfn(`      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n          Enabled: true\n`),
      errors: [{ line: 2, column: 3 }],
      output: cfn(`      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n          Enabled: true\n        ES_APPLICATION_LOGS:\n          CloudWatchLogsLogGroupArn: "${FIX}"\n          Enabled: true\n`),
    },
    {
      name: 'CloudFormation disabled, legacy type',
      format: 'cloudformation',
      code: cfn(`      LogPublishingOptions:\n        ES_APPLICATION_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n          Enabled: false\n`, 'AWS::Elasticsearch::Domain'),
      errors: [{ line: 9, column: 20, message: /ES_APPLICATION_LOGS Enabled is false/ }],
      output: cfn(`      LogPublishingOptions:\n        ES_APPLICATION_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n          Enabled: true\n`, 'AWS::Elasticsearch::Domain'),
    },
    {
      name: 'CloudFormation JSON omitted',
      format: 'cloudformation-json',
      code: '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::OpenSearchService::Domain",\n      "Properties": {\n        "DomainName": "search"\n      }\n    }\n  }\n}\n',
      errors: [{ line: 3, column: 5 }],
      output: `{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::OpenSearchService::Domain",\n      "Properties": {\n        "DomainName": "search",\n        "LogPublishingOptions": {\n          "ES_APPLICATION_LOGS": {\n            "CloudWatchLogsLogGroupArn": "${FIX}",\n            "Enabled": true\n          }\n        }\n      }\n    }\n  }\n}\n`,
    },
  ],
});
