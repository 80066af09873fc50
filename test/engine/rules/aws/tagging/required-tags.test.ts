import { emptyProjectConfig } from '../../../../../server/src/engine/config';
import { ruleTester } from '../../../../helpers/rule-tester';

const config = { ...emptyProjectConfig('/'), requiredTags: [{ key: 'Owner' }, { key: 'Env', values: ['dev', 'prod'], resourceTypes: ['aws_s3_bucket', 'AWS::S3::Bucket'] }] };
const bucket = (tags: string) => `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n${tags}}\n`;

ruleTester('aws-tagging-required-tags', {
  valid: [
    { name: 'no requiredTags configured: silent', format: 'terraform', code: bucket('') },
    { format: 'terraform', config, code: bucket('  tags = {\n    Owner = "platform"\n    Env   = "dev"\n  }\n') },
    { name: 'provider default_tags count', format: 'terraform', config, code: 'provider "aws" {\n  default_tags {\n    tags = { Owner = "platform", Env = "prod" }\n  }\n}\n\n' + bucket('') },
    { name: 'unknown tags', format: 'terraform', config, code: bucket('  tags = var.tags\n'), files: { 'v.tf': 'variable "tags" {}\n' } },
    { name: 'an inline policy cannot carry tags', format: 'terraform', config, code: 'resource "aws_iam_role_policy" "p" {\n  role   = "r"\n  policy = "{}"\n}\n' },
    { format: 'cloudformation', config, code: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: Owner\n          Value: platform\n        - Key: Env\n          Value: prod\n' },
  ],
  invalid: [
    {
      name: 'no tags at all',
      format: 'terraform',
      config,
      code: bucket(''),
      errors: [{ line: 1, message: /Missing required tags "Owner", "Env"/ }],
      output: bucket('  tags = {\n    Owner = "owner-value"\n    Env = "dev"\n  }\n'),
    },
    {
      name: 'a missing key added to the existing map',
      format: 'terraform',
      config,
      code: bucket('  tags = {\n    Env = "dev"\n  }\n'),
      errors: [{ line: 3, column: 10, message: /"Owner"/ }],
      output: bucket('  tags = {\n    Env = "dev"\n    Owner = "owner-value"\n  }\n'),
    },
    { name: 'wrong value', format: 'terraform', config, code: bucket('  tags = {\n    Owner = "platform"\n    Env   = "test"\n  }\n'), errors: [{ line: 3, column: 10, message: /"test", not one of "dev", "prod"/ }] },
    {
      name: 'CloudFormation without Tags',
      format: 'cloudformation',
      config: { ...config, requiredTags: [{ key: 'Owner' }] },
      code: 'Resources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 1\n      Encrypted: true\n',
      errors: [{ line: 2, message: /"Owner"/ }],
      output: 'Resources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 1\n      Encrypted: true\n      Tags:\n        - Key: Owner\n          Value: "owner-value"\n',
    },
  ],
});
