import { daxCluster } from '../../../model/aws/dynamodb';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-dynamodb-dax-encryption',
    provider: 'aws',
    service: 'dynamodb',
    severity: 'medium',
    title: 'DAX cluster does not encrypt cached data at rest',
    explanation:
      'A DAX cluster holds copies of table items in its node caches, configuration and logs; unlike the table, it encrypts them only when asked at creation. Enabling it is your setting.',
    resolution: 'Add server_side_encryption { enabled = true } (CloudFormation: SSESpecification.SSEEnabled: true). The cluster is replaced.',
    links: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-3'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_dax_cluster', 'AWS::DAX::Cluster'] },
    controls: ['aws-fsbp:DynamoDB.3'],
    equivalents: { checkov: ['CKV_AWS_47'], trivy: ['AVD-AWS-0023', 'aws-dynamodb-enable-at-rest-encryption'], kics: ['f11aec39-858f-4b6f-b946-0a1bf46c0c87', 'e5849a68-bdbe-4b70-97c6-6901f39f8094'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_dax_cluster" "cache" {\n  cluster_name       = "cache"\n  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"\n  node_type          = "dax.r5.large"\n  replication_factor = 3\n}\n' }],
        good: [{ code: 'resource "aws_dax_cluster" "cache" {\n  cluster_name       = "cache"\n  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"\n  node_type          = "dax.r5.large"\n  replication_factor = 3\n\n  server_side_encryption {\n    enabled = true\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Cache:\n    Type: AWS::DAX::Cluster\n    Properties:\n      IAMRoleARN: arn:aws:iam::111122223333:role/dax\n      NodeType: dax.r5.large\n      ReplicationFactor: 3\n' }],
        good: [{ code: 'Resources:\n  Cache:\n    Type: AWS::DAX::Cluster\n    Properties:\n      IAMRoleARN: arn:aws:iam::111122223333:role/dax\n      NodeType: dax.r5.large\n      ReplicationFactor: 3\n      SSESpecification:\n        SSEEnabled: true\n' }],
      },
    },
  },
  kind: daxCluster,
  field: 'sseEnabled',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'cached table items are stored unencrypted on the cluster nodes',
});
