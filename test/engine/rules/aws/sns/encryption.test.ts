import { ruleTester } from '../../../../helpers/rule-tester';

const topic = (extra: string) => `resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: alerts\n${extra}`;

ruleTester('aws-sns-encryption', {
  valid: [
    { format: 'terraform', code: topic('  kms_master_key_id = "alias/aws/sns"\n') },
    { name: 'key from another resource', format: 'terraform', code: topic('  kms_master_key_id = aws_kms_key.k.id\n') + 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n' },
    { name: 'unknown variable', format: 'terraform', code: topic('  kms_master_key_id = var.key\n'), files: { 'v.tf': 'variable "key" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: cfn('      KmsMasterKeyId: alias/aws/sns\n') },
  ],
  invalid: [
    { name: 'omitted: placeholder fix', format: 'terraform', code: topic(''), errors: [{ line: 1, column: 1, message: /kms_master_key_id is not set/ }], output: topic('  kms_master_key_id = "alias/aws/sns"\n') },
    { name: 'empty string from a variable default', format: 'terraform', code: 'variable "key" {\n  default = ""\n}\n\n' + topic('  kms_master_key_id = var.key\n'), errors: [{ line: 7, column: 23, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }], output: cfn('      KmsMasterKeyId: "alias/aws/sns"\n') },
  ],
});
