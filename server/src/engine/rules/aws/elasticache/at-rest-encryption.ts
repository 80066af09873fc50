import { replicationGroup } from '../../../model/aws/elasticache';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-elasticache-at-rest-encryption',
    provider: 'aws',
    service: 'elasticache',
    severity: 'medium',
    title: 'ElastiCache replication group is not encrypted at rest',
    explanation:
      'Without at-rest encryption, cached data written to disk during syncs, swap and backups is stored unencrypted, and the setting cannot be changed after the group exists. ElastiCache implements the encryption; requesting it is your duty.',
    resolution: 'Set at_rest_encryption_enabled = true (CloudFormation: AtRestEncryptionEnabled: true); this replaces an existing group.',
    links: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-4'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_elasticache_replication_group', 'AWS::ElastiCache::ReplicationGroup'] },
    controls: ['aws-fsbp:ElastiCache.4'],
    equivalents: { checkov: ['CKV_AWS_29'], kics: ['76976de7-c7b1-4f64-a94f-90c1345914c2', 'e4ee3903-9225-4b6a-bdfb-e62dbadef821'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  description          = "sessions"\n  node_type            = "cache.t4g.micro"\n}\n' }],
        good: [{ code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  description                = "sessions"\n  node_type                  = "cache.t4g.micro"\n  at_rest_encryption_enabled = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: sessions\n      AtRestEncryptionEnabled: false\n' }],
        good: [{ code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: sessions\n      AtRestEncryptionEnabled: true\n' }],
      },
    },
  },
  kind: replicationGroup,
  field: 'atRestEncryption',
  insecure: (v) => v === false,
  // Members of a global datastore take the setting from the global group.
  skip: (r) => r.f.globalGroup.origin !== 'default',
  fix: true,
  consequence: 'cached data on disk and in backups is not encrypted',
});
