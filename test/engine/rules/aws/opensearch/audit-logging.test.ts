import { ruleTester } from '../../../../helpers/rule-tester';

const FIX = 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/opensearch/audit';
const GROUP = 'arn:aws:logs:eu-west-1:111122223333:log-group:/os/audit';
const dom = (extra: string, type = 'aws_opensearch_domain') => `resource "${type}" "search" {\n  domain_name = "search"\n${extra}}\n`;
const fgac = '  advanced_security_options {\n    enabled = true\n  }\n';
const opt = (type: string, more = '') => `  log_publishing_options {\n    log_type                 = ${type}\n    cloudwatch_log_group_arn = "${GROUP}"\n${more}  }\n`;
const cfn = (extra: string, type = 'AWS::OpenSearchService::Domain') => `Resources:\n  Search:\n    Type: ${type}\n    Properties:\n      DomainName: search\n${extra}`;
const cfnFgac = '      AdvancedSecurityOptions:\n        Enabled: true\n';

ruleTester('aws-opensearch-audit-logging', {
  valid: [
    { format: 'terraform', code: dom(fgac + opt('"AUDIT_LOGS"')) },
    { name: 'enabled explicitly', format: 'terraform', code: dom(opt('"AUDIT_LOGS"', '    enabled                  = true\n')) },
    { name: 'legacy Elasticsearch domain', format: 'terraform', code: dom(opt('"AUDIT_LOGS"'), 'aws_elasticsearch_domain') },
    { name: 'unknown log type', format: 'terraform', code: dom(opt('var.type')), files: { 'v.tf': 'variable "type" {\n  type = string\n}\n' } },
    { name: 'unknown enabled', format: 'terraform', code: dom(opt('"AUDIT_LOGS"', '    enabled                  = var.on\n')), files: { 'v.tf': 'variable "on" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn(`      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n          Enabled: true\n`) },
    { name: 'legacy CloudFormation type', format: 'cloudformation', code: cfn(`      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n          Enabled: true\n`, 'AWS::Elasticsearch::Domain') },
    {
      name: 'CloudFormation parameter without default',
      format: 'cloudformation',
      code: 'Parameters:\n  On:\n    Type: String\n' + cfn(`      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n          Enabled: !Ref On\n`),
    },
  ],
  invalid: [
    {
      name: 'omitted, fine-grained access control on: fix adds the block',
      format: 'terraform',
      code: dom(fgac),
      errors: [{ line: 1, column: 1, message: /No log_publishing_options block has log_type "AUDIT_LOGS"/ }],
      output: dom(fgac + `  log_publishing_options {\n    log_type = "AUDIT_LOGS"\n    cloudwatch_log_group_arn = "${FIX}"\n  }\n`),
    },
    { name: 'omitted, fine-grained access control off: no fix', format: 'terraform', code: dom(''), errors: [{ line: 1, column: 1 }], output: null },
    { name: 'other log types only: no fix', format: 'terraform', code: dom(fgac + opt('"ES_APPLICATION_LOGS"')), errors: [{ line: 6, column: 3, message: /"AUDIT_LOGS"/ }], output: null },
    {
      name: 'disabled',
      format: 'terraform',
      code: dom(fgac + opt('"AUDIT_LOGS"', '    enabled                  = false\n')),
      errors: [{ line: 9, column: 32, message: /enabled is false for log_type "AUDIT_LOGS"/ }],
      output: dom(fgac + opt('"AUDIT_LOGS"', '    enabled                  = true\n')),
    },
    { name: 'legacy Elasticsearch domain', format: 'terraform', code: dom(opt('"INDEX_SLOW_LOGS"'), 'aws_elasticsearch_domain'), errors: [{ line: 3, column: 3 }] },
    {
      name: 'CloudFormation omitted',
      format: 'cloudformation',
      code: cfn(cfnFgac),
      errors: [{ line: 2, column: 3, message: /LogPublishingOptions has no AUDIT_LOGS entry/ }],
      output: cfn(cfnFgac + `      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: "${FIX}"\n          Enabled: true\n`),
    },
    {
      name: 'CloudFormation Enabled left out: false',
      format: 'cloudformation',
      code: cfn(cfnFgac + `      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n`),
      errors: [{ line: 2, message: /AUDIT_LOGS does not set Enabled \(CloudFormation default\)/ }],
      output: cfn(cfnFgac + `      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n          Enabled: true\n`),
    },
    {
      name: 'CloudFormation disabled, legacy type',
      format: 'cloudformation',
      code: cfn(`      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: ${GROUP}\n          Enabled: false\n`, 'AWS::Elasticsearch::Domain'),
      errors: [{ line: 9, column: 20, message: /AUDIT_LOGS Enabled is false/ }],
      output: null,
    },
  ],
});
