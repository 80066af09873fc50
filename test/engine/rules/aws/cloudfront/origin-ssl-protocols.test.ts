import { customOriginCfn, customOriginTf, distributionCfn, distributionTf } from '../../../../../server/src/engine/rules/examples/cloudfront';
import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (protocols: string) => distributionTf({ origin: customOriginTf({ protocols }) });
const cfn = (protocols: string) => distributionCfn({ origin: customOriginCfn({ protocols }) });

ruleTester('aws-cloudfront-origin-ssl-protocols', {
  valid: [
    { format: 'terraform', code: tf('["TLSv1.2"]') },
    { name: 'unknown', format: 'terraform', code: tf('var.p'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: cfn('[TLSv1.2]') },
  ],
  invalid: [
    { format: 'terraform', code: tf('["SSLv3", "TLSv1.2"]'), errors: [{ line: 10, column: 32, message: /allows SSLv3/, severity: 'medium' }], output: tf('["TLSv1.2"]') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = ["TLSv1", "TLSv1.1", "TLSv1.2"]\n}\n\n' + tf('var.p'), errors: [{ line: 14, column: 32, message: /TLSv1, TLSv1.1/, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('[TLSv1, TLSv1.2]'), errors: [{ line: 12, column: 35 }], output: cfn('["TLSv1.2"]') },
  ],
});
