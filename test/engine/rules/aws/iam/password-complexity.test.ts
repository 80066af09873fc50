import { ruleTester } from '../../../../helpers/rule-tester';

const all = '  require_symbols              = true\n  require_numbers              = true\n  require_uppercase_characters = true\n  require_lowercase_characters = true\n';
const pp = (extra: string) => `resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 14\n${extra}}\n`;

ruleTester('aws-iam-password-complexity', {
  valid: [
    { format: 'terraform', code: pp(all) },
    { name: 'unknown', format: 'terraform', code: pp(all.replace('require_numbers              = true', 'require_numbers              = var.n')), files: { 'v.tf': 'variable "n" {}\n' } },
  ],
  invalid: [
    { name: 'one false', format: 'terraform', code: pp(all.replace('require_symbols              = true', 'require_symbols              = false')), errors: [{ line: 3, column: 34, message: /symbols/ }], output: pp(all) },
    {
      name: 'all omitted',
      format: 'terraform',
      code: pp(''),
      errors: [{ line: 1, message: /require_symbols/ }, { line: 1, message: /require_numbers/ }, { line: 1, message: /require_uppercase/ }, { line: 1, message: /require_lowercase/ }],
      output: pp('  require_symbols = true\n  require_numbers = true\n  require_uppercase_characters = true\n  require_lowercase_characters = true\n'),
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "n" {\n  default = false\n}\n\n' + pp(all.replace('require_numbers              = true', 'require_numbers              = var.n')), errors: [{ line: 8, relatedLines: [2] }] },
  ],
});
