import { ruleTester } from '../../../../helpers/rule-tester';

const data = 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n';
const logs = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n';
const logging = (target: string) => `\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = ${target}\n  target_prefix = "data/"\n}\n`;
const cfnData = 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n';

ruleTester('aws-s3-access-logging', {
  valid: [
    { name: 'companion, and the log bucket is exempt', format: 'terraform', code: `${logs}\n${data}${logging('aws_s3_bucket.logs.id')}` },
    { name: 'log bucket named by a known name', format: 'terraform', code: `${logs}\n${data}${logging('"acme-logs"')}` },
    { name: 'legacy inline block', format: 'terraform', code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n  logging {\n    target_bucket = "elsewhere"\n  }\n}\n' },
    { name: 'log-delivery-write ACL marks a log bucket', format: 'terraform', code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n  acl    = "log-delivery-write"\n}\n' },
    { format: 'cloudformation', code: 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n' },
    { name: 'unknown logging configuration', format: 'cloudformation', code: 'Parameters:\n  Cfg:\n    Type: String\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration: !Ref Cfg\n' },
  ],
  invalid: [
    {
      name: 'no companion',
      format: 'terraform',
      code: data,
      errors: [{ line: 1, column: 1, message: /No aws_s3_bucket_logging/, severity: 'low' }],
      output: `${data}\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = "log-bucket-name"\n  target_prefix = "data/"\n}\n`,
    },
    { name: 'a bucket is exempt only when it receives logs', format: 'terraform', code: `${logs}\n${data}`, errors: [{ line: 1 }, { line: 5 }] },
    {
      name: 'CloudFormation',
      format: 'cloudformation',
      code: cfnData,
      errors: [{ line: 2, column: 3, message: /No LoggingConfiguration/ }],
      output: `${cfnData}      LoggingConfiguration:\n        DestinationBucketName: "log-bucket-name"\n`,
    },
  ],
});
