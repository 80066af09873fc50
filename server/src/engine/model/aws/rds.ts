import { defineKind } from '../kind';

export const dbInstance = defineKind({
  kind: 'aws.rds.instance',
  terraform: ['aws_db_instance'],
  cloudformation: ['AWS::RDS::DBInstance'],
  fields: {
    storageEncrypted: {
      type: 'bool',
      terraform: ['storage_encrypted'],
      cloudformation: ['StorageEncrypted'],
      default: { value: false, reason: 'RDS creates unencrypted storage unless asked' },
      doc: 'Encrypts the DB storage, automated backups, read replicas and snapshots with KMS.',
    },
    publiclyAccessible: {
      type: 'bool',
      terraform: ['publicly_accessible'],
      cloudformation: ['PubliclyAccessible'],
      defaults: {
        terraform: { value: false, reason: 'Terraform provider default' },
        // CloudFormation: the default depends on the subnet group; the rule accounts for that.
        cloudformation: { value: false, reason: 'private when the instance has a DB subnet group' },
      },
      doc: 'Whether the instance gets a DNS name that resolves to a public IP address.',
    },
    engine: { type: 'string', terraform: ['engine'], cloudformation: ['Engine'] },
    clusterId: { type: 'string', terraform: ['cluster_identifier'], cloudformation: ['DBClusterIdentifier'] },
    replicateSource: { type: 'string', terraform: ['replicate_source_db'], cloudformation: ['SourceDBInstanceIdentifier'] },
    snapshotId: { type: 'string', terraform: ['snapshot_identifier'], cloudformation: ['DBSnapshotIdentifier'] },
    subnetGroup: { type: 'string', terraform: ['db_subnet_group_name'], cloudformation: ['DBSubnetGroupName'] },
    kmsKeyId: { type: 'string', terraform: ['kms_key_id'], cloudformation: ['KmsKeyId'] },
  },
});

export const dbCluster = defineKind({
  kind: 'aws.rds.cluster',
  terraform: ['aws_rds_cluster'],
  cloudformation: ['AWS::RDS::DBCluster'],
  fields: {
    storageEncrypted: {
      type: 'bool',
      terraform: ['storage_encrypted'],
      cloudformation: ['StorageEncrypted'],
      default: { value: false, reason: 'Aurora creates unencrypted clusters unless asked (serverless v1 always encrypts)' },
    },
    engineMode: { type: 'string', terraform: ['engine_mode'], cloudformation: ['EngineMode'] },
    snapshotId: { type: 'string', terraform: ['snapshot_identifier'], cloudformation: ['SnapshotIdentifier'] },
    replicationSource: { type: 'string', terraform: ['replication_source_identifier'], cloudformation: ['ReplicationSourceIdentifier'] },
    kmsKeyId: { type: 'string', terraform: ['kms_key_id'], cloudformation: ['KmsKeyId'] },
  },
});
