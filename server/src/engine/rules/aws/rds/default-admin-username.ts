import { dbCluster, dbInstance } from '../../../model/aws/rds';
import type { KindResource } from '../../../model/kind';
import { attributeRule } from '../../factory';
import type { RuleMeta } from '../../meta';
import { defineRule } from '../../rule';

// The master user names RDS proposes: "admin" for MySQL, MariaDB, Oracle and SQL Server, "postgres" for PostgreSQL.
const DEFAULTS = new Set(['admin', 'postgres']);

const meta: RuleMeta = {
  id: 'aws-rds-default-admin-username',
  provider: 'aws',
  service: 'rds',
  severity: 'medium',
  title: 'RDS database uses a default administrator user name',
  explanation:
    'A master user called "admin" or "postgres" is the first name every password-guessing attempt tries, so only the password stands between an attacker who reaches the endpoint and full control. Picking the credentials is yours.',
  resolution: 'Choose a non-default master user name (username / master_username; CloudFormation: MasterUsername). It can only be set when the database is created.',
  links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.MasterAccounts.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-25'],
  responsibility: { layer: 'identity-access', resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'] },
  controls: ['aws-fsbp:RDS.25', 'aws-fsbp:RDS.24'],
  equivalents: {},
  fixable: false,
  formats: ['terraform', 'cloudformation'],
  examples: {
    terraform: {
      bad: [{ code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n  username       = "postgres"\n}\n' }],
      good: [{ code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n  username       = "orders_owner"\n}\n' }],
    },
    cloudformation: {
      bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      MasterUsername: admin\n' }],
      good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      MasterUsername: orders_owner\n' }],
    },
  },
};

type Instance = KindResource<typeof dbInstance.fields>;
const insecure = (v: string) => DEFAULTS.has(v.toLowerCase());
const consequence = 'attackers only have to guess the password';

const parts = [
  // Aurora members and replicas take the user from the cluster or the source.
  attributeRule({ meta, kind: dbInstance, field: 'username', insecure, consequence, skip: (r: Instance) => r.f.clusterId.origin !== 'default' }),
  attributeRule({ meta, kind: dbCluster, field: 'username', insecure, consequence }),
];

export default defineRule({ meta, check: (ctx) => parts.forEach((p) => p.check(ctx)) });
