import type { table } from '../../../model/aws/dynamodb';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Table = KindResource<typeof table.fields>;

export default defineRule({
  meta: {
    id: 'aws-dynamodb-customer-managed-key',
    provider: 'aws',
    service: 'dynamodb',
    severity: 'low',
    title: 'DynamoDB table is not encrypted with a customer managed KMS key',
    explanation:
      'DynamoDB always encrypts at rest, but with an AWS owned or AWS managed key you cannot restrict who may decrypt through a key policy, revoke access by disabling the key, or see every use of the key in your own CloudTrail. Choosing a key you control is your decision.',
    resolution: 'Add server_side_encryption { enabled = true, kms_key_arn = <key ARN> } (CloudFormation: SSESpecification with SSEEnabled: true, SSEType: KMS and KMSMasterKeyId).',
    links: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html', 'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-mgmt'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_dynamodb_table', 'AWS::DynamoDB::Table'] },
    controls: [],
    equivalents: { checkov: ['CKV_AWS_119'], trivy: ['AVD-AWS-0025', 'aws-dynamodb-table-customer-key'], kics: ['ce089fd4-1406-47bd-8aad-c259772bb294', '4bd21e68-38c1-4d58-acdc-6a14b203237f'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n', note: 'omitted: an AWS owned key' }],
        good: [{ code: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      KeySchema:\n        - AttributeName: id\n          KeyType: HASH\n      AttributeDefinitions:\n        - AttributeName: id\n          AttributeType: S\n      SSESpecification:\n        SSEEnabled: true\n', note: 'the AWS managed aws/dynamodb key' }],
        good: [{ code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      KeySchema:\n        - AttributeName: id\n          KeyType: HASH\n      AttributeDefinitions:\n        - AttributeName: id\n          AttributeType: S\n      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n        KMSMasterKeyId: alias/orders\n' }],
      },
    },
  },
  check(ctx) {
    for (const t of ctx.resources<Table>('aws.dynamodb.table')) {
      const on = t.f.sseEnabled;
      if (on.origin === 'unknown') continue;
      const tf = t.source.format === 'terraform';
      if (on.value === false) {
        const name = tf ? 'server_side_encryption.enabled' : 'SSESpecification.SSEEnabled';
        ctx.report({ resource: t, value: on, message: `${name} is ${on.origin === 'default' ? 'not set' : 'false'}: the table is encrypted with an AWS owned key you cannot control or audit` });
        continue;
      }
      // Any key reference, even one not statically known, is a key the customer chose.
      if (t.f.kmsKeyArn.origin !== 'default') continue;
      ctx.report({
        resource: t,
        value: on,
        message: `${tf ? 'kms_key_arn' : 'KMSMasterKeyId'} is not set: the table uses the AWS managed aws/dynamodb key, whose policy you cannot change`,
      });
    }
  },
});
