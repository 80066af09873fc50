import { ruleTester } from '../../../../helpers/rule-tester';

const eks = (extra: string) => `resource "aws_eks_cluster" "main" {\n  name     = "main"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n${extra}\n  vpc_config {\n    subnet_ids = ["subnet-1"]\n  }\n}\n`;
const cfn = (extra: string) => `Resources:\n  Main:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: arn:aws:iam::111122223333:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1]\n${extra}`;

ruleTester('aws-eks-audit-logging', {
  valid: [
    { format: 'terraform', code: eks('  enabled_cluster_log_types = ["api", "audit"]\n') },
    { name: 'unknown', format: 'terraform', code: eks('  enabled_cluster_log_types = var.logs\n'), files: { 'v.tf': 'variable "logs" {\n  type = list(string)\n}\n' } },
    { format: 'cloudformation', code: cfn('      Logging:\n        ClusterLogging:\n          EnabledTypes:\n            - Type: api\n            - Type: audit\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: eks(''), errors: [{ line: 1, column: 1, message: /enabled_cluster_log_types is not set/ }], output: 'resource "aws_eks_cluster" "main" {\n  name     = "main"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids = ["subnet-1"]\n  }\n  enabled_cluster_log_types = ["audit"]\n}\n' },
    {
      name: 'audit missing',
      format: 'terraform',
      code: eks('  enabled_cluster_log_types = ["api"]\n'),
      errors: [{ line: 4, column: 31, message: /does not include "audit"/ }],
      output: eks('  enabled_cluster_log_types = ["api", "audit"]\n'),
    },
    { name: 'from a variable default: no fix', format: 'terraform', code: 'variable "logs" {\n  default = ["api"]\n}\n\n' + eks('  enabled_cluster_log_types = var.logs\n'), errors: [{ line: 8, column: 31, relatedLines: [2] }], output: null },
    {
      name: 'CloudFormation omitted',
      format: 'cloudformation',
      code: cfn(''),
      errors: [{ line: 2 }],
      output: cfn('      Logging:\n        ClusterLogging:\n          EnabledTypes:\n            - Type: audit\n'),
    },
  ],
});
