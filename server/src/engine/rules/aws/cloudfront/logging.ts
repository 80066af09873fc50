import type { KindResource } from '../../../model/kind';
import type { distribution } from '../../../model/aws/cloudfront';
import { distributionCfn, distributionTf } from '../../examples/cloudfront';
import { defineRule } from '../../rule';

type Distribution = KindResource<typeof distribution.fields>;

export default defineRule({
  meta: {
    id: 'aws-cloudfront-logging',
    provider: 'aws',
    service: 'cloudfront',
    severity: 'low',
    title: 'CloudFront distribution has no access logging',
    explanation:
      'Standard logs record every viewer request, the evidence needed to investigate abuse, scraping or a leak through the CDN. AWS produces them only when you tell the distribution where to deliver them.',
    resolution: 'Add logging_config { bucket = "<log bucket>.s3.amazonaws.com" } (CloudFormation: DistributionConfig.Logging.Bucket), or configure standard logging v2 through CloudWatch log delivery.',
    links: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-5'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_cloudfront_distribution', 'AWS::CloudFront::Distribution'] },
    controls: ['aws-fsbp:CloudFront.5'],
    equivalents: { checkov: ['CKV_AWS_86'], trivy: ['AVD-AWS-0010', 'aws-cloudfront-enable-logging'], kics: ['94690d79-b3b0-43de-b656-84ebef5753e5', 'de77cd9f-0e8b-46cc-b4a4-b6b436838642'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: distributionTf() }],
        good: [{ code: distributionTf({ afterDefaultCacheBehavior: '  logging_config {\n    bucket = "acme-cdn-logs.s3.amazonaws.com"\n  }\n' }) }],
      },
      cloudformation: {
        bad: [{ code: distributionCfn() }],
        good: [{ code: distributionCfn({ afterEnabled: '        Logging:\n          Bucket: acme-cdn-logs.s3.amazonaws.com\n' }) }],
      },
    },
  },
  check(ctx) {
    for (const d of ctx.resources<Distribution>('aws.cloudfront.distribution')) {
      const v = d.f.logging;
      if (v.origin !== 'default') continue;
      const tf = d.source.format === 'terraform';
      ctx.report({
        resource: d,
        message: tf ? 'No logging_config: viewer requests to this distribution are not logged' : 'No Logging configuration: viewer requests to this distribution are not logged',
        fix: {
          title: 'Add access logging (enter the log bucket)',
          actions: [{ type: 'set', site: { resource: d.source, path: tf ? ['logging_config', 0, 'bucket'] : ['DistributionConfig', 'Logging', 'Bucket'] }, value: { $placeholder: 'log-bucket.s3.amazonaws.com' } }],
        },
      });
    }
  },
});
