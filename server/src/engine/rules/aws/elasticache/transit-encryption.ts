import { replicationGroup } from '../../../model/aws/elasticache';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-elasticache-transit-encryption',
    provider: 'aws',
    service: 'elasticache',
    severity: 'medium',
    title: 'ElastiCache replication group does not use TLS',
    explanation:
      'Without in-transit encryption, commands, cached values and any AUTH token cross the network in clear text between clients and nodes and between replicas. ElastiCache offers TLS; enabling it and making clients use it is your duty.',
    resolution: 'Set transit_encryption_enabled = true (CloudFormation: TransitEncryptionEnabled: true) and connect with TLS-capable clients.',
    links: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-5'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_elasticache_replication_group', 'AWS::ElastiCache::ReplicationGroup'] },
    controls: ['aws-fsbp:ElastiCache.5'],
    equivalents: { checkov: ['CKV_AWS_30'], trivy: ['AVD-AWS-0051', 'aws-elasticache-enable-in-transit-encryption'], kics: ['1afbb3fa-cf6c-4a3d-b730-95e9f4df343e', '3b02569b-fc6f-4153-b3a3-ba91022fed68'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  description          = "sessions"\n  node_type            = "cache.t4g.micro"\n}\n' }],
        good: [{ code: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "cache"\n  description                = "sessions"\n  node_type                  = "cache.t4g.micro"\n  transit_encryption_enabled = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: sessions\n' }],
        good: [{ code: 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: sessions\n      TransitEncryptionEnabled: true\n' }],
      },
    },
  },
  kind: replicationGroup,
  field: 'transitEncryption',
  insecure: (v) => v === false,
  skip: (r) => r.f.globalGroup.origin !== 'default',
  fix: true,
  consequence: 'traffic to and between cache nodes is not encrypted',
});
