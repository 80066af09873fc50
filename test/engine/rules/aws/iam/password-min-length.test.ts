import { ruleTester } from '../../../../helpers/rule-tester';

const pp = (extra: string) => `resource "aws_iam_account_password_policy" "p" {\n  require_symbols = true\n${extra}}\n`;

ruleTester('aws-iam-password-min-length', {
  valid: [
    { format: 'terraform', code: pp('  minimum_password_length = 14\n') },
    { name: 'unknown', format: 'terraform', code: pp('  minimum_password_length = var.len\n'), files: { 'v.tf': 'variable "len" {}\n' } },
  ],
  invalid: [
    { format: 'terraform', code: pp('  minimum_password_length = 8\n'), errors: [{ line: 3, column: 29, message: /is 8/ }], output: pp('  minimum_password_length = 14\n') },
    { name: 'omitted: 6', format: 'terraform', code: pp(''), errors: [{ line: 1, message: /not set/ }], output: pp('  minimum_password_length = 14\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "len" {\n  default = 10\n}\n\n' + pp('  minimum_password_length = var.len\n'), errors: [{ line: 7, relatedLines: [2] }] },
  ],
});
