import { ruleTester } from '../../../../helpers/rule-tester';

const bucket = 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n';
const policy = (cond: string) =>
  `${bucket}\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = "\${aws_s3_bucket.data.arn}/*"\n      Condition = ${cond}\n    }]\n  })\n}\n`;

ruleTester('aws-s3-require-tls', {
  valid: [
    { format: 'terraform', code: policy('{ Bool = { "aws:SecureTransport" = "false" } }') },
    { name: 'heredoc policy', format: 'terraform', code: `${bucket}\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = <<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": false}}}]\n}\nEOF\n}\n` },
    { name: 'policy from an unknown data source', format: 'terraform', code: `${bucket}\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = data.external.policy.result\n}\n` },
    {
      format: 'cloudformation',
      code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: s3:*\n            Resource: "*"\n            Condition:\n              Bool:\n                aws:SecureTransport: "false"\n',
    },
  ],
  invalid: [
    {
      name: 'policy without the TLS statement',
      format: 'terraform',
      code: policy('{ StringEquals = { "aws:PrincipalOrgID" = "o-123" } }'),
      errors: [{ line: 7, column: 12, message: /does not deny plain-HTTP/ }],
      output: null,
    },
    {
      name: 'omitted: a policy is added',
      format: 'terraform',
      code: bucket,
      errors: [{ line: 1, message: /No bucket policy/ }],
      output:
        bucket.trimEnd() +
        '\n\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "DenyInsecureTransport"\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n',
    },
    { name: 'CloudFormation: no policy', format: 'cloudformation', code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n', errors: [{ line: 2 }], output: null },
  ],
});
