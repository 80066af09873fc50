import { distributionCfn, distributionTf } from '../../../../../server/src/engine/rules/examples/cloudfront';
import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (webAclId?: string) => distributionTf({ attributes: webAclId ? { web_acl_id: webAclId } : {} });
const ACL = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1';
const FIX = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/name/id';
const cfn = (afterEnabled: string) => distributionCfn({ afterEnabled });

ruleTester('aws-cloudfront-waf', {
  valid: [
    { format: 'terraform', code: tf(`"${ACL}"`) },
    { name: 'a reference to a web ACL', format: 'terraform', code: 'resource "aws_wafv2_web_acl" "edge" {\n  name  = "edge"\n  scope = "CLOUDFRONT"\n}\n\n' + tf('aws_wafv2_web_acl.edge.arn') },
    { name: 'unknown', format: 'terraform', code: tf('var.acl'), files: { 'v.tf': 'variable "acl" {}\n' } },
    { format: 'cloudformation', code: cfn(`        WebACLId: ${ACL}\n`) },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: tf(), errors: [{ line: 1, column: 1, message: /web_acl_id is not set/, severity: 'medium' }], output: distributionTf({ end: `  web_acl_id = "${FIX}"\n` }) },
    { name: 'empty string from a variable default', format: 'terraform', code: 'variable "acl" {\n  default = ""\n}\n\n' + tf('var.acl'), errors: [{ line: 7, column: 16, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3 }], output: distributionCfn({ end: `        WebACLId: "${FIX}"\n` }) },
  ],
});
