import { ruleTester } from '../../../../helpers/rule-tester';

const dw = (extra: string) => `resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n${extra}`;

ruleTester('aws-redshift-public-access', {
  valid: [
    { name: 'omitted: private by default', format: 'terraform', code: dw('') },
    { format: 'terraform', code: dw('  publicly_accessible = false\n') },
    { name: 'unknown', format: 'terraform', code: dw('  publicly_accessible = var.pub\n'), files: { 'v.tf': 'variable "pub" {\n  type = bool\n}\n' } },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn('') },
  ],
  invalid: [
    { format: 'terraform', code: dw('  publicly_accessible = true\n'), errors: [{ line: 4, column: 25, message: /publicly_accessible is true/ }], output: dw('  publicly_accessible = false\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "pub" {\n  default = true\n}\n\n' + dw('  publicly_accessible = var.pub\n'), errors: [{ line: 8, column: 25, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      PubliclyAccessible: true\n'), errors: [{ line: 6, column: 27 }], output: cfn('      PubliclyAccessible: false\n') },
  ],
});
