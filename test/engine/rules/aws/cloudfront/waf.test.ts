import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (extra: string) => `resource "aws_cloudfront_distribution" "site" {
  enabled = true
${extra}  origin {
    domain_name = "app.example.com"
    origin_id   = "app"
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
const ACL = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1';
const cfn = (extra: string) => `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n${extra}        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: redirect-to-https\n`;

ruleTester('aws-cloudfront-waf', {
  valid: [
    { format: 'terraform', code: tf(`  web_acl_id = "${ACL}"\n`) },
    { name: 'a reference to a web ACL', format: 'terraform', code: 'resource "aws_wafv2_web_acl" "edge" {\n  name  = "edge"\n  scope = "CLOUDFRONT"\n}\n\n' + tf('  web_acl_id = aws_wafv2_web_acl.edge.arn\n') },
    { name: 'unknown', format: 'terraform', code: tf('  web_acl_id = var.acl\n'), files: { 'v.tf': 'variable "acl" {}\n' } },
    { format: 'cloudformation', code: cfn(`        WebACLId: ${ACL}\n`) },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: tf(''), errors: [{ line: 1, column: 1, message: /web_acl_id is not set/, severity: 'medium' }], output: tf('').replace(/\}\n$/, '  web_acl_id = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/name/id"\n}\n') },
    { name: 'empty string from a variable default', format: 'terraform', code: 'variable "acl" {\n  default = ""\n}\n\n' + tf('  web_acl_id = var.acl\n'), errors: [{ line: 7, column: 16, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3 }], output: cfn('') + '        WebACLId: "arn:aws:wafv2:us-east-1:111122223333:global/webacl/name/id"\n' },
  ],
});
