import { dbCluster, dbInstance } from '../../../model/aws/rds';
import type { KindResource } from '../../../model/kind';
import { attributeRule } from '../../factory';
import type { RuleMeta } from '../../meta';
import { defineRule } from '../../rule';

const meta: RuleMeta = {
  id: 'aws-rds-deletion-protection',
  provider: 'aws',
  service: 'rds',
  severity: 'low',
  title: 'RDS database has no deletion protection',
  explanation:
    'Without deletion protection one API call, a console click or a `terraform destroy` removes the database, and automated backups go with it unless a final snapshot is kept. RDS offers the guard; turning it on for databases that matter is your call.',
  resolution: 'Set deletion_protection = true (CloudFormation: DeletionProtection: true) on instances and clusters. For Aurora, set it on the cluster.',
  links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-8'],
  responsibility: { layer: 'backup-resilience', resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'] },
  controls: ['aws-fsbp:RDS.8', 'aws-fsbp:RDS.7'],
  equivalents: { checkov: ['CKV_AWS_293', 'CKV_AWS_139'], kics: ['2c161e58-cb52-454f-abea-6470c37b5e6e'] },
  fixable: true,
  formats: ['terraform', 'cloudformation'],
  examples: {
    terraform: {
      bad: [{ code: 'resource "aws_rds_cluster" "db" {\n  engine              = "aurora-postgresql"\n  deletion_protection = false\n}\n' }],
      good: [{ code: 'resource "aws_rds_cluster" "db" {\n  engine              = "aurora-postgresql"\n  deletion_protection = true\n}\n' }],
    },
    cloudformation: {
      bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n', note: 'omitted: deletion is allowed' }],
      good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      DeletionProtection: true\n' }],
    },
  },
};

type Instance = KindResource<typeof dbInstance.fields>;
const consequence = 'the database can be deleted by a single call or a destroy run';

const parts = [
  attributeRule({
    meta,
    kind: dbInstance,
    field: 'deletionProtection',
    insecure: (v) => v === false,
    fix: true,
    consequence,
    // Aurora instances cannot be protected individually: the cluster's setting applies.
    skip: (r: Instance) => r.f.clusterId.origin !== 'default' || (r.f.engine.value ?? '').startsWith('aurora'),
  }),
  attributeRule({ meta, kind: dbCluster, field: 'deletionProtection', insecure: (v) => v === false, fix: true, consequence }),
];

export default defineRule({ meta, check: (ctx) => parts.forEach((p) => p.check(ctx)) });
