import { ruleTester } from '../../../../helpers/rule-tester';

const bucket = 'resource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n}\n\n';
const acl = (v: string) => `${bucket}resource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = ${v}\n}\n`;
const cfn = (v: string) => `Resources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: ${v}\n`;

ruleTester('aws-s3-public-acl', {
  valid: [
    { format: 'terraform', code: acl('"private"') },
    { name: 'omitted: private', format: 'terraform', code: bucket },
    { name: 'log delivery is not public', format: 'terraform', code: acl('"log-delivery-write"') },
    { name: 'unknown', format: 'terraform', code: acl('var.acl'), files: { 'v.tf': 'variable "acl" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: cfn('Private') },
    { name: 'parameter without default', format: 'cloudformation', code: 'Parameters:\n  Acl:\n    Type: String\n' + cfn('!Ref Acl') },
  ],
  invalid: [
    { name: 'companion public-read', format: 'terraform', code: acl('"public-read"'), errors: [{ line: 7, column: 12, message: /everyone on the internet list and read/ }], output: acl('"private"') },
    {
      name: 'legacy inline public-read-write',
      format: 'terraform',
      code: 'resource "aws_s3_bucket" "drop" {\n  bucket = "acme-drop"\n  acl    = "public-read-write"\n}\n',
      errors: [{ line: 3, column: 12, message: /list, read and write/, severity: 'critical' }],
      output: 'resource "aws_s3_bucket" "drop" {\n  bucket = "acme-drop"\n  acl    = "private"\n}\n',
    },
    {
      name: 'from a variable default',
      format: 'terraform',
      code: 'variable "acl" {\n  default = "authenticated-read"\n}\n\n' + acl('var.acl'),
      errors: [{ line: 11, column: 12, message: /every AWS account/, relatedLines: [2] }],
    },
    { name: 'CloudFormation PublicRead', format: 'cloudformation', code: cfn('PublicRead'), errors: [{ line: 5, column: 22 }], output: cfn('Private') },
    {
      name: 'CloudFormation parameter default',
      format: 'cloudformation',
      code: 'Parameters:\n  Acl:\n    Type: String\n    Default: PublicReadWrite\n' + cfn('!Ref Acl'),
      errors: [{ line: 9, column: 22, relatedLines: [4] }],
    },
  ],
});
