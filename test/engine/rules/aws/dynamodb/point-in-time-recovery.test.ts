import { ruleTester } from '../../../../helpers/rule-tester';

const t = (extra: string) => `resource "aws_dynamodb_table" "t" {\n  name     = "t"\n  hash_key = "id"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n${extra}`;

ruleTester('aws-dynamodb-point-in-time-recovery', {
  valid: [
    { format: 'terraform', code: t('  point_in_time_recovery {\n    enabled = true\n  }\n') },
    { name: 'unknown', format: 'terraform', code: t('  point_in_time_recovery {\n    enabled = var.pitr\n  }\n'), files: { 'v.tf': 'variable "pitr" {}\n' } },
    { format: 'cloudformation', code: cfn('      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: t(''), errors: [{ line: 1, message: /enabled is not set/ }], output: t('  point_in_time_recovery {\n    enabled = true\n  }\n') },
    { name: 'false', format: 'terraform', code: t('  point_in_time_recovery {\n    enabled = false\n  }\n'), errors: [{ line: 5, column: 15 }], output: t('  point_in_time_recovery {\n    enabled = true\n  }\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "pitr" {\n  default = false\n}\n\n' + t('  point_in_time_recovery {\n    enabled = var.pitr\n  }\n'), errors: [{ line: 9, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }], output: cfn('      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n') },
  ],
});
