import { ruleTester } from '../../../../helpers/rule-tester';

ruleTester('aws-guardduty-enabled', {
  valid: [
    { name: 'omitted: the provider enables it', format: 'terraform', code: 'resource "aws_guardduty_detector" "main" {\n}\n' },
    { format: 'terraform', code: 'resource "aws_guardduty_detector" "main" {\n  enable = true\n}\n' },
    { name: 'unknown', format: 'terraform', code: 'variable "on" {\n  type = bool\n}\n\nresource "aws_guardduty_detector" "main" {\n  enable = var.on\n}\n' },
    { format: 'cloudformation', code: 'Resources:\n  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: true\n' },
  ],
  invalid: [
    {
      format: 'terraform',
      code: 'resource "aws_guardduty_detector" "main" {\n  enable = false\n}\n',
      errors: [{ line: 2, column: 12, message: /enable is false/ }],
      output: 'resource "aws_guardduty_detector" "main" {\n  enable = true\n}\n',
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "on" {\n  default = false\n}\n\nresource "aws_guardduty_detector" "main" {\n  enable = var.on\n}\n', errors: [{ line: 6, column: 12, relatedLines: [2] }] },
    {
      format: 'cloudformation',
      code: 'Resources:\n  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: false\n',
      errors: [{ line: 5, column: 15 }],
      output: 'Resources:\n  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: true\n',
    },
  ],
});
