// ElastiCache (Redis OSS / Valkey) replication groups.
import { defineKind } from '../kind';

export const replicationGroup = defineKind({
  kind: 'aws.elasticache.replication-group',
  terraform: ['aws_elasticache_replication_group'],
  cloudformation: ['AWS::ElastiCache::ReplicationGroup'],
  fields: {
    atRestEncryption: {
      type: 'bool',
      terraform: ['at_rest_encryption_enabled'],
      cloudformation: ['AtRestEncryptionEnabled'],
      default: { value: false, reason: 'the ElastiCache API leaves at-rest encryption off unless asked' },
      doc: 'Encrypts data on disk, in swap and in backups; can only be chosen when the group is created.',
    },
    transitEncryption: {
      type: 'bool',
      terraform: ['transit_encryption_enabled'],
      cloudformation: ['TransitEncryptionEnabled'],
      default: { value: false, reason: 'the ElastiCache API leaves TLS off unless asked' },
      doc: 'TLS between clients and nodes and between nodes.',
    },
    snapshotRetention: {
      type: 'number',
      terraform: ['snapshot_retention_limit'],
      cloudformation: ['SnapshotRetentionLimit'],
      default: { value: 0, reason: 'ElastiCache takes no automatic backups unless a retention limit is set' },
      doc: 'Days automatic backups are kept; 0 turns them off.',
    },
    autoMinorUpgrade: {
      type: 'bool',
      terraform: ['auto_minor_version_upgrade'],
      cloudformation: ['AutoMinorVersionUpgrade'],
      default: { value: true, reason: 'ElastiCache applies minor engine upgrades automatically unless told not to' },
      doc: 'Whether ElastiCache applies new minor engine versions (with security fixes) in the maintenance window.',
    },
    engine: { type: 'string', terraform: ['engine'], cloudformation: ['Engine'], default: { value: 'redis', reason: 'default engine of replication groups' } },
    globalGroup: { type: 'string', terraform: ['global_replication_group_id'], cloudformation: ['GlobalReplicationGroupId'] },
  },
});
