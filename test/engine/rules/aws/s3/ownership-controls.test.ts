import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (v: string) => `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_ownership_controls" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    object_ownership = ${v}\n  }\n}\n`;
const cfn = (v: string) => `Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      OwnershipControls:\n        Rules:\n          - ObjectOwnership: ${v}\n`;

ruleTester('aws-s3-ownership-controls', {
  valid: [
    { format: 'terraform', code: tf('"BucketOwnerEnforced"') },
    { name: 'omitted: ACLs disabled by default', format: 'terraform', code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n' },
    { name: 'unknown', format: 'terraform', code: tf('var.ownership'), files: { 'v.tf': 'variable "ownership" {}\n' } },
    { format: 'cloudformation', code: cfn('BucketOwnerEnforced') },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n' },
  ],
  invalid: [
    { format: 'terraform', code: tf('"ObjectWriter"'), errors: [{ line: 8, column: 24, message: /"ObjectWriter"/ }], output: null },
    { name: 'from a variable', format: 'terraform', code: 'variable "ownership" {\n  default = "BucketOwnerPreferred"\n}\n\n' + tf('var.ownership'), errors: [{ line: 12, column: 24, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('BucketOwnerPreferred'), errors: [{ line: 7, column: 30 }], output: null },
    {
      name: 'CloudFormation parameter default',
      format: 'cloudformation',
      code: 'Parameters:\n  Own:\n    Type: String\n    Default: ObjectWriter\n' + cfn('!Ref Own'),
      errors: [{ line: 11, column: 30, relatedLines: [4] }],
    },
  ],
});
