import { ruleTester } from '../../../../helpers/rule-tester';

const trail = (extra: string) => `resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-trail"\n${extra}}\n`;

ruleTester('aws-cloudtrail-multi-region', {
  valid: [
    { format: 'terraform', code: trail('  is_multi_region_trail = true\n') },
    { name: 'unknown', format: 'terraform', code: trail('  is_multi_region_trail = var.m\n'), files: { 'v.tf': 'variable "m" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n      IsMultiRegionTrail: true\n' },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: trail(''), errors: [{ line: 1, message: /not set/ }], output: trail('  is_multi_region_trail = true\n') },
    { name: 'false', format: 'terraform', code: trail('  is_multi_region_trail = false\n'), errors: [{ line: 4, column: 27 }], output: trail('  is_multi_region_trail = true\n') },
    { name: 'CloudFormation string "false"', format: 'cloudformation', code: 'Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n      IsMultiRegionTrail: "false"\n', errors: [{ line: 7, column: 27 }], output: 'Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n      IsMultiRegionTrail: true\n' },
  ],
});
