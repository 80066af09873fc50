import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (origin: string, before = '') => `${before}resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
${origin}  }
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
`;
const s3 = (extra = '', domain = '"acme-site.s3.eu-west-1.amazonaws.com"') => `    domain_name = ${domain}\n    origin_id   = "site"\n${extra}`;
const bucket = 'resource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n}\n\n';
const cfn = (origin: string) => `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Origins:\n          - Id: site\n${origin}        DefaultCacheBehavior:\n          TargetOriginId: site\n          ViewerProtocolPolicy: redirect-to-https\n`;

ruleTester('aws-cloudfront-origin-access-control', {
  valid: [
    { format: 'terraform', code: tf(s3('    origin_access_control_id = "E2QWRUHAPOMQZL"\n')) },
    { name: 'custom origin', format: 'terraform', code: tf('    domain_name = "app.example.com"\n    origin_id   = "site"\n') },
    { name: 'S3 website endpoint is a custom origin', format: 'terraform', code: tf(s3('', '"acme-site.s3-website-eu-west-1.amazonaws.com"')) },
    { name: 'unknown OAC', format: 'terraform', code: tf(s3('    origin_access_control_id = var.oac\n')), files: { 'v.tf': 'variable "oac" {}\n' } },
    { name: 'unknown domain', format: 'terraform', code: tf(s3('', 'var.domain')), files: { 'v.tf': 'variable "domain" {}\n' } },
    { format: 'cloudformation', code: cfn('            DomainName: acme-site.s3.amazonaws.com\n            OriginAccessControlId: E2QWRUHAPOMQZL\n            S3OriginConfig:\n              OriginAccessIdentity: ""\n') },
  ],
  invalid: [
    { name: 'S3 origin, no OAC', format: 'terraform', code: tf(s3()), errors: [{ line: 3, message: /no origin access control/, severity: 'medium' }], output: null },
    {
      name: 'bucket reference',
      format: 'terraform',
      code: tf(s3('', 'aws_s3_bucket.site.bucket_regional_domain_name'), bucket),
      errors: [{ line: 7, message: /"site" has no origin access control/ }],
    },
    {
      name: 'legacy origin access identity',
      format: 'terraform',
      code: tf(s3('    s3_origin_config {\n      origin_access_identity = "origin-access-identity/cloudfront/E1"\n    }\n')),
      errors: [{ line: 3, message: /legacy origin access identity/, severity: 'low' }],
    },
    { format: 'cloudformation', code: cfn('            DomainName: acme-site.s3.amazonaws.com\n            S3OriginConfig: {}\n'), errors: [{ line: 8 }] },
  ],
});
