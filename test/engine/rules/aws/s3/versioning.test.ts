import { ruleTester } from '../../../../helpers/rule-tester';

const bucket = 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n';
const ver = (status: string) => `${bucket}\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = ${status}\n  }\n}\n`;

ruleTester('aws-s3-versioning', {
  valid: [
    { format: 'terraform', code: ver('"Enabled"') },
    { name: 'legacy inline block', format: 'terraform', code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n  versioning {\n    enabled = true\n  }\n}\n' },
    { name: 'unknown status', format: 'terraform', code: ver('var.status'), files: { 'variables.tf': 'variable "status" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n' },
  ],
  invalid: [
    { name: 'suspended', format: 'terraform', code: ver('"Suspended"'), errors: [{ line: 8, column: 14, message: /Versioning is Suspended/ }], output: ver('"Enabled"') },
    {
      name: 'legacy inline enabled = false',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n  versioning {\n    enabled = false\n  }\n}\n',
      errors: [{ line: 4, column: 15 }],
      output: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n  versioning {\n    enabled = true\n  }\n}\n',
    },
    {
      name: 'omitted',
      format: 'terraform',
      code: bucket,
      errors: [{ line: 1, message: /not configured/ }],
      output: bucket.trimEnd() + '\n\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
    },
    {
      name: 'CloudFormation omitted',
      format: 'cloudformation',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n',
      errors: [{ line: 2 }],
      output: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n      VersioningConfiguration:\n        Status: Enabled\n',
    },
    {
      name: 'CloudFormation from a parameter',
      format: 'cloudformation',
      code: 'Parameters:\n  Versioning:\n    Type: String\n    Default: Suspended\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: !Ref Versioning\n',
      errors: [{ line: 10, column: 17, relatedLines: [4] }],
    },
  ],
});
