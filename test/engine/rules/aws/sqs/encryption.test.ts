import { ruleTester } from '../../../../helpers/rule-tester';

const q = (extra: string) => `resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n${extra}}\n`;

ruleTester('aws-sqs-encryption', {
  valid: [
    { name: 'omitted: SSE-SQS by default', format: 'terraform', code: q('') },
    { format: 'terraform', code: q('  sqs_managed_sse_enabled = true\n') },
    { name: 'KMS key instead', format: 'terraform', code: q('  sqs_managed_sse_enabled = false\n  kms_master_key_id       = "alias/aws/sqs"\n') },
    { name: 'KMS key from an unknown reference', format: 'terraform', code: q('  sqs_managed_sse_enabled = false\n  kms_master_key_id       = aws_kms_key.k.arn\n') + 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n' },
    { name: 'unknown', format: 'terraform', code: q('  sqs_managed_sse_enabled = var.sse\n'), files: { 'v.tf': 'variable "sse" {\n  type = bool\n}\n' } },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5\n' },
    { name: 'parameter without default', format: 'cloudformation', code: 'Parameters:\n  Sse:\n    Type: String\nResources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: !Ref Sse\n' },
  ],
  invalid: [
    { name: 'explicit false', format: 'terraform', code: q('  sqs_managed_sse_enabled = false\n'), errors: [{ line: 3, column: 29, message: /sqs_managed_sse_enabled is false/ }], output: q('  sqs_managed_sse_enabled = true\n') },
    {
      name: 'from a variable default',
      format: 'terraform',
      code: 'variable "sse" {\n  default = false\n}\n\n' + q('  sqs_managed_sse_enabled = var.sse\n'),
      errors: [{ line: 7, column: 29, relatedLines: [2] }],
    },
    {
      name: 'CloudFormation false',
      format: 'cloudformation',
      code: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n',
      errors: [{ line: 5, column: 29 }],
      output: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: true\n',
    },
  ],
});
