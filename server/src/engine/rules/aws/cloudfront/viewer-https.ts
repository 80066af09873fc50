import type { KindResource } from '../../../model/kind';
import type { distribution } from '../../../model/aws/cloudfront';
import type { Value } from '../../../model/resource';
import { distributionCfn, distributionTf, s3OriginCfn, s3OriginTf } from '../../examples/cloudfront';
import { defineRule } from '../../rule';

type Distribution = KindResource<typeof distribution.fields>;

const tf = (policy: string) => distributionTf({ origin: s3OriginTf(), viewerProtocolPolicy: `"${policy}"`, cachingOptimized: true });
const cfn = (policy: string) => distributionCfn({ origin: s3OriginCfn({ domain: 'acme-site.s3.eu-west-1.amazonaws.com' }), viewerProtocolPolicy: policy, cachingOptimized: true });

export default defineRule({
  meta: {
    id: 'aws-cloudfront-viewer-https',
    provider: 'aws',
    service: 'cloudfront',
    severity: 'medium',
    title: 'CloudFront lets viewers use plain HTTP',
    explanation:
      'With viewer_protocol_policy "allow-all", CloudFront serves the content over unencrypted HTTP to anyone who asks for it that way, and cookies or tokens travel in clear text. AWS provides HTTPS at every edge location; requiring it is your cache behavior setting.',
    resolution: 'Set viewer_protocol_policy = "redirect-to-https" (or "https-only") on the default and every ordered cache behavior (CloudFormation: ViewerProtocolPolicy).',
    links: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-3'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_cloudfront_distribution', 'AWS::CloudFront::Distribution'] },
    controls: ['aws-fsbp:CloudFront.3'],
    equivalents: { checkov: ['CKV_AWS_34'], trivy: ['AVD-AWS-0012', 'aws-cloudfront-enforce-https'], kics: ['55af1353-2f62-4fa0-a8e1-a210ca2708f5', '31733ee2-fef0-4e87-9778-65da22a8ecf1'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: { bad: [{ code: tf('allow-all') }], good: [{ code: tf('redirect-to-https') }] },
      cloudformation: { bad: [{ code: cfn('allow-all') }], good: [{ code: cfn('https-only') }] },
    },
  },
  check(ctx) {
    for (const d of ctx.resources<Distribution>('aws.cloudfront.distribution')) {
      const report = (v: Value<string>, where: string) => {
        if (v.origin === 'unknown' || v.value !== 'allow-all') return;
        const name = d.source.format === 'terraform' ? 'viewer_protocol_policy' : 'ViewerProtocolPolicy';
        ctx.report({
          resource: d,
          value: v,
          message: `${name} is "allow-all" on ${where}: viewers can fetch content over unencrypted HTTP`,
          fix: v.site ? { title: `Set ${name} to "redirect-to-https"`, actions: [{ type: 'set', site: v.site, value: 'redirect-to-https' }] } : undefined,
        });
      };
      report(d.f.defaultViewerProtocolPolicy, 'the default cache behavior');
      for (const b of d.f.orderedBehaviors.items) {
        const path = b.f.pathPattern.origin !== 'unknown' && b.f.pathPattern.value ? `the cache behavior for ${b.f.pathPattern.value}` : 'a cache behavior';
        report(b.f.viewerProtocolPolicy, path);
      }
    }
  },
});
