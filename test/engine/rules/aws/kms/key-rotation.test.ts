import { ruleTester } from '../../../../helpers/rule-tester';

ruleTester('aws-kms-key-rotation', {
  valid: [
    { format: 'terraform', code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n' },
    { name: 'asymmetric', format: 'terraform', code: 'resource "aws_kms_key" "k" {\n  key_usage                = "SIGN_VERIFY"\n  customer_master_key_spec = "RSA_2048"\n}\n' },
    { name: 'unknown', format: 'terraform', code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = var.r\n}\n', files: { 'v.tf': 'variable "r" {}\n' } },
    { name: 'CloudFormation external key material', format: 'cloudformation', code: 'Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      Origin: EXTERNAL\n' },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: 'resource "aws_kms_key" "k" {\n  description = "k"\n}\n', errors: [{ line: 1 }], output: 'resource "aws_kms_key" "k" {\n  description = "k"\n  enable_key_rotation = true\n}\n' },
    { name: 'empty block', format: 'terraform', code: 'resource "aws_kms_key" "k" {}\n', errors: [{ line: 1 }], output: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n' },
    { name: 'CloudFormation false', format: 'cloudformation', code: 'Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n', errors: [{ line: 5, column: 26 }], output: 'Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n' },
    { name: 'CloudFormation without Properties', format: 'cloudformation', code: 'Resources:\n  K:\n    Type: AWS::KMS::Key\n', errors: [{ line: 2 }], output: 'Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n' },
  ],
});
