import { distributionCfn, distributionTf, originTf, s3OriginCfn, s3OriginTf } from '../../../../../server/src/engine/rules/examples/cloudfront';
import { ruleTester } from '../../../../helpers/rule-tester';

const bucket = 'resource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n}\n\n';
const cfn = (properties: string) => distributionCfn({ origin: s3OriginCfn({ properties }) });

ruleTester('aws-cloudfront-origin-access-control', {
  valid: [
    { format: 'terraform', code: distributionTf({ origin: s3OriginTf({ attributes: { origin_access_control_id: '"E2QWRUHAPOMQZL"' } }) }) },
    { name: 'custom origin', format: 'terraform', code: distributionTf({ origin: originTf({ id: 'site' }) }) },
    { name: 'S3 website endpoint is a custom origin', format: 'terraform', code: distributionTf({ origin: s3OriginTf({ domain: '"acme-site.s3-website-eu-west-1.amazonaws.com"' }) }) },
    { name: 'unknown OAC', format: 'terraform', code: distributionTf({ origin: s3OriginTf({ attributes: { origin_access_control_id: 'var.oac' } }) }), files: { 'v.tf': 'variable "oac" {}\n' } },
    { name: 'unknown domain', format: 'terraform', code: distributionTf({ origin: s3OriginTf({ domain: 'var.domain' }) }), files: { 'v.tf': 'variable "domain" {}\n' } },
    { format: 'cloudformation', code: cfn('            OriginAccessControlId: E2QWRUHAPOMQZL\n            S3OriginConfig:\n              OriginAccessIdentity: ""\n') },
  ],
  invalid: [
    { name: 'S3 origin, no OAC', format: 'terraform', code: distributionTf({ origin: s3OriginTf() }), errors: [{ line: 3, message: /no origin access control/, severity: 'medium' }], output: null },
    {
      name: 'bucket reference',
      format: 'terraform',
      code: bucket + distributionTf({ origin: s3OriginTf({ domain: 'aws_s3_bucket.site.bucket_regional_domain_name' }) }),
      errors: [{ line: 7, message: /"site" has no origin access control/ }],
    },
    {
      name: 'legacy origin access identity',
      format: 'terraform',
      code: distributionTf({ origin: s3OriginTf({ blocks: '    s3_origin_config {\n      origin_access_identity = "origin-access-identity/cloudfront/E1"\n    }\n' }) }),
      errors: [{ line: 3, message: /legacy origin access identity/, severity: 'low' }],
    },
    { format: 'cloudformation', code: cfn('            S3OriginConfig: {}\n'), errors: [{ line: 8 }] },
  ],
});
