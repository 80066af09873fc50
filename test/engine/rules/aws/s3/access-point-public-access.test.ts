import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (block: string) => `resource "aws_s3_access_point" "ap" {\n  bucket = "acme-data"\n  name   = "data-ap"\n${block}}\n`;
const cfn = (block: string) => `Resources:\n  Ap:\n    Type: AWS::S3::AccessPoint\n    Properties:\n      Bucket: acme-data\n${block}`;

ruleTester('aws-s3-access-point-public-access', {
  valid: [
    { name: 'omitted: all on', format: 'terraform', code: tf('') },
    { name: 'block present, flags omitted: on', format: 'terraform', code: tf('  public_access_block_configuration {\n    block_public_acls = true\n  }\n') },
    { name: 'unknown', format: 'terraform', code: tf('  public_access_block_configuration {\n    block_public_policy = var.b\n  }\n'), files: { 'v.tf': 'variable "b" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n') },
  ],
  invalid: [
    {
      format: 'terraform',
      code: tf('  public_access_block_configuration {\n    block_public_policy = false\n  }\n'),
      errors: [{ line: 5, column: 27, message: /block_public_policy is false/ }],
      output: tf('  public_access_block_configuration {\n    block_public_policy = true\n  }\n'),
    },
    {
      name: 'from a variable default',
      format: 'terraform',
      code: 'variable "open" {\n  default = false\n}\n\n' + tf('  public_access_block_configuration {\n    restrict_public_buckets = var.open\n  }\n'),
      errors: [{ line: 9, column: 31, relatedLines: [2] }],
    },
    {
      name: 'CloudFormation, two flags',
      format: 'cloudformation',
      code: cfn('      PublicAccessBlockConfiguration:\n        BlockPublicAcls: false\n        IgnorePublicAcls: false\n'),
      errors: [{ line: 7, column: 26, message: /BlockPublicAcls/ }, { line: 8, column: 27, message: /IgnorePublicAcls/ }],
      output: cfn('      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        IgnorePublicAcls: true\n'),
    },
  ],
});
