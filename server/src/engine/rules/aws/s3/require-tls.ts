import type { Val } from '../../../evaluate/value';
import type { S3Bucket } from '../../../model/aws/s3';
import type { PolicyDocument } from '../../../policy/document';
import type { FixSpec } from '../../../fix/types';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'aws-s3-require-tls',
    provider: 'aws',
    service: 's3',
    severity: 'medium',
    title: 'S3 bucket policy does not deny requests without TLS',
    explanation:
      'S3 endpoints offer HTTPS, but they also answer plain HTTP; whether your data may travel unencrypted is your choice. Only a bucket policy that denies requests where aws:SecureTransport is false makes every client use TLS.',
    resolution: 'Add a bucket policy statement that denies s3:* for every principal when aws:SecureTransport is false.',
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-5'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_policy', 'AWS::S3::Bucket', 'AWS::S3::BucketPolicy'] },
    controls: ['aws-fsbp:S3.5', 'cis-aws-v5:2.1.1'],
    equivalents: { kics: ['4bc4dd4c-7d8d-405e-a0fb-57fa4c31b4d9', '38c64e76-c71e-4d92-a337-60174d1de1c9'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n', note: 'no bucket policy' }],
        good: [
          {
            code:
              'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "DenyInsecureTransport"\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n' }],
        good: [
          {
            code:
              'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  DataPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource:\n              - !GetAtt Data.Arn\n              - !Sub "${Data.Arn}/*"\n            Condition:\n              Bool:\n                aws:SecureTransport: false\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    for (const b of ctx.resources<S3Bucket>('aws.s3.bucket')) {
      if (b.policies.some((p) => p.value.origin === 'unknown' || !p.document || p.document.unknownReason)) continue;
      if (b.policies.some((p) => deniesInsecureTransport(p.document!))) continue;
      const where = b.policies[0];
      ctx.report({
        resource: b,
        span: where?.value.span,
        message: b.policies.length === 0 ? 'No bucket policy denies plain-HTTP requests (aws:SecureTransport = false)' : 'The bucket policy does not deny plain-HTTP requests (aws:SecureTransport = false)',
        fix: b.policies.length === 0 ? tlsPolicyFix(b) : undefined,
      });
    }
  },
});

function deniesInsecureTransport(doc: PolicyDocument): boolean {
  return doc.statements.some((st) => {
    if (st.effect !== 'Deny' || !st.condition) return false;
    const bool = fieldCI(st.condition, 'Bool');
    const v = bool && fieldCI(bool, 'aws:SecureTransport');
    return v !== undefined && isFalse(v) && st.actions.some((a) => a.unknown || /^s3:(\*|get\*|getobject|\*object\*)$/i.test(a.value) || a.value === '*');
  });
}

function fieldCI(v: Val, key: string): Val | undefined {
  if (v.kind !== 'object') return undefined;
  for (const [k, f] of v.fields) if (k.toLowerCase() === key.toLowerCase()) return f.value;
  return undefined;
}

function isFalse(v: Val): boolean {
  if (v.kind === 'bool') return v.value === false;
  if (v.kind === 'string') return v.value.toLowerCase() === 'false';
  if (v.kind === 'list') return v.items.some(isFalse);
  return false;
}

function tlsPolicyFix(b: S3Bucket): FixSpec | undefined {
  const src = b.source;
  if (src.format !== 'terraform' || src.instanceKey !== undefined) return undefined;
  const name = src.name;
  const text = [
    `resource "aws_s3_bucket_policy" "${name}" {`,
    `  bucket = aws_s3_bucket.${name}.id`,
    '  policy = jsonencode({',
    '    Version = "2012-10-17"',
    '    Statement = [{',
    '      Sid       = "DenyInsecureTransport"',
    '      Effect    = "Deny"',
    '      Principal = "*"',
    '      Action    = "s3:*"',
    `      Resource  = [aws_s3_bucket.${name}.arn, "\${aws_s3_bucket.${name}.arn}/*"]`,
    '      Condition = { Bool = { "aws:SecureTransport" = "false" } }',
    '    }]',
    '  })',
    '}',
  ].join('\n');
  return { title: 'Add a bucket policy that denies requests without TLS', actions: [{ type: 'insertAfter', after: src, text }] };
}
