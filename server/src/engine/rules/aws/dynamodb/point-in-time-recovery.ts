import { table } from '../../../model/aws/dynamodb';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-dynamodb-point-in-time-recovery',
    provider: 'aws',
    service: 'dynamodb',
    severity: 'medium',
    title: 'DynamoDB table has no point-in-time recovery',
    explanation:
      'DynamoDB replicates table data across zones, but it does not protect you from your own writes: a buggy deployment, a bad script or an intruder that overwrites or deletes items can only be undone with continuous backups. Turning them on is your duty.',
    resolution: 'Add point_in_time_recovery { enabled = true } (CloudFormation: PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true).',
    links: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-2'],
    responsibility: { layer: 'backup-resilience', resourceTypes: ['aws_dynamodb_table', 'AWS::DynamoDB::Table'] },
    controls: ['aws-fsbp:DynamoDB.2'],
    equivalents: { checkov: ['CKV_AWS_28'], trivy: ['AVD-AWS-0024', 'aws-dynamodb-enable-recovery'], kics: ['741f1291-47ac-4a85-a07b-3d32a9d6bd3e', '0f04217d-488f-4e7a-bec8-f16159686cd6'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n' }],
        good: [{ code: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      KeySchema:\n        - AttributeName: id\n          KeyType: HASH\n      AttributeDefinitions:\n        - AttributeName: id\n          AttributeType: S\n' }],
        good: [{ code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      KeySchema:\n        - AttributeName: id\n          KeyType: HASH\n      AttributeDefinitions:\n        - AttributeName: id\n          AttributeType: S\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n' }],
      },
    },
  },
  kind: table,
  field: 'pitr',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'overwritten or deleted items cannot be restored',
});
