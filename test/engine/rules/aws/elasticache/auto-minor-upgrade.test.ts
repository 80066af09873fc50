import { ruleTester } from '../../../../helpers/rule-tester';

const rg = (extra: string) => `resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  description          = "sessions"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: sessions\n${extra}`;

ruleTester('aws-elasticache-auto-minor-upgrade', {
  valid: [
    { name: 'omitted', format: 'terraform', code: rg('') },
    { format: 'terraform', code: rg('  auto_minor_version_upgrade = true\n') },
    { name: 'unknown', format: 'terraform', code: rg('  auto_minor_version_upgrade = var.up\n'), files: { 'v.tf': 'variable "up" {\n  type = bool\n}\n' } },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn('') },
  ],
  invalid: [
    { format: 'terraform', code: rg('  auto_minor_version_upgrade = false\n'), errors: [{ line: 4, column: 32, message: /auto_minor_version_upgrade is false/ }], output: rg('  auto_minor_version_upgrade = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "up" {\n  default = false\n}\n\n' + rg('  auto_minor_version_upgrade = var.up\n'), errors: [{ line: 8, column: 32, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      AutoMinorVersionUpgrade: false\n'), errors: [{ line: 6, column: 32 }], output: cfn('      AutoMinorVersionUpgrade: true\n') },
  ],
});
