import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (policy: string, domain = 'app.example.com') => `resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    domain_name = "${domain}"
    origin_id   = "app"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = ${policy}
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "app"
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
const cfn = (policy: string) => `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Origins:\n          - Id: app\n            DomainName: app.example.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: ${policy}\n        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: redirect-to-https\n`;

ruleTester('aws-cloudfront-origin-https', {
  valid: [
    { format: 'terraform', code: tf('"https-only"') },
    { name: 'unknown', format: 'terraform', code: tf('var.p'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: cfn('https-only') },
  ],
  invalid: [
    { format: 'terraform', code: tf('"http-only"'), errors: [{ line: 9, column: 32, message: /CloudFront reaches the origin over unencrypted HTTP/, severity: 'medium' }], output: tf('"https-only"') },
    { name: 'S3 website endpoint: no fix', format: 'terraform', code: tf('"http-only"', 'acme-site.s3-website-eu-west-1.amazonaws.com'), errors: [{ line: 9, message: /S3 website endpoint/ }], output: null },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = "match-viewer"\n}\n\n' + tf('var.p'), errors: [{ line: 13, column: 32, message: /HTTP viewers/, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('match-viewer'), errors: [{ line: 11, column: 37 }], output: cfn('https-only') },
  ],
});
