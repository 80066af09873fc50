import { distribution } from '../../../model/aws/cloudfront';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-cloudfront-waf',
    provider: 'aws',
    service: 'cloudfront',
    severity: 'medium',
    title: 'CloudFront distribution has no AWS WAF web ACL',
    explanation:
      'AWS absorbs network-level DDoS traffic at the edge, but filtering application-level attacks (injection, bad bots, request floods against one URL) takes a web ACL that you attach and maintain. Without one, every request that reaches the edge is passed on to your origin.',
    resolution: 'Create an AWS WAF web ACL (scope CLOUDFRONT, in us-east-1) with the AWS managed rule groups you need and set web_acl_id to its ARN (CloudFormation: DistributionConfig.WebACLId).',
    links: ['https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-6'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_cloudfront_distribution', 'AWS::CloudFront::Distribution'] },
    controls: ['aws-fsbp:CloudFront.6'],
    equivalents: { checkov: ['CKV_AWS_68'], trivy: ['AVD-AWS-0011', 'aws-cloudfront-enable-waf'], kics: ['1419b4c6-6d5c-4534-9cf6-6a5266085333', '0f139403-303f-467c-96bd-e717e6cfd62d'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          {
            code: 'resource "aws_cloudfront_distribution" "site" {\n  enabled = true\n  origin {\n    domain_name = "app.example.com"\n    origin_id   = "app"\n  }\n  default_cache_behavior {\n    target_origin_id       = "app"\n    viewer_protocol_policy = "redirect-to-https"\n    allowed_methods        = ["GET", "HEAD"]\n    cached_methods         = ["GET", "HEAD"]\n  }\n  restrictions {\n    geo_restriction {\n      restriction_type = "none"\n    }\n  }\n  viewer_certificate {\n    cloudfront_default_certificate = true\n  }\n}\n',
          },
        ],
        good: [
          {
            code: 'resource "aws_cloudfront_distribution" "site" {\n  enabled    = true\n  web_acl_id = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1"\n  origin {\n    domain_name = "app.example.com"\n    origin_id   = "app"\n  }\n  default_cache_behavior {\n    target_origin_id       = "app"\n    viewer_protocol_policy = "redirect-to-https"\n    allowed_methods        = ["GET", "HEAD"]\n    cached_methods         = ["GET", "HEAD"]\n  }\n  restrictions {\n    geo_restriction {\n      restriction_type = "none"\n    }\n  }\n  viewer_certificate {\n    cloudfront_default_certificate = true\n  }\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: redirect-to-https\n' }],
        good: [{ code: 'Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        WebACLId: arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1\n        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: redirect-to-https\n' }],
      },
    },
  },
  kind: distribution,
  field: 'webAclId',
  // An empty string is how Terraform modules commonly spell "no web ACL".
  insecure: (v) => v.trim() === '',
  fix: { $placeholder: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/name/id' },
  consequence: 'no AWS WAF rules filter requests before they reach the origin',
});
