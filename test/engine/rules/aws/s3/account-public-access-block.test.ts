import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (body: string) => `resource "aws_s3_account_public_access_block" "this" {\n${body}}\n`;
const all = '  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n';

ruleTester('aws-s3-account-public-access-block', {
  valid: [
    { format: 'terraform', code: tf(all) },
    { name: 'unknown', format: 'terraform', code: tf(all.replace('restrict_public_buckets = true', 'restrict_public_buckets = var.r')), files: { 'v.tf': 'variable "r" {\n  type = bool\n}\n' } },
  ],
  invalid: [
    {
      name: 'two omitted',
      format: 'terraform',
      code: tf('  block_public_acls   = true\n  block_public_policy = true\n'),
      errors: [{ line: 1, column: 1, message: /ignore_public_acls is not set/ }, { line: 1, column: 1, message: /restrict_public_buckets is not set/ }],
      output: tf('  block_public_acls   = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n'),
    },
    { name: 'explicit false', format: 'terraform', code: tf(all.replace('block_public_policy     = true', 'block_public_policy     = false')), errors: [{ line: 3, column: 29, severity: 'high' }], output: tf(all) },
    {
      name: 'from a variable default',
      format: 'terraform',
      code: 'variable "b" {\n  default = false\n}\n\n' + tf(all.replace('ignore_public_acls      = true', 'ignore_public_acls      = var.b')),
      errors: [{ line: 8, column: 29, relatedLines: [2] }],
    },
  ],
});
