import { ruleTester } from '../../../../helpers/rule-tester';

const dax = (extra: string) => `resource "aws_dax_cluster" "c" {\n  cluster_name = "c"\n  node_type    = "dax.r5.large"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  C:\n    Type: AWS::DAX::Cluster\n    Properties:\n      NodeType: dax.r5.large\n${extra}`;

ruleTester('aws-dynamodb-dax-tls', {
  valid: [
    { format: 'terraform', code: dax('  cluster_endpoint_encryption_type = "TLS"\n') },
    { name: 'unknown', format: 'terraform', code: dax('  cluster_endpoint_encryption_type = var.t\n'), files: { 'v.tf': 'variable "t" {}\n' } },
    { format: 'cloudformation', code: cfn('      ClusterEndpointEncryptionType: TLS\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: dax(''), errors: [{ line: 1, message: /not set/ }], output: dax('  cluster_endpoint_encryption_type = "TLS"\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "t" {\n  default = "NONE"\n}\n\n' + dax('  cluster_endpoint_encryption_type = var.t\n'), errors: [{ line: 8, column: 38, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      ClusterEndpointEncryptionType: NONE\n'), errors: [{ line: 6, column: 38 }], output: cfn('      ClusterEndpointEncryptionType: TLS\n') },
  ],
});
