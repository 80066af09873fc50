import type { KindResource } from '../../../model/kind';
import type { distribution } from '../../../model/aws/cloudfront';
import { distributionCfn, distributionTf, s3OriginCfn, s3OriginTf } from '../../examples/cloudfront';
import { defineRule } from '../../rule';

type Distribution = KindResource<typeof distribution.fields>;

const S3_REST = /\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/i;
const S3_WEBSITE = /\.s3-website[.-]/i;

// The examples' bucket origin has origin access control, so they show no other rule's finding.
const OAC_ORIGIN_TF = s3OriginTf({ attributes: { origin_access_control_id: '"E2QWRUHAPOMQZL"' } });
const OAC_ORIGIN_CFN = s3OriginCfn({ properties: '            OriginAccessControlId: E2QWRUHAPOMQZL\n            S3OriginConfig: {}\n' });

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
      terraform: { bad: [{ code: distributionTf({ origin: OAC_ORIGIN_TF }) }], good: [{ code: distributionTf({ attributes: { default_root_object: '"index.html"' }, origin: OAC_ORIGIN_TF }) }] },
      cloudformation: {
        bad: [{ code: distributionCfn({ origin: OAC_ORIGIN_CFN }) }],
        good: [{ code: distributionCfn({ afterEnabled: '        DefaultRootObject: index.html\n', origin: OAC_ORIGIN_CFN }) }],
      },
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
