import { ruleTester } from '../../../../helpers/rule-tester';

const eks = (vpc: string) => `resource "aws_eks_cluster" "main" {\n  name     = "main"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids = ["subnet-1"]\n${vpc}  }\n}\n`;
const cfn = (vpc: string) => `Resources:\n  Main:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: arn:aws:iam::111122223333:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1]\n${vpc}`;

ruleTester('aws-eks-public-endpoint', {
  valid: [
    { name: 'private endpoint only', format: 'terraform', code: eks('    endpoint_public_access = false\n') },
    { name: 'restricted CIDRs', format: 'terraform', code: eks('    public_access_cidrs = ["203.0.113.0/24"]\n') },
    { name: 'unknown CIDRs', format: 'terraform', code: eks('    public_access_cidrs = var.cidrs\n'), files: { 'v.tf': 'variable "cidrs" {\n  type = list(string)\n}\n' } },
    { name: 'unknown public flag', format: 'terraform', code: eks('    endpoint_public_access = var.pub\n'), files: { 'v.tf': 'variable "pub" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('        EndpointPublicAccess: false\n') },
  ],
  invalid: [
    { name: 'omitted: public and open', format: 'terraform', code: eks(''), errors: [{ line: 1, column: 1, message: /not set \(public by default\) and public_access_cidrs is not set/ }], output: null },
    { name: 'explicit 0.0.0.0/0', format: 'terraform', code: eks('    public_access_cidrs = ["10.0.0.0/8", "0.0.0.0/0"]\n'), errors: [{ line: 7, column: 42, message: /contains 0\.0\.0\.0\/0/ }] },
    {
      name: 'CIDR from a variable default',
      format: 'terraform',
      code: 'variable "cidrs" {\n  default = ["0.0.0.0/0"]\n}\n\n' + eks('    public_access_cidrs = var.cidrs\n'),
      errors: [{ line: 11, column: 27, relatedLines: [2] }],
    },
    { name: 'explicit true, no CIDRs', format: 'terraform', code: eks('    endpoint_public_access = true\n'), errors: [{ line: 7, column: 30, message: /endpoint_public_access is true/ }] },
    { format: 'cloudformation', code: cfn('        EndpointPublicAccess: true\n        PublicAccessCidrs: ["0.0.0.0/0"]\n'), errors: [{ line: 9, column: 29 }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }] },
  ],
});
