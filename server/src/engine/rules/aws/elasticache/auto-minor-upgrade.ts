import { replicationGroup } from '../../../model/aws/elasticache';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-elasticache-auto-minor-upgrade',
    provider: 'aws',
    service: 'elasticache',
    severity: 'medium',
    title: 'ElastiCache automatic minor version upgrades are turned off',
    explanation:
      'Minor engine versions carry security and bug fixes; with automatic upgrades off the cluster keeps running a vulnerable version until someone upgrades it by hand. AWS publishes and applies the updates; letting them apply is your setting.',
    resolution: 'Remove auto_minor_version_upgrade = false or set it to true (CloudFormation: AutoMinorVersionUpgrade: true) and pick a maintenance window that suits you.',
    links: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-2'],
    responsibility: { layer: 'runtime-platform', resourceTypes: ['aws_elasticache_replication_group', 'AWS::ElastiCache::ReplicationGroup'] },
    controls: ['aws-fsbp:ElastiCache.2'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  description                = "sessions"\n  auto_minor_version_upgrade = false\n}\n' }],
        good: [{ code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  description          = "sessions"\n}\n', note: 'omitted: upgrades apply automatically' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: sessions\n      AutoMinorVersionUpgrade: false\n' }],
        good: [{ code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: sessions\n      AutoMinorVersionUpgrade: true\n' }],
      },
    },
  },
  kind: replicationGroup,
  field: 'autoMinorUpgrade',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'security fixes in new minor engine versions are not applied',
});
