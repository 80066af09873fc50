import { ruleTester } from '../../../../helpers/rule-tester';

const group = (value: string) => `resource "aws_redshift_parameter_group" "dw" {\n  name   = "dw"\n  family = "redshift-1.0"\n\n  parameter {\n    name  = "enable_user_activity_logging"\n    value = "true"\n  }\n\n  parameter {\n    name  = "require_ssl"\n    value = ${value}\n  }\n}\n`;
const cfn = (value: string) =>
  `Resources:\n  DwParams:\n    Type: AWS::Redshift::ClusterParameterGroup\n    Properties:\n      Description: dw\n      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: ${value}\n`;

ruleTester('aws-redshift-require-ssl', {
  valid: [
    { format: 'terraform', code: group('"true"') },
    { name: 'unknown variable', format: 'terraform', code: group('var.ssl'), files: { 'v.tf': 'variable "ssl" {\n  type = string\n}\n' } },
    // What the default or family-level value is depends on the family and the cluster's creation date: not reported.
    { name: 'require_ssl left out', format: 'terraform', code: 'resource "aws_redshift_parameter_group" "dw" {\n  name   = "dw"\n  family = "redshift-1.0"\n}\n' },
    { name: 'cluster on the default parameter group', format: 'terraform', code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n}\n' },
    { format: 'cloudformation', code: cfn('"true"') },
    { name: 'CloudFormation parameter without default', format: 'cloudformation', code: 'Parameters:\n  Ssl:\n    Type: String\n' + cfn('!Ref Ssl') },
  ],
  invalid: [
    { name: 'explicit false', format: 'terraform', code: group('"false"'), errors: [{ line: 12, column: 13, message: /require_ssl is "false"/, severity: 'medium' }], output: group('"true"') },
    { name: 'false from a variable default', format: 'terraform', code: 'variable "ssl" {\n  default = "false"\n}\n\n' + group('var.ssl'), errors: [{ line: 16, column: 13, relatedLines: [2] }] },
    { name: 'CloudFormation', format: 'cloudformation', code: cfn('"false"'), errors: [{ line: 9, column: 27 }], output: cfn('"true"') },
    { name: 'CloudFormation unquoted boolean', format: 'cloudformation', code: cfn('false'), errors: [{ line: 9, column: 27 }] },
  ],
});
