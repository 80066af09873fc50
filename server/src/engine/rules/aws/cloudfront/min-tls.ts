import type { KindResource } from '../../../model/kind';
import { distribution } from '../../../model/aws/cloudfront';
import { customOriginCfn, customOriginTf, distributionCfn, distributionTf } from '../../examples/cloudfront';
import { attributeRule } from '../../factory';

type Distribution = KindResource<typeof distribution.fields>;

// TLSv1.2_2018, _2019, _2021 and TLSv1.3_2025 accept TLS 1.2 and later; the older policies also accept SSLv3/TLS 1.0/1.1.
const MODERN = /^TLSv1\.(?:2|3)_\d{4}$/;

const CERTIFICATE_TF = '    acm_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/1"\n    ssl_support_method  = "sni-only"\n';
const tf = (minimumProtocolVersion?: string) =>
  distributionTf({
    attributes: { aliases: '["www.example.com"]' },
    origin: customOriginTf(),
    cachingOptimized: true,
    viewerCertificate: CERTIFICATE_TF + (minimumProtocolVersion ? `    minimum_protocol_version = "${minimumProtocolVersion}"\n` : ''),
  });
const cfn = (minimumProtocolVersion: string) =>
  distributionCfn({
    origin: customOriginCfn(),
    end: `        ViewerCertificate:\n          AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/1\n          SslSupportMethod: sni-only\n          MinimumProtocolVersion: ${minimumProtocolVersion}\n`,
  });

export default attributeRule({
  meta: {
    id: 'aws-cloudfront-min-tls',
    provider: 'aws',
    service: 'cloudfront',
    severity: 'medium',
    title: 'CloudFront accepts viewer TLS versions older than 1.2',
    explanation:
      'The security policy of a distribution with its own certificate decides the oldest protocol and the ciphers viewers may negotiate; anything before TLSv1.2_2021 still allows deprecated protocols or weak ciphers. AWS keeps the TLS implementation patched; choosing the policy is yours.',
    resolution: 'Set minimum_protocol_version = "TLSv1.2_2021" (CloudFormation: ViewerCertificate.MinimumProtocolVersion).',
    links: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-15'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_cloudfront_distribution', 'AWS::CloudFront::Distribution'] },
    controls: ['aws-fsbp:CloudFront.15'],
    equivalents: { checkov: ['CKV_AWS_174'], trivy: ['AVD-AWS-0013', 'aws-cloudfront-use-secure-tls-policy'], kics: ['00e5e55e-c2ff-46b3-a757-a7a1cd802456', 'dc17ee4b-ddf2-4e23-96e8-7a36abad1303'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: tf('TLSv1') }, { code: tf(), note: 'omitted with a custom certificate: TLSv1' }],
        good: [{ code: tf('TLSv1.2_2021') }],
      },
      cloudformation: { bad: [{ code: cfn('TLSv1.1_2016') }], good: [{ code: cfn('TLSv1.2_2021') }] },
    },
  },
  kind: distribution,
  field: 'minimumProtocolVersion',
  // With the default *.cloudfront.net certificate the policy cannot be chosen (CloudFront fixes it at TLSv1).
  skip: (d: Distribution) => !customCertificate(d),
  insecure: (v) => !MODERN.test(v),
  fix: 'TLSv1.2_2021',
  consequence: 'viewers can still negotiate deprecated TLS versions or weak ciphers',
});

/** True when the distribution serves its own certificate (ACM or IAM); undefined-safe: unknown counts as custom. */
function customCertificate(d: Distribution): boolean {
  const acm = d.f.acmCertificate;
  const iam = d.f.iamCertificate;
  if (acm.origin !== 'default' || iam.origin !== 'default') return true;
  return false;
}
