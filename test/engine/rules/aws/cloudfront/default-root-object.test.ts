import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (extra: string, domain = '"acme-site.s3.eu-west-1.amazonaws.com"') => `resource "aws_cloudfront_distribution" "site" {
  enabled = true
${extra}  origin {
    domain_name = ${domain}
    origin_id   = "site"
  }
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
const cfn = (extra: string) => `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Origins:\n          - Id: site\n            DomainName: acme-site.s3.amazonaws.com\n        DefaultCacheBehavior:\n          TargetOriginId: site\n          ViewerProtocolPolicy: redirect-to-https\n${extra}`;

ruleTester('aws-cloudfront-default-root-object', {
  valid: [
    { format: 'terraform', code: tf('  default_root_object = "index.html"\n') },
    { name: 'application origin routes "/" itself', format: 'terraform', code: tf('', '"app.example.com"') },
    { name: 'unknown', format: 'terraform', code: tf('  default_root_object = var.root\n'), files: { 'v.tf': 'variable "root" {}\n' } },
    { format: 'cloudformation', code: cfn('        DefaultRootObject: index.html\n') },
  ],
  invalid: [
    {
      name: 'omitted',
      format: 'terraform',
      code: tf(''),
      errors: [{ line: 1, column: 1, message: /default_root_object is not set/, severity: 'low' }],
      output: tf('').replace(/\}\n$/, '  default_root_object = "index.html"\n}\n'),
    },
    { name: 'empty string from a variable default', format: 'terraform', code: 'variable "root" {\n  default = ""\n}\n\n' + tf('  default_root_object = var.root\n'), errors: [{ line: 7, column: 25, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3 }], output: cfn('        DefaultRootObject: "index.html"\n') },
  ],
});
