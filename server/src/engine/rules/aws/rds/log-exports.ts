import type { dbCluster, dbInstance } from '../../../model/aws/rds';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Instance = KindResource<typeof dbInstance.fields>;
type Cluster = KindResource<typeof dbCluster.fields>;

// Log types worth exporting per engine family (what Security Hub's RDS.9/RDS.34/RDS.36/RDS.37/RDS.40/RDS.42 look for).
function suggested(engine: string): string {
  if (engine.startsWith('aurora-postgresql') || engine.startsWith('postgres')) return '"postgresql"';
  if (engine.startsWith('aurora') || engine === 'mysql' || engine === 'mariadb') return '"audit", "error", "general", "slowquery"';
  if (engine.startsWith('sqlserver')) return '"agent", "error"';
  if (engine.startsWith('oracle')) return '"alert", "audit", "listener", "trace"';
  return 'the engine\'s log types';
}

export default defineRule({
  meta: {
    id: 'aws-rds-log-exports',
    provider: 'aws',
    service: 'rds',
    severity: 'medium',
    title: 'RDS database does not publish its logs to CloudWatch Logs',
    explanation:
      'Database logs (connections, errors, audit, slow queries) stay on the instance for a short, size-limited time unless you export them; without them a compromise or data access cannot be investigated afterwards. RDS does the export; choosing the log types is yours.',
    resolution: 'Set enabled_cloudwatch_logs_exports (CloudFormation: EnableCloudwatchLogsExports) to the engine\'s log types, e.g. ["postgresql"] for PostgreSQL or ["audit", "error", "general", "slowquery"] for MySQL (audit needs the audit plugin option).',
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-9'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'] },
    controls: ['aws-fsbp:RDS.9', 'aws-fsbp:RDS.34', 'aws-fsbp:RDS.36', 'aws-fsbp:RDS.37'],
    equivalents: { checkov: ['CKV_AWS_129'], kics: ['8d7f7b8c-6c7c-40f8-baa6-62006c6c7b56'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n' }],
        good: [{ code: 'resource "aws_db_instance" "db" {\n  engine                          = "postgres"\n  instance_class                  = "db.t3.micro"\n  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      EnableCloudwatchLogsExports: []\n' }],
        good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      EnableCloudwatchLogsExports:\n        - audit\n        - error\n' }],
      },
    },
  },
  check(ctx) {
    const check = (r: Instance | Cluster) => {
      const logs = r.f.logExports;
      if (logs.value.origin === 'unknown' || logs.items.length > 0) return;
      const engine = r.f.engine;
      if (engine.origin === 'unknown') return;
      const name = r.source.format === 'terraform' ? 'enabled_cloudwatch_logs_exports' : 'EnableCloudwatchLogsExports';
      ctx.report({
        resource: r,
        value: logs.value,
        message: `${name} is ${logs.value.origin === 'default' ? 'not set' : 'empty'}: database logs are not kept in CloudWatch Logs (export ${suggested(engine.value ?? '')})`,
      });
    };
    for (const db of ctx.resources<Instance>('aws.rds.instance')) {
      // Aurora members export through the cluster.
      if (db.f.clusterId.origin !== 'default' || (db.f.engine.value ?? '').startsWith('aurora')) continue;
      check(db);
    }
    for (const c of ctx.resources<Cluster>('aws.rds.cluster')) check(c);
  },
});
