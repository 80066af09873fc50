import { table } from '../../../model/aws/dynamodb';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-dynamodb-deletion-protection',
    provider: 'aws',
    service: 'dynamodb',
    severity: 'low',
    title: 'DynamoDB table has no deletion protection',
    explanation:
      'Without deletion protection a single DeleteTable call or a destroy run removes the table and, unless backups exist elsewhere, its data. DynamoDB offers the guard; using it on tables that matter is your decision.',
    resolution: 'Set deletion_protection_enabled = true (CloudFormation: DeletionProtectionEnabled: true).',
    links: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection', 'https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-6'],
    responsibility: { layer: 'backup-resilience', resourceTypes: ['aws_dynamodb_table', 'AWS::DynamoDB::Table'] },
    controls: ['aws-fsbp:DynamoDB.6'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n' }],
        good: [{ code: 'resource "aws_dynamodb_table" "orders" {\n  name                        = "orders"\n  billing_mode                = "PAY_PER_REQUEST"\n  hash_key                    = "id"\n  deletion_protection_enabled = true\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      KeySchema:\n        - AttributeName: id\n          KeyType: HASH\n      AttributeDefinitions:\n        - AttributeName: id\n          AttributeType: S\n      DeletionProtectionEnabled: false\n' }],
        good: [{ code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      KeySchema:\n        - AttributeName: id\n          KeyType: HASH\n      AttributeDefinitions:\n        - AttributeName: id\n          AttributeType: S\n      DeletionProtectionEnabled: true\n' }],
      },
    },
  },
  kind: table,
  field: 'deletionProtection',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'the table and its data can be deleted by a single call or a destroy run',
});
