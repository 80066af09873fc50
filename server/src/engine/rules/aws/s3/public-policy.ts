import type { S3Bucket } from '../../../model/aws/s3';
import { isPublicPrincipal } from '../../../policy/document';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'aws-s3-public-policy',
    provider: 'aws',
    service: 's3',
    severity: 'critical',
    title: 'S3 bucket policy allows anyone, without conditions',
    explanation:
      'A bucket policy statement that allows Principal "*" with no Condition grants its actions to every person and program on the internet. AWS evaluates the policy exactly as written; who it names is your responsibility, and Block Public Access is the only thing that stops such a policy from taking effect.',
    resolution: 'Name the accounts, roles or services that need access, or restrict the statement with conditions such as aws:SourceArn, aws:SourceVpce or aws:PrincipalOrgID; serve public content through CloudFront with origin access control.',
    links: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-2',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-3',
    ],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_policy', 'AWS::S3::Bucket', 'AWS::S3::BucketPolicy'] },
    controls: ['aws-fsbp:S3.2', 'aws-fsbp:S3.3'],
    equivalents: { checkov: ['CKV_AWS_70'], kics: ['51cf6f14-6a52-4642-97fb-10db078382d3', '7772bb8c-c0f3-42d4-8e4e-f1b8939ad085', '4ae8af91-5108-42cb-9471-3bdbe596eac9'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          {
            code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-data/*" }]\n  })\n}\n',
          },
        ],
        good: [
          {
            code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "cloudfront.amazonaws.com" }\n      Action    = "s3:GetObject"\n      Resource  = "arn:aws:s3:::acme-data/*"\n      Condition = { StringEquals = { "AWS:SourceArn" = "arn:aws:cloudfront::111122223333:distribution/E1" } }\n    }]\n  })\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [
          {
            code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  DataPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: "*"\n            Action: s3:PutObject\n            Resource: !Sub "${Data.Arn}/*"\n',
          },
        ],
        good: [
          {
            code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  DataPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: s3:GetObject\n            Resource: !Sub "${Data.Arn}/*"\n            Condition:\n              StringEquals:\n                aws:PrincipalOrgID: o-abc123\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    for (const b of ctx.resources<S3Bucket>('aws.s3.bucket')) {
      for (const p of b.policies) {
        for (const st of p.document?.statements ?? []) {
          // A condition narrows who can use the grant; judging whether it is narrow enough needs the account's context.
          if (st.effect !== 'Allow' || st.condition !== undefined || !isPublicPrincipal(st)) continue;
          const star = (st.principals ?? []).flatMap((pr) => pr.values).find((v) => !v.unknown && v.value === '*');
          const actions = st.actions.filter((a) => !a.unknown).map((a) => a.value);
          const what = st.notActions.length > 0 ? 'every action except those in NotAction' : actions.length > 0 ? actions.join(', ') : 'its actions';
          ctx.report({
            resource: b,
            value: p.value,
            span: star?.span ?? st.span ?? p.value.span,
            message: `Allows anyone (Principal "*") ${what} on this bucket, with no condition`,
          });
        }
      }
    }
  },
});
