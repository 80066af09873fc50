import { ruleTester } from '../../../../helpers/rule-tester';

const rg = (extra: string) => `resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  description          = "sessions"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: sessions\n${extra}`;

ruleTester('aws-elasticache-automatic-backups', {
  valid: [
    { format: 'terraform', code: rg('  snapshot_retention_limit = 7\n') },
    { name: 'unknown', format: 'terraform', code: rg('  snapshot_retention_limit = var.days\n'), files: { 'v.tf': 'variable "days" {\n  type = number\n}\n' } },
    { format: 'cloudformation', code: cfn('      SnapshotRetentionLimit: 3\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: rg(''), errors: [{ line: 1, column: 1, message: /snapshot_retention_limit is not set/ }], output: rg('  snapshot_retention_limit = 1\n') },
    { format: 'terraform', code: rg('  snapshot_retention_limit = 0\n'), errors: [{ line: 4, column: 30 }], output: rg('  snapshot_retention_limit = 1\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "days" {\n  default = 0\n}\n\n' + rg('  snapshot_retention_limit = var.days\n'), errors: [{ line: 8, column: 30, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }], output: cfn('      SnapshotRetentionLimit: 1\n') },
  ],
});
