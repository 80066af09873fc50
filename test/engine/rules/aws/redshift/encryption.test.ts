import { ruleTester } from '../../../../helpers/rule-tester';

const dw = (extra: string) => `resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n${extra}`;

ruleTester('aws-redshift-encryption', {
  valid: [
    { name: 'omitted: encrypted by default', format: 'terraform', code: dw('') },
    { format: 'terraform', code: dw('  encrypted          = true\n') },
    { name: 'unknown', format: 'terraform', code: dw('  encrypted          = var.enc\n'), files: { 'v.tf': 'variable "enc" {\n  type = bool\n}\n' } },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn('') },
  ],
  invalid: [
    { format: 'terraform', code: dw('  encrypted          = false\n'), errors: [{ line: 4, column: 24, message: /encrypted is false/ }], output: dw('  encrypted          = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "enc" {\n  default = false\n}\n\n' + dw('  encrypted          = var.enc\n'), errors: [{ line: 8, column: 24, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      Encrypted: false\n'), errors: [{ line: 6, column: 18 }], output: cfn('      Encrypted: true\n') },
  ],
});
