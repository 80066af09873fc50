import { ruleTester } from '../../../../helpers/rule-tester';

const dw = (extra: string) => `resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n${extra}`;

ruleTester('aws-redshift-enhanced-vpc-routing', {
  valid: [
    { format: 'terraform', code: dw('  enhanced_vpc_routing = true\n') },
    { name: 'unknown', format: 'terraform', code: dw('  enhanced_vpc_routing = var.evr\n'), files: { 'v.tf': 'variable "evr" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('      EnhancedVpcRouting: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: dw(''), errors: [{ line: 1, column: 1, message: /enhanced_vpc_routing is not set \(Redshift routes COPY and UNLOAD traffic through the internet unless enhanced VPC routing is on\)/ }], output: dw('  enhanced_vpc_routing = true\n') },
    { format: 'terraform', code: dw('  enhanced_vpc_routing = false\n'), errors: [{ line: 4, column: 26 }], output: dw('  enhanced_vpc_routing = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "evr" {\n  default = false\n}\n\n' + dw('  enhanced_vpc_routing = var.evr\n'), errors: [{ line: 8, column: 26, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }], output: cfn('      EnhancedVpcRouting: true\n') },
  ],
});
