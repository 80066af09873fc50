import { ruleTester } from '../../../../helpers/rule-tester';

const trail = (extra: string) => `resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-trail"\n${extra}}\n`;

ruleTester('aws-cloudtrail-log-validation', {
  valid: [
    { format: 'terraform', code: trail('  enable_log_file_validation = true\n') },
    { name: 'unknown', format: 'terraform', code: trail('  enable_log_file_validation = var.v\n'), files: { 'v.tf': 'variable "v" {}\n' } },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: trail(''), errors: [{ line: 1, severity: 'low' }], output: trail('  enable_log_file_validation = true\n') },
    { name: 'derived', format: 'terraform', code: 'locals {\n  validate = false\n}\n\n' + trail('  enable_log_file_validation = local.validate\n'), errors: [{ line: 8, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: 'Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n', errors: [{ line: 2 }], output: 'Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n      EnableLogFileValidation: true\n' },
  ],
});
