import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (body: string) => `resource "aws_ebs_encryption_by_default" "this" {\n${body}}\n`;

ruleTester('aws-ec2-ebs-default-encryption', {
  valid: [
    { format: 'terraform', code: tf('  enabled = true\n') },
    { name: 'omitted: the resource turns it on', format: 'terraform', code: tf('') },
    { name: 'unknown', format: 'terraform', code: tf('  enabled = var.on\n'), files: { 'v.tf': 'variable "on" {\n  type = bool\n}\n' } },
  ],
  invalid: [
    { format: 'terraform', code: tf('  enabled = false\n'), errors: [{ line: 2, column: 13, message: /enabled is false/, severity: 'medium' }], output: tf('  enabled = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "on" {\n  default = false\n}\n\n' + tf('  enabled = var.on\n'), errors: [{ line: 6, column: 13, relatedLines: [2] }] },
  ],
});
