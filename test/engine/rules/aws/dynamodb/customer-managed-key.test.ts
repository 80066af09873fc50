import { ruleTester } from '../../../../helpers/rule-tester';

const t = (extra: string) => `resource "aws_dynamodb_table" "t" {\n  name     = "t"\n  hash_key = "id"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n${extra}`;

ruleTester('aws-dynamodb-customer-managed-key', {
  valid: [
    { format: 'terraform', code: t('  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.k.arn\n  }\n') },
    { name: 'unknown switch', format: 'terraform', code: t('  server_side_encryption {\n    enabled = var.sse\n  }\n'), files: { 'v.tf': 'variable "sse" {}\n' } },
    { format: 'cloudformation', code: cfn('      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n        KMSMasterKeyId: alias/t\n') },
  ],
  invalid: [
    { name: 'omitted: AWS owned key', format: 'terraform', code: t(''), errors: [{ line: 1, message: /AWS owned key/ }], output: null },
    { name: 'AWS managed key', format: 'terraform', code: t('  server_side_encryption {\n    enabled = true\n  }\n'), errors: [{ line: 5, column: 15, message: /aws\/dynamodb/ }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "sse" {\n  default = false\n}\n\n' + t('  server_side_encryption {\n    enabled = var.sse\n  }\n'), errors: [{ line: 9, relatedLines: [2] }] },
    { name: 'CloudFormation AWS managed key', format: 'cloudformation', code: cfn('      SSESpecification:\n        SSEEnabled: true\n'), errors: [{ line: 7, column: 21 }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }] },
  ],
});
