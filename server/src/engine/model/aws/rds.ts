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
    backupRetention: {
      type: 'number',
      terraform: ['backup_retention_period'],
      cloudformation: ['BackupRetentionPeriod'],
      default: { value: 1, reason: 'the RDS API keeps automated backups for 1 day unless told otherwise' },
      doc: 'Days RDS keeps automated backups and point-in-time restore; 0 turns automated backups off.',
    },
    deletionProtection: {
      type: 'bool',
      terraform: ['deletion_protection'],
      cloudformation: ['DeletionProtection'],
      default: { value: false, reason: 'RDS lets an instance be deleted unless protection is turned on' },
      doc: 'Blocks deleting the instance until protection is turned off again.',
    },
    iamAuth: {
      type: 'bool',
      terraform: ['iam_database_authentication_enabled'],
      cloudformation: ['EnableIAMDatabaseAuthentication'],
      default: { value: false, reason: 'RDS accepts database passwords only unless IAM authentication is turned on' },
      doc: 'Lets database users sign in with short-lived IAM authentication tokens instead of passwords.',
    },
    autoMinorUpgrade: {
      type: 'bool',
      terraform: ['auto_minor_version_upgrade'],
      cloudformation: ['AutoMinorVersionUpgrade'],
      default: { value: true, reason: 'RDS applies minor engine versions in the maintenance window by default' },
      doc: 'Whether RDS upgrades the engine to new minor versions (security patches) in the maintenance window.',
    },
    logExports: {
      type: 'strings',
      terraform: ['enabled_cloudwatch_logs_exports'],
      cloudformation: ['EnableCloudwatchLogsExports'],
      doc: 'Database log types RDS publishes to CloudWatch Logs.',
    },
    multiAz: {
      type: 'bool',
      terraform: ['multi_az'],
      cloudformation: ['MultiAZ'],
      default: { value: false, reason: 'RDS creates a single-AZ instance unless asked' },
      doc: 'Keeps a synchronous standby in another Availability Zone with automatic failover.',
    },
    copyTagsToSnapshot: {
      type: 'bool',
      terraform: ['copy_tags_to_snapshot'],
      cloudformation: ['CopyTagsToSnapshot'],
      default: { value: false, reason: 'RDS does not copy instance tags to snapshots unless asked' },
    },
    username: { type: 'string', terraform: ['username'], cloudformation: ['MasterUsername'] },
    monitoringInterval: {
      type: 'number',
      terraform: ['monitoring_interval'],
      cloudformation: ['MonitoringInterval'],
      default: { value: 0, reason: 'RDS collects no Enhanced Monitoring metrics unless an interval is set' },
      doc: 'Seconds between Enhanced Monitoring (OS-level) samples; 0 turns it off.',
    },
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
    engine: { type: 'string', terraform: ['engine'], cloudformation: ['Engine'] },
    backupRetention: {
      type: 'number',
      terraform: ['backup_retention_period'],
      cloudformation: ['BackupRetentionPeriod'],
      default: { value: 1, reason: 'the RDS API keeps cluster backups for 1 day unless told otherwise' },
    },
    deletionProtection: {
      type: 'bool',
      terraform: ['deletion_protection'],
      cloudformation: ['DeletionProtection'],
      default: { value: false, reason: 'RDS lets a cluster be deleted unless protection is turned on' },
    },
    iamAuth: {
      type: 'bool',
      terraform: ['iam_database_authentication_enabled'],
      cloudformation: ['EnableIAMDatabaseAuthentication'],
      default: { value: false, reason: 'RDS accepts database passwords only unless IAM authentication is turned on' },
    },
    autoMinorUpgrade: {
      type: 'bool',
      terraform: ['auto_minor_version_upgrade'],
      cloudformation: ['AutoMinorVersionUpgrade'],
      default: { value: true, reason: 'RDS applies minor engine versions in the maintenance window by default' },
    },
    logExports: { type: 'strings', terraform: ['enabled_cloudwatch_logs_exports'], cloudformation: ['EnableCloudwatchLogsExports'] },
    copyTagsToSnapshot: {
      type: 'bool',
      terraform: ['copy_tags_to_snapshot'],
      cloudformation: ['CopyTagsToSnapshot'],
      default: { value: false, reason: 'RDS does not copy cluster tags to snapshots unless asked' },
    },
    username: { type: 'string', terraform: ['master_username'], cloudformation: ['MasterUsername'] },
  },
});
