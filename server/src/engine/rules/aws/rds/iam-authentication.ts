import { dbCluster, dbInstance } from '../../../model/aws/rds';
import type { KindResource } from '../../../model/kind';
import { attributeRule } from '../../factory';
import type { RuleMeta } from '../../meta';
import { defineRule } from '../../rule';

const meta: RuleMeta = {
  id: 'aws-rds-iam-authentication',
  provider: 'aws',
  service: 'rds',
  severity: 'medium',
  title: 'RDS database does not accept IAM authentication',
  explanation:
    'With IAM database authentication, applications sign in with 15-minute tokens tied to an IAM identity instead of long-lived passwords that end up in configuration and are rarely rotated. RDS provides the mechanism for MySQL, MariaDB, PostgreSQL and Aurora; enabling it and granting rds-db:connect is yours.',
  resolution: 'Set iam_database_authentication_enabled = true (CloudFormation: EnableIAMDatabaseAuthentication: true) and move applications to IAM tokens. For Aurora, set it on the cluster.',
  links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-10'],
  responsibility: { layer: 'identity-access', resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'] },
  controls: ['aws-fsbp:RDS.10', 'aws-fsbp:RDS.12'],
  equivalents: { checkov: ['CKV_AWS_161', 'CKV_AWS_162'], kics: ['88fd05e0-ac0e-43d2-ba6d-fc0ba60ae1a6', '9fcd0a0a-9b6f-4670-a215-d94e6bf3f184'] },
  fixable: true,
  formats: ['terraform', 'cloudformation'],
  examples: {
    terraform: {
      bad: [{ code: 'resource "aws_db_instance" "db" {\n  engine         = "mysql"\n  instance_class = "db.t3.micro"\n}\n', note: 'omitted: passwords only' }],
      good: [{ code: 'resource "aws_db_instance" "db" {\n  engine                              = "mysql"\n  instance_class                      = "db.t3.micro"\n  iam_database_authentication_enabled = true\n}\n' }],
    },
    cloudformation: {
      bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      EnableIAMDatabaseAuthentication: false\n' }],
      good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      EnableIAMDatabaseAuthentication: true\n' }],
    },
  },
};

// Engines where RDS supports IAM database authentication (not Oracle, SQL Server, Db2 or RDS Custom).
const SUPPORTED = /^(mysql|mariadb|postgres|aurora|aurora-mysql|aurora-postgresql)$/;

type Instance = KindResource<typeof dbInstance.fields>;
type Cluster = KindResource<typeof dbCluster.fields>;
const supported = (r: Instance | Cluster) => r.f.engine.origin !== 'unknown' && SUPPORTED.test(r.f.engine.value ?? '');
const consequence = 'applications must sign in with long-lived database passwords';

const parts = [
  attributeRule({
    meta,
    kind: dbInstance,
    field: 'iamAuth',
    insecure: (v) => v === false,
    fix: true,
    consequence,
    skip: (r: Instance) => !supported(r) || r.f.clusterId.origin !== 'default' || (r.f.engine.value ?? '').startsWith('aurora'),
  }),
  attributeRule({ meta, kind: dbCluster, field: 'iamAuth', insecure: (v) => v === false, fix: true, consequence, skip: (r: Cluster) => !supported(r) }),
];

export default defineRule({ meta, check: (ctx) => parts.forEach((p) => p.check(ctx)) });
