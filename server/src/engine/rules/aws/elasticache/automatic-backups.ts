import { replicationGroup } from '../../../model/aws/elasticache';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-elasticache-automatic-backups',
    provider: 'aws',
    service: 'elasticache',
    severity: 'medium',
    title: 'ElastiCache replication group has no automatic backups',
    explanation:
      'With a snapshot retention limit of 0 ElastiCache takes no daily snapshots, so data lost to a bad flush, a failed node or a deleted group cannot be restored. AWS runs the backups; turning them on is your setting.',
    resolution: 'Set snapshot_retention_limit (CloudFormation: SnapshotRetentionLimit) to 1 or more days.',
    links: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-1'],
    responsibility: { layer: 'backup-resilience', resourceTypes: ['aws_elasticache_replication_group', 'AWS::ElastiCache::ReplicationGroup'] },
    controls: ['aws-fsbp:ElastiCache.1'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  description          = "sessions"\n  node_type            = "cache.t4g.micro"\n}\n' }],
        good: [{ code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id     = "cache"\n  description              = "sessions"\n  node_type                = "cache.t4g.micro"\n  snapshot_retention_limit = 7\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: sessions\n      SnapshotRetentionLimit: 0\n' }],
        good: [{ code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: sessions\n      SnapshotRetentionLimit: 5\n' }],
      },
    },
  },
  kind: replicationGroup,
  field: 'snapshotRetention',
  insecure: (v) => v < 1,
  fix: 1,
  consequence: 'no automatic snapshots are taken',
});
