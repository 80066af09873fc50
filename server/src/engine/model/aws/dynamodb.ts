// DynamoDB tables. Global tables (AWS::DynamoDB::GlobalTable) configure these settings per replica and are not modelled here.
import { defineKind } from '../kind';

export const table = defineKind({
  kind: 'aws.dynamodb.table',
  terraform: ['aws_dynamodb_table'],
  cloudformation: ['AWS::DynamoDB::Table'],
  fields: {
    pitr: {
      type: 'bool',
      terraform: ['point_in_time_recovery', 'enabled'],
      cloudformation: ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'],
      default: { value: false, reason: 'DynamoDB keeps no continuous backups unless asked' },
      doc: 'Continuous backups that let the table be restored to any second of the recovery window.',
    },
    deletionProtection: {
      type: 'bool',
      terraform: ['deletion_protection_enabled'],
      cloudformation: ['DeletionProtectionEnabled'],
      default: { value: false, reason: 'DynamoDB lets a table be deleted unless protection is turned on' },
      doc: 'Blocks deleting the table until protection is turned off again.',
    },
    sseEnabled: {
      type: 'bool',
      terraform: ['server_side_encryption', 'enabled'],
      cloudformation: ['SSESpecification', 'SSEEnabled'],
      default: { value: false, reason: 'DynamoDB encrypts with an AWS owned key unless KMS encryption is asked for' },
      doc: 'true: encrypt with a KMS key (the AWS managed aws/dynamodb key unless a key is given); false: an AWS owned key.',
    },
    kmsKeyArn: { type: 'string', terraform: ['server_side_encryption', 'kms_key_arn'], cloudformation: ['SSESpecification', 'KMSMasterKeyId'] },
  },
});

export const daxCluster = defineKind({
  kind: 'aws.dynamodb.dax-cluster',
  terraform: ['aws_dax_cluster'],
  cloudformation: ['AWS::DAX::Cluster'],
  fields: {
    sseEnabled: {
      type: 'bool',
      terraform: ['server_side_encryption', 'enabled'],
      cloudformation: ['SSESpecification', 'SSEEnabled'],
      default: { value: false, reason: 'DAX leaves cached data on its nodes unencrypted unless asked' },
      doc: 'Encrypts the cache, configuration and logs on the cluster nodes.',
    },
    endpointEncryption: {
      type: 'string',
      terraform: ['cluster_endpoint_encryption_type'],
      cloudformation: ['ClusterEndpointEncryptionType'],
      default: { value: 'NONE', reason: 'DAX serves clients in plain text unless TLS is chosen at creation' },
      doc: 'TLS: clients must connect over TLS; NONE: unencrypted connections.',
    },
  },
});
