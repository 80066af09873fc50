import { distributionCfn, distributionTf, s3OriginCfn, s3OriginTf } from '../../../../../server/src/engine/rules/examples/cloudfront';
import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (defaultRootObject?: string, domain?: string) =>
  distributionTf({ attributes: defaultRootObject ? { default_root_object: defaultRootObject } : {}, origin: s3OriginTf({ domain }) });
const cfn = (end: string) => distributionCfn({ origin: s3OriginCfn({ properties: '' }), end });

ruleTester('aws-cloudfront-default-root-object', {
  valid: [
    { format: 'terraform', code: tf('"index.html"') },
    { name: 'application origin routes "/" itself', format: 'terraform', code: tf(undefined, '"app.example.com"') },
    { name: 'unknown', format: 'terraform', code: tf('var.root'), files: { 'v.tf': 'variable "root" {}\n' } },
    { format: 'cloudformation', code: cfn('        DefaultRootObject: index.html\n') },
  ],
  invalid: [
    {
      name: 'omitted',
      format: 'terraform',
      code: tf(),
      errors: [{ line: 1, column: 1, message: /default_root_object is not set/, severity: 'low' }],
      output: distributionTf({ origin: s3OriginTf(), end: '  default_root_object = "index.html"\n' }),
    },
    { name: 'empty string from a variable default', format: 'terraform', code: 'variable "root" {\n  default = ""\n}\n\n' + tf('var.root'), errors: [{ line: 7, column: 25, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3 }], output: cfn('        DefaultRootObject: "index.html"\n') },
  ],
});
