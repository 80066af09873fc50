import { ruleTester } from '../../../../helpers/rule-tester';

const bucket = 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n';
const pab = (bpp: string) =>
  `${bucket}\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = ${bpp}\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`;

ruleTester('aws-s3-block-public-access', {
  valid: [
    { format: 'terraform', code: pab('true') },
    { name: 'companion joined by bucket name', format: 'terraform', code: bucket + '\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = "acme-data"\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n' },
    { name: 'unknown value: variable without a value', format: 'terraform', code: pab('var.block'), files: { 'variables.tf': 'variable "block" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n' },
    { name: 'unknown parameter', format: 'cloudformation', code: 'Parameters:\n  Block:\n    Type: String\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: !Ref Block\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n' },
  ],
  invalid: [
    {
      name: 'explicit false',
      format: 'terraform',
      code: pab('false'),
      errors: [{ line: 8, column: 29, message: /block_public_policy is false/, severity: 'high' }],
      output: pab('true'),
    },
    {
      name: 'omitted: companion added',
      format: 'terraform',
      code: bucket,
      errors: [{ line: 1, column: 1, message: /No aws_s3_bucket_public_access_block/, severity: 'medium' }],
      output:
        bucket.trimEnd() +
        '\n\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket = aws_s3_bucket.data.id\n\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
    },
    {
      name: 'derived from a variable default: located at the use site, related to the default',
      format: 'terraform',
      code: 'variable "bpp" {\n  default = false\n}\n\n' + pab('var.bpp'),
      errors: [{ line: 12, column: 29, message: /block_public_policy is false/, relatedLines: [2] }],
    },
    {
      name: 'omitted inside the companion means false',
      format: 'terraform',
      code: bucket + '\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket            = aws_s3_bucket.data.id\n  block_public_acls = true\n}\n',
      errors: [
        { line: 5, message: /block_public_policy is not set/ },
        { line: 5, message: /ignore_public_acls is not set/ },
        { line: 5, message: /restrict_public_buckets is not set/ },
      ],
      output:
        bucket +
        '\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket            = aws_s3_bucket.data.id\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n',
    },
    {
      name: 'CloudFormation omitted: configuration added',
      format: 'cloudformation',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n',
      errors: [{ line: 2, column: 3, message: /No PublicAccessBlockConfiguration/ }],
      output:
        'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n',
    },
    {
      name: 'CloudFormation explicit false, from a parameter default',
      format: 'cloudformation',
      code: 'Parameters:\n  Block:\n    Type: String\n    Default: "false"\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: !Ref Block\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n',
      errors: [{ line: 10, column: 26, message: /BlockPublicAcls is false/, relatedLines: [4] }],
    },
    {
      name: 'JSON template without Properties',
      format: 'cloudformation-json',
      code: '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::S3::Bucket"\n    }\n  }\n}\n',
      errors: [{ line: 3, column: 5 }],
      output:
        '{\n  "Resources": {\n    "Data": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "PublicAccessBlockConfiguration": {\n          "BlockPublicAcls": true,\n          "BlockPublicPolicy": true,\n          "IgnorePublicAcls": true,\n          "RestrictPublicBuckets": true\n        }\n      }\n    }\n  }\n}\n',
    },
  ],
});
