import { ruleTester } from '../../../../helpers/rule-tester';

const eks = (extra: string) => `resource "aws_eks_cluster" "main" {\n  name     = "main"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids = ["subnet-1"]\n  }\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Main:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: arn:aws:iam::111122223333:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1]\n${extra}`;

ruleTester('aws-eks-secrets-encryption', {
  valid: [
    { format: 'terraform', code: eks('  encryption_config {\n    resources = ["secrets"]\n    provider {\n      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/k"\n    }\n  }\n') },
    { name: 'unknown resources', format: 'terraform', code: eks('  encryption_config {\n    resources = var.res\n    provider {\n      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/k"\n    }\n  }\n'), files: { 'v.tf': 'variable "res" {\n  type = list(string)\n}\n' } },
    { format: 'cloudformation', code: cfn('      EncryptionConfig:\n        - Resources: [secrets]\n          Provider:\n            KeyArn: arn:aws:kms:eu-west-1:111122223333:key/k\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: eks(''), errors: [{ line: 1, column: 1, message: /encryption_config is not set/ }], output: null },
    {
      name: 'from a variable default without secrets',
      format: 'terraform',
      code: 'variable "res" {\n  default = []\n}\n\n' + eks('  encryption_config {\n    resources = var.res\n    provider {\n      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/k"\n    }\n  }\n'),
      errors: [{ line: 12, column: 3, message: /does not list "secrets"/ }],
    },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }] },
  ],
});
