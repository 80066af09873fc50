import type { KindResource } from '../../../model/kind';
import type { distribution } from '../../../model/aws/cloudfront';
import { defineRule } from '../../rule';

type Distribution = KindResource<typeof distribution.fields>;

const S3_REST = /\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/i;
const S3_WEBSITE = /\.s3-website[.-]/i;

const tf = (extra: string) => `resource "aws_cloudfront_distribution" "site" {
  enabled = true
${extra}  origin {
    domain_name              = "acme-site.s3.eu-west-1.amazonaws.com"
    origin_id                = "site"
    origin_access_control_id = "E2QWRUHAPOMQZL"
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
const cfn = (extra: string) =>
  `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n${extra}        Origins:\n          - Id: site\n            DomainName: acme-site.s3.amazonaws.com\n            OriginAccessControlId: E2QWRUHAPOMQZL\n            S3OriginConfig: {}\n        DefaultCacheBehavior:\n          TargetOriginId: site\n          ViewerProtocolPolicy: redirect-to-https\n`;

export default defineRule({
  meta: {
    id: 'aws-cloudfront-default-root-object',
    provider: 'aws',
    service: 'cloudfront',
    severity: 'low',
    title: 'CloudFront distribution with an S3 origin has no default root object',
    explanation:
      'Without a default root object, a request for the distribution\'s root URL is passed to the S3 origin as is, which can return an error page revealing the bucket or, with a permissive bucket, a listing of its keys. CloudFront serves whatever object you name; naming one is your configuration.',
    resolution: 'Set default_root_object (CloudFormation: DistributionConfig.DefaultRootObject) to the page the root URL should return, such as index.html.',
    links: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-1'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_cloudfront_distribution', 'AWS::CloudFront::Distribution'] },
    controls: ['aws-fsbp:CloudFront.1'],
    equivalents: { checkov: ['CKV_AWS_305'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: { bad: [{ code: tf('') }], good: [{ code: tf('  default_root_object = "index.html"\n') }] },
      cloudformation: { bad: [{ code: cfn('') }], good: [{ code: cfn('        DefaultRootObject: index.html\n') }] },
    },
  },
  check(ctx) {
    for (const d of ctx.resources<Distribution>('aws.cloudfront.distribution')) {
      const v = d.f.defaultRootObject;
      if (v.origin === 'unknown' || (v.origin !== 'default' && v.value !== '')) continue;
      // Only S3 REST origins answer the root URL with bucket-level responses; applications route "/" themselves.
      const s3 = d.f.origins.items.some((o) => {
        const dn = o.f.domainName;
        if (dn.origin === 'unknown' || dn.value === undefined) return (dn.refs ?? []).some((r) => r.attribute === 'bucket_regional_domain_name' || r.attribute === 'RegionalDomainName');
        return S3_REST.test(dn.value) && !S3_WEBSITE.test(dn.value);
      });
      if (!s3) continue;
      const name = d.source.format === 'terraform' ? 'default_root_object' : 'DefaultRootObject';
      ctx.report({
        resource: d,
        value: v,
        message: `${name} is not set: a request for the root URL goes to the S3 origin as is`,
        fix: v.site ? { title: `Set ${name} (enter the page)`, actions: [{ type: 'set', site: v.site, value: { $placeholder: 'index.html' } }] } : undefined,
      });
    }
  },
});
