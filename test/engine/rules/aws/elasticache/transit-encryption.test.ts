import { ruleTester } from '../../../../helpers/rule-tester';

const rg = (extra: string) => `resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  description          = "sessions"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: sessions\n${extra}`;

ruleTester('aws-elasticache-transit-encryption', {
  valid: [
    { format: 'terraform', code: rg('  transit_encryption_enabled = true\n') },
    { name: 'unknown', format: 'terraform', code: rg('  transit_encryption_enabled = var.x\n'), files: { 'v.tf': 'variable "x" {\n  type = bool\n}\n' } },
    { name: 'member of a global datastore', format: 'terraform', code: rg('  global_replication_group_id = "ldgnf-global"\n') },
    { format: 'cloudformation', code: cfn('      TransitEncryptionEnabled: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: rg(''), errors: [{ line: 1, column: 1, message: /transit_encryption_enabled is not set/ }], output: rg('  transit_encryption_enabled = true\n') },
    { format: 'terraform', code: rg('  transit_encryption_enabled = false\n'), errors: [{ line: 4, column: 32 }], output: rg('  transit_encryption_enabled = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "x" {\n  default = false\n}\n\n' + rg('  transit_encryption_enabled = var.x\n'), errors: [{ line: 8, column: 32, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }], output: cfn('      TransitEncryptionEnabled: true\n') },
    { format: 'cloudformation', code: cfn('      TransitEncryptionEnabled: false\n'), errors: [{ line: 6, column: 33 }], output: cfn('      TransitEncryptionEnabled: true\n') },
  ],
});
