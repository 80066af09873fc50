import { ruleTester } from '../../../../helpers/rule-tester';

const pp = (extra: string) => `resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 14\n${extra}}\n`;

ruleTester('aws-iam-password-reuse', {
  valid: [
    { format: 'terraform', code: pp('  password_reuse_prevention = 24\n') },
    { name: 'unknown', format: 'terraform', code: pp('  password_reuse_prevention = var.n\n'), files: { 'v.tf': 'variable "n" {}\n' } },
  ],
  invalid: [
    { format: 'terraform', code: pp('  password_reuse_prevention = 5\n'), errors: [{ line: 3, column: 31 }], output: pp('  password_reuse_prevention = 24\n') },
    { name: 'omitted', format: 'terraform', code: pp(''), errors: [{ line: 1, message: /not set/ }], output: pp('  password_reuse_prevention = 24\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "n" {\n  default = 3\n}\n\n' + pp('  password_reuse_prevention = var.n\n'), errors: [{ line: 7, relatedLines: [2] }] },
  ],
});
