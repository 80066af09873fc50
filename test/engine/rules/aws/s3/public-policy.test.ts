import { ruleTester } from '../../../../helpers/rule-tester';

const bucket = 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\n';
const policy = (principal: string, extra = '') =>
  `${bucket}resource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = ${principal}\n      Action    = "s3:GetObject"\n      Resource  = "arn:aws:s3:::acme-data/*"\n${extra}    }]\n  })\n}\n`;
const cfn = (principal: string, extra = '') =>
  `Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  DataPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: ${principal}\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::acme-data/*\n${extra}`;

ruleTester('aws-s3-public-policy', {
  valid: [
    { format: 'terraform', code: policy('{ AWS = "arn:aws:iam::111122223333:root" }') },
    { name: 'public principal with a condition', format: 'terraform', code: policy('"*"', '      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }\n') },
    { name: 'deny statements are fine', format: 'terraform', code: policy('"*"').replace('"Allow"', '"Deny"') },
    { name: 'unknown principal', format: 'terraform', code: policy('var.principal'), files: { 'v.tf': 'variable "principal" {}\n' } },
    { format: 'cloudformation', code: cfn('"*"', '            Condition:\n              Bool:\n                aws:SecureTransport: "true"\n              StringEquals:\n                aws:SourceVpce: vpce-1\n') },
  ],
  invalid: [
    { name: 'Principal "*"', format: 'terraform', code: policy('"*"'), errors: [{ line: 11, column: 19, message: /anyone.*s3:GetObject/, severity: 'critical' }], output: null },
    { name: 'AWS = "*"', format: 'terraform', code: policy('{ AWS = "*" }'), errors: [{ line: 11, column: 27 }] },
    {
      name: 'from a local',
      format: 'terraform',
      code: 'locals {\n  who = "*"\n}\n\n' + policy('local.who'),
      errors: [{ line: 15, column: 19 }],
    },
    { name: 'CloudFormation', format: 'cloudformation', code: cfn('"*"'), errors: [{ line: 11, column: 24 }] },
    { name: 'CloudFormation AWS "*"', format: 'cloudformation', code: cfn('\n              AWS: "*"'), errors: [{ line: 12, column: 20 }] },
  ],
});
