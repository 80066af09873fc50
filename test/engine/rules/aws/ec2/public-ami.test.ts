import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (body: string) => `resource "aws_ami_launch_permission" "share" {\n  image_id = "ami-12345678"\n${body}}\n`;

ruleTester('aws-ec2-public-ami', {
  valid: [
    { format: 'terraform', code: tf('  account_id = "111122223333"\n') },
    { name: 'organization', format: 'terraform', code: tf('  organization_arn = "arn:aws:organizations::111122223333:organization/o-abc"\n') },
    { name: 'unknown', format: 'terraform', code: tf('  group = var.g\n'), files: { 'v.tf': 'variable "g" {}\n' } },
  ],
  invalid: [
    { format: 'terraform', code: tf('  group    = "all"\n'), errors: [{ line: 3, column: 14, message: /group is "all"/, severity: 'critical' }], output: null },
    { name: 'from a variable default', format: 'terraform', code: 'variable "g" {\n  default = "all"\n}\n\n' + tf('  group    = var.g\n'), errors: [{ line: 7, column: 14, relatedLines: [2] }] },
  ],
});
