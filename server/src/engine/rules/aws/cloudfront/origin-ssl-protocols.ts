import type { KindResource } from '../../../model/kind';
import type { distribution } from '../../../model/aws/cloudfront';
import { customOriginCfn, customOriginTf, distributionCfn, distributionTf } from '../../examples/cloudfront';
import { defineRule } from '../../rule';

type Distribution = KindResource<typeof distribution.fields>;

const DEPRECATED = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

const tf = (protocols: string) => distributionTf({ origin: customOriginTf({ protocols }) });
const cfn = (protocols: string) => distributionCfn({ origin: customOriginCfn({ protocols }) });

export default defineRule({
  meta: {
    id: 'aws-cloudfront-origin-ssl-protocols',
    provider: 'aws',
    service: 'cloudfront',
    severity: 'medium',
    title: 'CloudFront may use SSLv3 or TLS 1.0/1.1 with a custom origin',
    explanation:
      'The protocols listed in origin_ssl_protocols are the ones CloudFront is willing to negotiate with your origin; keeping SSLv3, TLSv1 or TLSv1.1 in the list allows a downgrade to protocols with known attacks. The list is your setting.',
    resolution: 'Set origin_ssl_protocols = ["TLSv1.2"] (CloudFormation: CustomOriginConfig.OriginSSLProtocols) and make sure the origin supports TLS 1.2.',
    links: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-ciphers-cloudfront-to-origin.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-10'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_cloudfront_distribution', 'AWS::CloudFront::Distribution'] },
    controls: ['aws-fsbp:CloudFront.10'],
    equivalents: { checkov: ['CKV2_AWS_54'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: { bad: [{ code: tf('["SSLv3", "TLSv1.2"]') }], good: [{ code: tf('["TLSv1.2"]') }] },
      cloudformation: { bad: [{ code: cfn('[TLSv1, TLSv1.2]') }], good: [{ code: cfn('[TLSv1.2]') }] },
    },
  },
  check(ctx) {
    for (const d of ctx.resources<Distribution>('aws.cloudfront.distribution')) {
      for (const o of d.f.origins.items) {
        const list = o.f.originSslProtocols;
        if (list.value.origin === 'unknown' || list.items.some((p) => p.origin === 'unknown')) continue;
        const old = list.items.filter((p) => DEPRECATED.has(p.value ?? ''));
        if (old.length === 0) continue;
        const name = d.source.format === 'terraform' ? 'origin_ssl_protocols' : 'OriginSSLProtocols';
        ctx.report({
          resource: d,
          value: list.value,
          message: `${name} allows ${old.map((p) => p.value).join(', ')}: CloudFront may negotiate a deprecated protocol with the origin`,
          // A literal replacement of the list: the same text is valid HCL, YAML and JSON.
          fix: list.value.span ? { title: `Set ${name} to ["TLSv1.2"]`, actions: [{ type: 'replace', span: list.value.span, text: '["TLSv1.2"]' }] } : undefined,
        });
      }
    }
  },
});
