import { dbCluster, dbInstance } from '../../../model/aws/rds';
import type { KindResource } from '../../../model/kind';
import { attributeRule } from '../../factory';
import type { RuleMeta } from '../../meta';
import { defineRule } from '../../rule';

// FSBP RDS.11 passes at 7 days, its default minimum.
const MIN_DAYS = 7;

const meta: RuleMeta = {
  id: 'aws-rds-backup-retention',
  provider: 'aws',
  service: 'rds',
  severity: 'medium',
  title: 'RDS automated backups are off or kept for less than 7 days',
  explanation:
    'RDS takes the automated backups and keeps the transaction logs, but for as many days as you tell it: 0 turns backups off, and the API default of 1 day leaves almost no window to notice corruption or a bad deployment and restore. Choosing the retention is your duty.',
  resolution: `Set backup_retention_period (CloudFormation: BackupRetentionPeriod) to at least ${MIN_DAYS} days, up to 35.`,
  links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.BackupRetention.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-11'],
  responsibility: { layer: 'backup-resilience', resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'] },
  controls: ['aws-fsbp:RDS.11'],
  equivalents: { checkov: ['CKV_AWS_133'], trivy: ['AVD-AWS-0077', 'aws-rds-specify-backup-retention'], kics: ['1dc73fb4-5b51-430c-8c5f-25dcf9090b02', '8c415f6f-7b90-4a27-a44a-51047e1506f9'] },
  fixable: true,
  formats: ['terraform', 'cloudformation'],
  examples: {
    terraform: {
      bad: [
        { code: 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  instance_class          = "db.t3.micro"\n  backup_retention_period = 0\n}\n' },
        { code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n', note: 'omitted: the RDS API keeps backups for 1 day' },
      ],
      good: [{ code: 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  instance_class          = "db.t3.micro"\n  backup_retention_period = 14\n}\n' }],
    },
    cloudformation: {
      bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      BackupRetentionPeriod: 1\n' }],
      good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      BackupRetentionPeriod: 7\n' }],
    },
  },
};

type Instance = KindResource<typeof dbInstance.fields>;
const written = (v: { origin: string }) => v.origin !== 'default';

const consequence = (days: number) => (days <= 0 ? 'automated backups are off, so there is nothing to restore to a point in time from' : `there are fewer than ${MIN_DAYS} days of automated backups to restore from`);

const parts = [
  attributeRule({
    meta,
    kind: dbInstance,
    field: 'backupRetention',
    insecure: (v) => v < MIN_DAYS,
    fix: MIN_DAYS,
    consequence,
    // Aurora members follow the cluster's retention; replicas and restores are judged on their source.
    skip: (r: Instance) => written(r.f.clusterId) || written(r.f.replicateSource) || written(r.f.snapshotId) || (r.f.engine.value ?? '').startsWith('aurora'),
  }),
  attributeRule({ meta, kind: dbCluster, field: 'backupRetention', insecure: (v) => v < MIN_DAYS, fix: MIN_DAYS, consequence }),
];

export default defineRule({ meta, check: (ctx) => parts.forEach((p) => p.check(ctx)) });
