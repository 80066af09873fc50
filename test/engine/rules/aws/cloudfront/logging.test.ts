import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (extra: string) => `resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
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
${extra}}
`;
const cfn = (extra: string) => `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: redirect-to-https\n${extra}`;

ruleTester('aws-cloudfront-logging', {
  valid: [
    { format: 'terraform', code: tf('  logging_config {\n    bucket = "acme-cdn-logs.s3.amazonaws.com"\n  }\n') },
    { name: 'unknown block', format: 'terraform', code: tf('  dynamic "logging_config" {\n    for_each = var.logs\n    content {\n      bucket = logging_config.value\n    }\n  }\n'), files: { 'v.tf': 'variable "logs" {}\n' } },
    { format: 'cloudformation', code: cfn('        Logging:\n          Bucket: acme-cdn-logs.s3.amazonaws.com\n') },
  ],
  invalid: [
    {
      name: 'omitted',
      format: 'terraform',
      code: tf(''),
      errors: [{ line: 1, column: 1, message: /No logging_config/, severity: 'low' }],
      output: tf('  logging_config {\n    bucket = "log-bucket.s3.amazonaws.com"\n  }\n'),
    },
    {
      name: 'CloudFormation omitted',
      format: 'cloudformation',
      code: cfn(''),
      errors: [{ line: 2, column: 3, message: /No Logging/ }],
      output: cfn('        Logging:\n          Bucket: "log-bucket.s3.amazonaws.com"\n'),
    },
  ],
});
