import { ruleTester } from '../../../../helpers/rule-tester';

const lg = (extra: string) => `resource "aws_cloudwatch_log_group" "app" {\n  name = "/app/web"\n${extra}}\n`;

ruleTester('aws-cloudwatch-log-kms', {
  valid: [
    { format: 'terraform', code: lg('  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/k"\n') },
    { name: 'key created alongside', format: 'terraform', code: lg('  kms_key_id = aws_kms_key.logs.arn\n') + 'resource "aws_kms_key" "logs" {\n  enable_key_rotation = true\n}\n' },
    { name: 'unknown', format: 'terraform', code: lg('  kms_key_id = var.key\n'), files: { 'v.tf': 'variable "key" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  App:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      KmsKeyId: !GetAtt Key.Arn\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n' },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: lg(''), errors: [{ line: 1, column: 1, message: /kms_key_id is not set/ }], output: null },
    { name: 'empty from a variable default', format: 'terraform', code: 'variable "key" {\n  default = ""\n}\n\n' + lg('  kms_key_id = var.key\n'), errors: [{ line: 7, column: 16, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: 'Resources:\n  App:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n', errors: [{ line: 2, message: /KmsKeyId is not set/ }] },
  ],
});
