import { distribution } from '../../../model/aws/cloudfront';
import { distributionCfn, distributionTf } from '../../examples/cloudfront';
import { attributeRule } from '../../factory';

const ACL = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1';

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
      terraform: { bad: [{ code: distributionTf() }], good: [{ code: distributionTf({ attributes: { web_acl_id: `"${ACL}"` } }) }] },
      cloudformation: { bad: [{ code: distributionCfn() }], good: [{ code: distributionCfn({ afterEnabled: `        WebACLId: ${ACL}\n` }) }] },
    },
  },
  kind: distribution,
  field: 'webAclId',
  // An empty string is how Terraform modules commonly spell "no web ACL".
  insecure: (v) => v.trim() === '',
  fix: { $placeholder: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/name/id' },
  consequence: 'no AWS WAF rules filter requests before they reach the origin',
});
