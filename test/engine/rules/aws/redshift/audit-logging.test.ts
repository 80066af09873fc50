import { ruleTester } from '../../../../helpers/rule-tester';

const cluster = (extra = '') => `resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n${extra}}\n`;
const companion = (target: string) => `\nresource "aws_redshift_logging" "dw" {\n  cluster_identifier   = ${target}\n  log_destination_type = "cloudwatch"\n  log_exports          = ["connectionlog", "userlog"]\n}\n`;
const cfn = (extra = '') => `Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n${extra}`;

ruleTester('aws-redshift-audit-logging', {
  valid: [
    { name: 'aws_redshift_logging by reference', format: 'terraform', code: cluster() + companion('aws_redshift_cluster.dw.id') },
    { name: 'aws_redshift_logging by identifier', format: 'terraform', code: cluster() + companion('"dw"') },
    { name: 'deprecated inline logging block', format: 'terraform', code: cluster('\n  logging {\n    enable               = true\n    log_destination_type = "cloudwatch"\n    log_exports          = ["connectionlog"]\n  }\n') },
    { name: 'inline enable unknown', format: 'terraform', code: cluster('\n  logging {\n    enable = var.audit\n  }\n'), files: { 'v.tf': 'variable "audit" {\n  type = bool\n}\n' } },
    {
      name: 'a cluster whose own identifier is not known might be the one a literal identifier means',
      format: 'terraform',
      code: cluster().replace('cluster_identifier = "dw"', 'cluster_identifier = var.id') + companion('"other"'),
      files: { 'v.tf': 'variable "id" {}\n' },
    },
    { name: 'a logging resource whose target is not visible might be this cluster\'s', format: 'terraform', code: cluster() + companion('var.cluster'), files: { 'v.tf': 'variable "cluster" {}\n' } },
    { format: 'cloudformation', code: cfn('      LoggingProperties:\n        BucketName: acme-audit\n') },
    { format: 'cloudformation', code: cfn('      LoggingProperties:\n        LogDestinationType: cloudwatch\n        LogExports:\n          - connectionlog\n') },
    { name: 'CloudFormation parameter without default', format: 'cloudformation', code: 'Parameters:\n  Bucket:\n    Type: String\n' + cfn('      LoggingProperties:\n        BucketName: !Ref Bucket\n') },
  ],
  invalid: [
    {
      name: 'omitted: companion added',
      format: 'terraform',
      code: cluster(),
      errors: [{ line: 1, column: 1, message: /No aws_redshift_logging targets this cluster/, severity: 'medium' }],
      output: cluster() + companion('aws_redshift_cluster.dw.id'),
    },
    { name: 'inline enable = false', format: 'terraform', code: cluster('\n  logging {\n    enable = false\n  }\n'), errors: [{ line: 6, column: 14, message: /logging.enable is false/ }], output: null },
    { name: 'the logging resource is for another cluster', format: 'terraform', code: cluster() + companion('"other"'), errors: [{ line: 1 }] },
    {
      name: 'the logging resource refers to the other cluster',
      format: 'terraform',
      code: cluster() + '\nresource "aws_redshift_cluster" "other" {\n  cluster_identifier = "other"\n  node_type          = "ra3.xlplus"\n}\n' + companion('aws_redshift_cluster.other.id'),
      errors: [{ line: 1 }],
    },
    {
      name: 'CloudFormation omitted: CloudWatch Logs destination',
      format: 'cloudformation',
      code: cfn(),
      errors: [{ line: 2, column: 3, message: /LoggingProperties is not set/ }],
      output: cfn('      LoggingProperties:\n        LogDestinationType: cloudwatch\n        LogExports:\n          - connectionlog\n          - userlog\n'),
    },
    { name: 'CloudFormation empty LoggingProperties', format: 'cloudformation', code: cfn('      LoggingProperties:\n        S3KeyPrefix: audit/\n'), errors: [{ line: 7, column: 9, message: /neither a BucketName nor a LogDestinationType/ }], output: null },
  ],
});
