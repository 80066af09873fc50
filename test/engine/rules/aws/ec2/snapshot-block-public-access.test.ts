import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (v: string) => `resource "aws_ebs_snapshot_block_public_access" "this" {\n  state = ${v}\n}\n`;
const cfn = (v: string) => `Resources:\n  Bpa:\n    Type: AWS::EC2::SnapshotBlockPublicAccess\n    Properties:\n      State: ${v}\n`;

ruleTester('aws-ec2-snapshot-block-public-access', {
  valid: [
    { format: 'terraform', code: tf('"block-all-sharing"') },
    { name: 'block new sharing', format: 'terraform', code: tf('"block-new-sharing"') },
    { name: 'unknown', format: 'terraform', code: tf('var.s'), files: { 'v.tf': 'variable "s" {}\n' } },
    { format: 'cloudformation', code: cfn('block-all-sharing') },
  ],
  invalid: [
    { format: 'terraform', code: tf('"unblocked"'), errors: [{ line: 2, column: 11, message: /"unblocked"/, severity: 'high' }], output: tf('"block-all-sharing"') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "s" {\n  default = "unblocked"\n}\n\n' + tf('var.s'), errors: [{ line: 6, column: 11, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('unblocked'), errors: [{ line: 5, column: 14 }], output: cfn('block-all-sharing') },
    { name: 'CloudFormation parameter default', format: 'cloudformation', code: 'Parameters:\n  S:\n    Type: String\n    Default: unblocked\n' + cfn('!Ref S'), errors: [{ line: 9, column: 14, relatedLines: [4] }] },
  ],
});
