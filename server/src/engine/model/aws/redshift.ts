// Redshift provisioned clusters, their parameter groups, and the Terraform audit-logging companion.
import { defineKind } from '../kind';

const NO_AUDIT_LOGGING = { value: false, reason: 'Redshift writes no audit logs unless logging is enabled' };

export const cluster = defineKind({
  kind: 'aws.redshift.cluster',
  terraform: ['aws_redshift_cluster'],
  cloudformation: ['AWS::Redshift::Cluster'],
  fields: {
    publiclyAccessible: {
      type: 'bool',
      terraform: ['publicly_accessible'],
      cloudformation: ['PubliclyAccessible'],
      default: { value: false, reason: 'Redshift creates clusters without public access by default since January 2025 (Terraform provider default false)' },
      doc: 'Whether the cluster gets a public IP address and a DNS name resolving to it.',
    },
    encrypted: {
      type: 'bool',
      terraform: ['encrypted'],
      cloudformation: ['Encrypted'],
      default: { value: true, reason: 'Redshift encrypts new provisioned clusters by default since January 2025' },
      doc: 'Encrypts the cluster storage and its snapshots at rest.',
    },
    enhancedVpcRouting: {
      type: 'bool',
      terraform: ['enhanced_vpc_routing'],
      cloudformation: ['EnhancedVpcRouting'],
      default: { value: false, reason: 'Redshift routes COPY and UNLOAD traffic through the internet unless enhanced VPC routing is on' },
      doc: 'Forces COPY and UNLOAD traffic through the VPC, where security groups, endpoints and flow logs apply.',
    },
    snapshotRetention: {
      type: 'number',
      terraform: ['automated_snapshot_retention_period'],
      cloudformation: ['AutomatedSnapshotRetentionPeriod'],
      default: { value: 1, reason: 'Redshift keeps automated snapshots for one day by default' },
      doc: 'Days automated snapshots are kept; 0 turns automated snapshots off.',
    },
    snapshotId: { type: 'string', terraform: ['snapshot_identifier'], cloudformation: ['SnapshotIdentifier'] },
    clusterIdentifier: { type: 'string', terraform: ['cluster_identifier'], cloudformation: ['ClusterIdentifier'] },
    // The inline logging block is deprecated in AWS provider v5 in favour of aws_redshift_logging (see logging below).
    loggingEnabled: {
      type: 'bool',
      terraform: ['logging', 'enable'],
      default: NO_AUDIT_LOGGING,
      doc: 'Audit logging (connection and user logs) to S3 or CloudWatch Logs.',
    },
    loggingProperties: { type: 'raw', cloudformation: ['LoggingProperties'] },
    loggingBucket: { type: 'string', cloudformation: ['LoggingProperties', 'BucketName'] },
    loggingDestination: { type: 'string', cloudformation: ['LoggingProperties', 'LogDestinationType'], doc: 's3 or cloudwatch.' },
  },
});

/** Terraform's separate audit-logging resource; CloudFormation keeps this in the cluster's LoggingProperties. */
export const logging = defineKind({
  kind: 'aws.redshift.logging',
  terraform: ['aws_redshift_logging'],
  cloudformation: [],
  fields: {
    clusterIdentifier: { type: 'raw', terraform: ['cluster_identifier'] },
  },
});

export const parameterGroup = defineKind({
  kind: 'aws.redshift.parameter-group',
  terraform: ['aws_redshift_parameter_group'],
  cloudformation: ['AWS::Redshift::ClusterParameterGroup'],
  fields: {
    parameters: {
      type: 'items',
      terraform: ['parameter'],
      cloudformation: ['Parameters'],
      fields: {
        name: { type: 'string', terraform: ['name'], cloudformation: ['ParameterName'] },
        value: { type: 'string', terraform: ['value'], cloudformation: ['ParameterValue'] },
      },
    },
  },
});
