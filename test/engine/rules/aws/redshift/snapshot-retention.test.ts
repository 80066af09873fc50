import { ruleTester } from '../../../../helpers/rule-tester';

const dw = (extra: string) => `resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n${extra}`;

ruleTester('aws-redshift-snapshot-retention', {
  valid: [
    { format: 'terraform', code: dw('  automated_snapshot_retention_period = 7\n') },
    { format: 'terraform', code: dw('  automated_snapshot_retention_period = 35\n') },
    { name: 'unknown', format: 'terraform', code: dw('  automated_snapshot_retention_period = var.days\n'), files: { 'v.tf': 'variable "days" {\n  type = number\n}\n' } },
    { format: 'cloudformation', code: cfn('      AutomatedSnapshotRetentionPeriod: 14\n') },
  ],
  invalid: [
    { name: 'omitted: one day', format: 'terraform', code: dw(''), errors: [{ line: 1, column: 1, message: /automated_snapshot_retention_period is not set.*: there are fewer than 7 days of automated snapshots/ }], output: dw('  automated_snapshot_retention_period = 7\n') },
    { name: 'turned off', format: 'terraform', code: dw('  automated_snapshot_retention_period = 0\n'), errors: [{ line: 4, column: 41, message: /is 0: automated snapshots are off/ }], output: dw('  automated_snapshot_retention_period = 7\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "days" {\n  default = 3\n}\n\n' + dw('  automated_snapshot_retention_period = var.days\n'), errors: [{ line: 8, column: 41, relatedLines: [2], message: /is 3: there are fewer than 7 days/ }] },
    { format: 'cloudformation', code: cfn('      AutomatedSnapshotRetentionPeriod: 1\n'), errors: [{ line: 6, column: 41 }], output: cfn('      AutomatedSnapshotRetentionPeriod: 7\n') },
  ],
});
