import { ruleTester } from '../../../../helpers/rule-tester';

const t = (extra: string) => `resource "aws_dynamodb_table" "t" {\n  name     = "t"\n  hash_key = "id"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n${extra}`;

ruleTester('aws-dynamodb-deletion-protection', {
  valid: [
    { format: 'terraform', code: t('  deletion_protection_enabled = true\n') },
    { name: 'unknown', format: 'terraform', code: t('  deletion_protection_enabled = var.p\n'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: cfn('      DeletionProtectionEnabled: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: t(''), errors: [{ line: 1 }], output: t('  deletion_protection_enabled = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = false\n}\n\n' + t('  deletion_protection_enabled = var.p\n'), errors: [{ line: 8, column: 33, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      DeletionProtectionEnabled: false\n'), errors: [{ line: 6, column: 34 }], output: cfn('      DeletionProtectionEnabled: true\n') },
  ],
});
