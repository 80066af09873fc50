import type { KindResource } from '../../../model/kind';
import type { distribution } from '../../../model/aws/cloudfront';
import { customOriginCfn, customOriginTf, distributionCfn, distributionTf } from '../../examples/cloudfront';
import { defineRule } from '../../rule';

type Distribution = KindResource<typeof distribution.fields>;

const tf = (policy: string) => distributionTf({ origin: customOriginTf({ policy: `"${policy}"` }) });
const cfn = (policy: string) => distributionCfn({ origin: customOriginCfn({ policy, protocols: '[TLSv1.2]' }) });

export default defineRule({
  meta: {
    id: 'aws-cloudfront-origin-https',
    provider: 'aws',
    service: 'cloudfront',
    severity: 'medium',
    title: 'CloudFront talks to a custom origin over plain HTTP',
    explanation:
      'With origin_protocol_policy "http-only" (or "match-viewer" for HTTP viewers), requests and responses cross the internet between the edge and your origin unencrypted, even when viewers use HTTPS. AWS secures the edge; the origin connection is configured by you.',
    resolution: 'Set origin_protocol_policy = "https-only" (CloudFormation: CustomOriginConfig.OriginProtocolPolicy) and serve a valid certificate on the origin. S3 website endpoints speak only HTTP: use the bucket\'s REST endpoint with origin access control instead.',
    links: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-9'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_cloudfront_distribution', 'AWS::CloudFront::Distribution'] },
    controls: ['aws-fsbp:CloudFront.9'],
    equivalents: { checkov: ['CKV2_AWS_72'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: { bad: [{ code: tf('http-only') }], good: [{ code: tf('https-only') }] },
      cloudformation: { bad: [{ code: cfn('match-viewer') }], good: [{ code: cfn('https-only') }] },
    },
  },
  check(ctx) {
    for (const d of ctx.resources<Distribution>('aws.cloudfront.distribution')) {
      for (const o of d.f.origins.items) {
        const v = o.f.originProtocolPolicy;
        if (v.origin === 'unknown' || v.origin === 'default' || (v.value !== 'http-only' && v.value !== 'match-viewer')) continue;
        const dn = o.f.domainName;
        // S3 website endpoints cannot do HTTPS: switching the policy would break the origin, so no fix there.
        const website = dn.origin !== 'unknown' && /\.s3-website[.-]/.test(dn.value ?? '');
        const name = d.source.format === 'terraform' ? 'origin_protocol_policy' : 'OriginProtocolPolicy';
        ctx.report({
          resource: d,
          value: v,
          message: `${name} is "${v.value}": ${v.value === 'match-viewer' ? 'requests from HTTP viewers reach' : 'CloudFront reaches'} the origin over unencrypted HTTP${website ? ' (an S3 website endpoint, which only speaks HTTP)' : ''}`,
          fix: !website && v.site ? { title: `Set ${name} to "https-only"`, actions: [{ type: 'set', site: v.site, value: 'https-only' }] } : undefined,
        });
      }
    }
  },
});
