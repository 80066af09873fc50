import { ruleTester } from '../../../../helpers/rule-tester';

const repo = (extra: string) => `resource "aws_ecr_repository" "app" {\n  name = "app"\n${extra}}\n`;

ruleTester('aws-ecr-tag-immutability', {
  valid: [
    { format: 'terraform', code: repo('  image_tag_mutability = "IMMUTABLE"\n') },
    { format: 'terraform', code: repo('  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"\n') },
    { name: 'unknown', format: 'terraform', code: repo('  image_tag_mutability = var.m\n'), files: { 'v.tf': 'variable "m" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  App:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: IMMUTABLE\n' },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: repo(''), errors: [{ line: 1, column: 1, message: /image_tag_mutability is not set \(ECR creates repositories with mutable tags unless asked\)/ }], output: repo('  image_tag_mutability = "IMMUTABLE"\n') },
    { name: 'explicit MUTABLE', format: 'terraform', code: repo('  image_tag_mutability = "MUTABLE"\n'), errors: [{ line: 3, column: 26 }], output: repo('  image_tag_mutability = "IMMUTABLE"\n') },
    { name: 'mutable with exclusions', format: 'terraform', code: repo('  image_tag_mutability = "MUTABLE_WITH_EXCLUSION"\n'), errors: [{ line: 3 }] },
    {
      name: 'from a variable default',
      format: 'terraform',
      code: 'variable "m" {\n  default = "MUTABLE"\n}\n\n' + repo('  image_tag_mutability = var.m\n'),
      errors: [{ line: 7, column: 26, relatedLines: [2] }],
    },
    {
      name: 'CloudFormation omitted',
      format: 'cloudformation',
      code: 'Resources:\n  App:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: app\n',
      errors: [{ line: 2 }],
      output: 'Resources:\n  App:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: app\n      ImageTagMutability: IMMUTABLE\n',
    },
  ],
});
