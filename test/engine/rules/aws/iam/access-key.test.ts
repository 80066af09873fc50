import { ruleTester } from '../../../../helpers/rule-tester';

ruleTester('aws-iam-access-key', {
  valid: [
    { format: 'terraform', code: 'resource "aws_iam_access_key" "k" {\n  user   = "ci"\n  status = "Inactive"\n}\n' },
    { name: 'unknown status', format: 'terraform', code: 'variable "s" {}\n\nresource "aws_iam_access_key" "k" {\n  user   = "ci"\n  status = var.s\n}\n' },
    { format: 'cloudformation', code: 'Resources:\n  K:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: ci\n      Status: Inactive\n' },
  ],
  invalid: [
    { name: 'omitted: active, secret in state', format: 'terraform', code: 'resource "aws_iam_access_key" "k" {\n  user = "ci"\n}\n', errors: [{ line: 1, message: /plain text in the Terraform state/ }], output: null },
    { name: 'pgp-encrypted secret', format: 'terraform', code: 'resource "aws_iam_access_key" "k" {\n  user    = "ci"\n  pgp_key = "keybase:ci"\n  status  = "Active"\n}\n', errors: [{ line: 4, column: 13, message: /encrypted secret/ }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "s" {\n  default = "Active"\n}\n\nresource "aws_iam_access_key" "k" {\n  user   = "ci"\n  status = var.s\n}\n', errors: [{ line: 7, relatedLines: [2] }] },
    { format: 'cloudformation', code: 'Resources:\n  K:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: ci\n', errors: [{ line: 2, message: /^An active long-lived access key is created$/ }] },
  ],
});
