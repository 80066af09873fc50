import { customOriginCfn, customOriginTf, distributionCfn, distributionTf } from '../../../../../server/src/engine/rules/examples/cloudfront';
import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (policy: string, domain = 'app.example.com') => distributionTf({ origin: customOriginTf({ policy, domain: `"${domain}"` }) });
const cfn = (policy: string) => distributionCfn({ origin: customOriginCfn({ policy }) });

ruleTester('aws-cloudfront-origin-https', {
  valid: [
    { format: 'terraform', code: tf('"https-only"') },
    { name: 'unknown', format: 'terraform', code: tf('var.p'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: cfn('https-only') },
  ],
  invalid: [
    { format: 'terraform', code: tf('"http-only"'), errors: [{ line: 9, column: 32, message: /CloudFront reaches the origin over unencrypted HTTP/, severity: 'medium' }], output: tf('"https-only"') },
    { name: 'S3 website endpoint: no fix', format: 'terraform', code: tf('"http-only"', 'acme-site.s3-website-eu-west-1.amazonaws.com'), errors: [{ line: 9, message: /S3 website endpoint/ }], output: null },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = "match-viewer"\n}\n\n' + tf('var.p'), errors: [{ line: 13, column: 32, message: /HTTP viewers/, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('match-viewer'), errors: [{ line: 11, column: 37 }], output: cfn('https-only') },
  ],
});
