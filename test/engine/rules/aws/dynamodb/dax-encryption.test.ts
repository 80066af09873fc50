import { ruleTester } from '../../../../helpers/rule-tester';

const dax = (extra: string) => `resource "aws_dax_cluster" "c" {\n  cluster_name = "c"\n  node_type    = "dax.r5.large"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  C:\n    Type: AWS::DAX::Cluster\n    Properties:\n      NodeType: dax.r5.large\n${extra}`;

ruleTester('aws-dynamodb-dax-encryption', {
  valid: [
    { format: 'terraform', code: dax('  server_side_encryption {\n    enabled = true\n  }\n') },
    { name: 'unknown', format: 'terraform', code: dax('  server_side_encryption {\n    enabled = var.e\n  }\n'), files: { 'v.tf': 'variable "e" {}\n' } },
    { format: 'cloudformation', code: cfn('      SSESpecification:\n        SSEEnabled: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: dax(''), errors: [{ line: 1 }], output: dax('  server_side_encryption {\n    enabled = true\n  }\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "e" {\n  default = false\n}\n\n' + dax('  server_side_encryption {\n    enabled = var.e\n  }\n'), errors: [{ line: 9, column: 15, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      SSESpecification:\n        SSEEnabled: false\n'), errors: [{ line: 7, column: 21 }], output: cfn('      SSESpecification:\n        SSEEnabled: true\n') },
  ],
});
