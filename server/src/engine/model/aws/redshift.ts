// Redshift provisioned clusters.
import { defineKind } from '../kind';

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
      default: { value: false, reason: 'Redshift default' },
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
  },
});
