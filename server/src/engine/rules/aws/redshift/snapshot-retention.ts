import { cluster } from '../../../model/aws/redshift';
import { attributeRule } from '../../factory';

// Security Hub's Redshift.3 passes from seven days of automated snapshots (its MinRetentionPeriod default).
const MIN_DAYS = 7;

export default attributeRule({
  meta: {
    id: 'aws-redshift-snapshot-retention',
    provider: 'aws',
    service: 'redshift',
    severity: 'medium',
    title: 'Redshift automated snapshots are kept for less than 7 days',
    explanation:
      'Automated snapshots are the point-in-time copies you restore from after a bad load, a dropped table or ransomware; with the one-day default (or 0, which turns them off) a problem noticed after a weekend cannot be undone. AWS takes and stores the snapshots; how long they are kept is your setting.',
    resolution: 'Set automated_snapshot_retention_period (CloudFormation: AutomatedSnapshotRetentionPeriod) to 7 or more days.',
    links: ['https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-3'],
    responsibility: { layer: 'backup-resilience', resourceTypes: ['aws_redshift_cluster', 'AWS::Redshift::Cluster'] },
    controls: ['aws-fsbp:Redshift.3'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier                  = "dw"\n  node_type                           = "ra3.xlplus"\n  automated_snapshot_retention_period = 0\n}\n' }],
        good: [{ code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier                  = "dw"\n  node_type                           = "ra3.xlplus"\n  automated_snapshot_retention_period = 7\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n', note: 'omitted: one day' }],
        good: [{ code: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n      AutomatedSnapshotRetentionPeriod: 14\n' }],
      },
    },
  },
  kind: cluster,
  field: 'snapshotRetention',
  insecure: (v) => v < MIN_DAYS,
  fix: MIN_DAYS,
  consequence: (days) => (days <= 0 ? 'automated snapshots are off, so there is no recent snapshot to restore from' : `there are fewer than ${MIN_DAYS} days of automated snapshots to restore from`),
});
