import { daxCluster } from '../../../model/aws/dynamodb';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-dynamodb-dax-tls',
    provider: 'aws',
    service: 'dynamodb',
    severity: 'medium',
    title: 'DAX cluster endpoint does not require TLS',
    explanation:
      'Without endpoint encryption, table items and queries travel between your applications and the DAX cluster in plain text inside the VPC. DAX supports TLS, but only if you choose it when the cluster is created.',
    resolution: 'Set cluster_endpoint_encryption_type = "TLS" (CloudFormation: ClusterEndpointEncryptionType: TLS) and use a DAX client that connects with daxs://. The cluster is replaced.',
    links: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionInTransit.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-7'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_dax_cluster', 'AWS::DAX::Cluster'] },
    controls: ['aws-fsbp:DynamoDB.7'],
    equivalents: { checkov: ['CKV_AWS_239'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_dax_cluster" "cache" {\n  cluster_name       = "cache"\n  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"\n  node_type          = "dax.r5.large"\n  replication_factor = 3\n}\n' }],
        good: [{ code: 'resource "aws_dax_cluster" "cache" {\n  cluster_name                     = "cache"\n  iam_role_arn                     = "arn:aws:iam::111122223333:role/dax"\n  node_type                        = "dax.r5.large"\n  replication_factor               = 3\n  cluster_endpoint_encryption_type = "TLS"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Cache:\n    Type: AWS::DAX::Cluster\n    Properties:\n      IAMRoleARN: arn:aws:iam::111122223333:role/dax\n      NodeType: dax.r5.large\n      ReplicationFactor: 3\n      ClusterEndpointEncryptionType: NONE\n' }],
        good: [{ code: 'Resources:\n  Cache:\n    Type: AWS::DAX::Cluster\n    Properties:\n      IAMRoleARN: arn:aws:iam::111122223333:role/dax\n      NodeType: dax.r5.large\n      ReplicationFactor: 3\n      ClusterEndpointEncryptionType: TLS\n' }],
      },
    },
  },
  kind: daxCluster,
  field: 'endpointEncryption',
  insecure: (v) => v === 'NONE',
  fix: 'TLS',
  consequence: 'clients talk to the cache in plain text',
});
