import { distributionCfn, distributionTf } from '../../../../../server/src/engine/rules/examples/cloudfront';
import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (end: string) => distributionTf({ end });
const cfn = (end: string) => distributionCfn({ end });

ruleTester('aws-cloudfront-logging', {
  valid: [
    { format: 'terraform', code: tf('  logging_config {\n    bucket = "acme-cdn-logs.s3.amazonaws.com"\n  }\n') },
    { name: 'unknown block', format: 'terraform', code: tf('  dynamic "logging_config" {\n    for_each = var.logs\n    content {\n      bucket = logging_config.value\n    }\n  }\n'), files: { 'v.tf': 'variable "logs" {}\n' } },
    { format: 'cloudformation', code: cfn('        Logging:\n          Bucket: acme-cdn-logs.s3.amazonaws.com\n') },
  ],
  invalid: [
    {
      name: 'omitted',
      format: 'terraform',
      code: tf(''),
      errors: [{ line: 1, column: 1, message: /No logging_config/, severity: 'low' }],
      output: tf('  logging_config {\n    bucket = "log-bucket.s3.amazonaws.com"\n  }\n'),
    },
    {
      name: 'CloudFormation omitted',
      format: 'cloudformation',
      code: cfn(''),
      errors: [{ line: 2, column: 3, message: /No Logging/ }],
      output: cfn('        Logging:\n          Bucket: "log-bucket.s3.amazonaws.com"\n'),
    },
  ],
});
