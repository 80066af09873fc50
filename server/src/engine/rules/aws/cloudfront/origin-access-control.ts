import type { KindResource } from '../../../model/kind';
import type { distribution } from '../../../model/aws/cloudfront';
import { distributionCfn, distributionTf, s3OriginCfn, s3OriginTf } from '../../examples/cloudfront';
import { defineRule } from '../../rule';

type Distribution = KindResource<typeof distribution.fields>;

// REST endpoints of S3 buckets (bucket.s3.amazonaws.com, bucket.s3.<region>.amazonaws.com, bucket.s3-<region>…).
// Website endpoints (s3-website) are custom origins and cannot use origin access control.
const S3_REST = /\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/i;
const S3_WEBSITE = /\.s3-website[.-]/i;

export default defineRule({
  meta: {
    id: 'aws-cloudfront-origin-access-control',
    provider: 'aws',
    service: 'cloudfront',
    severity: 'medium',
    title: 'CloudFront S3 origin does not use origin access control',
    explanation:
      'Without origin access control, CloudFront fetches from the bucket anonymously, so the bucket has to be readable by everyone and the CDN\'s WAF, geo-restrictions and signed URLs can be bypassed by going to S3 directly. AWS offers OAC; attaching it and limiting the bucket policy to the distribution is your part.',
    resolution: 'Create an aws_cloudfront_origin_access_control (signing_behavior "always", sigv4) and set origin_access_control_id on the S3 origin (CloudFormation: Origins[].OriginAccessControlId), then grant s3:GetObject to cloudfront.amazonaws.com with an AWS:SourceArn condition in the bucket policy.',
    links: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-13'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_cloudfront_distribution', 'AWS::CloudFront::Distribution'] },
    controls: ['aws-fsbp:CloudFront.13'],
    equivalents: { checkov: ['CKV2_AWS_46'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: distributionTf({ origin: s3OriginTf() }) }],
        good: [
          {
            code:
              'resource "aws_cloudfront_origin_access_control" "site" {\n  name                              = "site"\n  origin_access_control_origin_type = "s3"\n  signing_behavior                  = "always"\n  signing_protocol                  = "sigv4"\n}\n\n' +
              distributionTf({ origin: s3OriginTf({ attributes: { origin_access_control_id: 'aws_cloudfront_origin_access_control.site.id' } }) }),
          },
        ],
      },
      cloudformation: {
        bad: [{ code: distributionCfn({ origin: s3OriginCfn() }) }],
        good: [{ code: distributionCfn({ origin: s3OriginCfn({ properties: '            OriginAccessControlId: E2QWRUHAPOMQZL\n            S3OriginConfig:\n              OriginAccessIdentity: ""\n' }) }) }],
      },
    },
  },
  check(ctx) {
    for (const d of ctx.resources<Distribution>('aws.cloudfront.distribution')) {
      for (const o of d.f.origins.items) {
        const dn = o.f.domainName;
        if (dn.origin === 'unknown' || dn.value === undefined) {
          // A bucket reference (aws_s3_bucket.x.bucket_regional_domain_name) is unknown but clearly an S3 origin.
          if (!(dn.refs ?? []).some((r) => r.attribute === 'bucket_regional_domain_name' || r.attribute === 'RegionalDomainName' || r.attribute === 'DomainName')) continue;
        } else if (!S3_REST.test(dn.value) || S3_WEBSITE.test(dn.value)) continue;
        if (o.f.customOriginConfig.origin !== 'default') continue;
        const oac = o.f.originAccessControlId;
        if (oac.origin === 'unknown' || (oac.origin !== 'default' && oac.value !== '')) continue;
        const oai = o.f.originAccessIdentity;
        if (oai.origin === 'unknown') continue;
        const id = o.f.id.origin !== 'unknown' && o.f.id.value ? `"${o.f.id.value}"` : '';
        const legacy = oai.origin !== 'default' && oai.value !== undefined && oai.value !== '';
        ctx.report({
          resource: d,
          ...(o.span ? { span: o.span } : {}),
          severity: legacy ? 'low' : undefined,
          message: legacy
            ? `The S3 origin ${id} uses a legacy origin access identity: move it to origin access control, which also supports SSE-KMS and every Region`
            : `The S3 origin ${id} has no origin access control: the bucket must be publicly readable, and viewers can bypass CloudFront`.replace('  ', ' '),
        });
      }
    }
  },
});
