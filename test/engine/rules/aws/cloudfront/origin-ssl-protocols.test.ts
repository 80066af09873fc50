import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (protocols: string) => `resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    domain_name = "app.example.com"
    origin_id   = "app"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ${protocols}
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
const cfn = (protocols: string) => `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Origins:\n          - Id: app\n            DomainName: app.example.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n              OriginSSLProtocols: ${protocols}\n        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: redirect-to-https\n`;

ruleTester('aws-cloudfront-origin-ssl-protocols', {
  valid: [
    { format: 'terraform', code: tf('["TLSv1.2"]') },
    { name: 'unknown', format: 'terraform', code: tf('var.p'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: cfn('[TLSv1.2]') },
  ],
  invalid: [
    { format: 'terraform', code: tf('["SSLv3", "TLSv1.2"]'), errors: [{ line: 10, column: 32, message: /allows SSLv3/, severity: 'medium' }], output: tf('["TLSv1.2"]') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = ["TLSv1", "TLSv1.1", "TLSv1.2"]\n}\n\n' + tf('var.p'), errors: [{ line: 14, column: 32, message: /TLSv1, TLSv1.1/, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('[TLSv1, TLSv1.2]'), errors: [{ line: 12, column: 35 }], output: cfn('["TLSv1.2"]') },
  ],
});
