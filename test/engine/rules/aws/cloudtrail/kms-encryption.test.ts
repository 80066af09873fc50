import { ruleTester } from '../../../../helpers/rule-tester';

const trail = (extra: string) => `resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-trail"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n${extra}`;
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const FIX = 'arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID';

ruleTester('aws-cloudtrail-kms-encryption', {
  valid: [
    { format: 'terraform', code: trail(`  kms_key_id     = "${KEY}"\n`) },
    { name: 'key from another resource', format: 'terraform', code: trail('  kms_key_id     = aws_kms_key.trail.arn\n') + '\nresource "aws_kms_key" "trail" {\n  enable_key_rotation = true\n}\n' },
    { name: 'unknown variable', format: 'terraform', code: trail('  kms_key_id     = var.key\n'), files: { 'v.tf': 'variable "key" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: cfn(`      KMSKeyId: ${KEY}\n`) },
    { name: 'CloudFormation parameter without default', format: 'cloudformation', code: 'Parameters:\n  Key:\n    Type: String\n' + cfn('      KMSKeyId: !Ref Key\n') },
  ],
  invalid: [
    { name: 'omitted: placeholder fix', format: 'terraform', code: trail(''), errors: [{ line: 1, column: 1, message: /kms_key_id is not set/, severity: 'medium' }], output: trail(`  kms_key_id = "${FIX}"\n`) },
    { name: 'empty string from a variable default', format: 'terraform', code: 'variable "key" {\n  default = ""\n}\n\n' + trail('  kms_key_id     = var.key\n'), errors: [{ line: 8, column: 20, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3, message: /KMSKeyId is not set/ }], output: cfn(`      KMSKeyId: "${FIX}"\n`) },
    { name: 'CloudFormation empty string', format: 'cloudformation', code: cfn('      KMSKeyId: ""\n'), errors: [{ line: 7, column: 17 }] },
  ],
});
