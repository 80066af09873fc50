import { ruleTester } from '../../../../helpers/rule-tester';

const bucket = 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n';
const sse = (alg: string) =>
  `${bucket}\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = ${alg}\n    }\n  }\n}\n`;

ruleTester('aws-s3-kms-encryption', {
  valid: [
    { format: 'terraform', code: sse('"aws:kms"') },
    { format: 'terraform', code: sse('"aws:kms:dsse"') },
    { name: 'unknown algorithm', format: 'terraform', code: sse('var.alg'), files: { 'variables.tf': 'variable "alg" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n' },
  ],
  invalid: [
    {
      name: 'explicit AES256: algorithm and key set',
      format: 'terraform',
      code: sse('"AES256"'),
      errors: [{ line: 9, column: 23, message: /is AES256/, severity: 'medium' }],
      output: sse('"aws:kms"').replace('sse_algorithm = "aws:kms"\n', 'sse_algorithm = "aws:kms"\n      kms_master_key_id = "arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID"\n'),
    },
    {
      name: 'derived from a local',
      format: 'terraform',
      code: 'locals {\n  alg = "AES256"\n}\n\n' + sse('local.alg'),
      errors: [{ line: 13, column: 23, relatedLines: [2] }],
    },
    {
      name: 'omitted: SSE-S3 default, low severity, companion added with a placeholder key',
      format: 'terraform',
      code: bucket,
      errors: [{ line: 1, column: 1, message: /No default encryption/, severity: 'low' }],
      output:
        bucket.trimEnd() +
        '\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = "arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID"\n    }\n    bucket_key_enabled = true\n  }\n}\n',
    },
    {
      name: 'CloudFormation omitted',
      format: 'cloudformation',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n',
      errors: [{ line: 2, column: 3, severity: 'low' }],
      output:
        'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: "arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID"\n            BucketKeyEnabled: true\n',
    },
  ],
});
