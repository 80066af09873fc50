import type { KindResource } from '../../../model/kind';
import type { dbCluster, dbInstance } from '../../../model/aws/rds';
import { defineRule } from '../../rule';

type Instance = KindResource<typeof dbInstance.fields>;
type Cluster = KindResource<typeof dbCluster.fields>;

function written(v: { origin: string }): boolean {
  return v.origin !== 'default';
}

export default defineRule({
  meta: {
    id: 'aws-rds-encryption',
    provider: 'aws',
    service: 'rds',
    severity: 'medium',
    title: 'RDS storage is not encrypted',
    explanation:
      'RDS runs and patches the database engine for you, but it only encrypts storage, backups, replicas and snapshots when you ask at creation time; an existing unencrypted instance cannot be encrypted in place.',
    resolution: 'Set storage_encrypted = true (CloudFormation: StorageEncrypted: true), optionally with kms_key_id. For Aurora, set it on the cluster.',
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-3'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'] },
    controls: ['aws-fsbp:RDS.3', 'aws-fsbp:RDS.27', 'cis-aws-v5:2.2.1'],
    equivalents: { checkov: ['CKV_AWS_16', 'CKV_AWS_96'], trivy: ['AVD-AWS-0080', 'AVD-AWS-0079', 'aws-rds-encrypt-instance-storage-data', 'aws-rds-encrypt-cluster-storage-data'], kics: ['08bd0760-8752-44e1-9779-7bb369b2b4e4', '3199c26c-7871-4cb3-99c2-10a59244ce7f', '5beacce3-4020-4a3d-9e1d-a36f953df630'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          { code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n' },
          { code: 'resource "aws_rds_cluster" "db" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = false\n}\n' },
        ],
        good: [{ code: 'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  instance_class    = "db.t3.micro"\n  storage_encrypted = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n' }],
        good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      StorageEncrypted: true\n' }],
      },
    },
  },
  check(ctx) {
    for (const db of ctx.resources<Instance>('aws.rds.instance')) {
      const e = db.f.engine;
      // Aurora instances, replicas and restores take their encryption from the cluster or the source.
      if (written(db.f.clusterId) || written(db.f.replicateSource) || written(db.f.snapshotId)) continue;
      if (e.origin === 'unknown' || (e.value ?? '').startsWith('aurora')) continue;
      report(db, db.f.storageEncrypted);
    }
    for (const c of ctx.resources<Cluster>('aws.rds.cluster')) {
      if (written(c.f.snapshotId) || written(c.f.replicationSource)) continue;
      if (c.f.engineMode.origin !== 'default' && c.f.engineMode.value === 'serverless') continue; // Serverless v1 is always encrypted
      report(c, c.f.storageEncrypted);
    }

    function report(r: Instance | Cluster, v: Instance['f']['storageEncrypted']): void {
      if (v.origin === 'unknown' || v.value !== false) return;
      const name = r.source.format === 'terraform' ? 'storage_encrypted' : 'StorageEncrypted';
      ctx.report({
        resource: r,
        value: v,
        message: v.origin === 'default' ? `${name} is not set: the database, its backups and snapshots are stored unencrypted` : `${name} is false: the database, its backups and snapshots are stored unencrypted`,
        fix: v.site ? { title: `Set ${name} to true (replaces the database)`, actions: [{ type: 'set', site: v.site, value: true }] } : undefined,
      });
    }
  },
});
