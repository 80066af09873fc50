import { dbCluster, dbInstance } from '../../../model/aws/rds';
import type { KindResource } from '../../../model/kind';
import { attributeRule } from '../../factory';
import type { RuleMeta } from '../../meta';
import { defineRule } from '../../rule';

const meta: RuleMeta = {
  id: 'aws-rds-copy-tags-to-snapshot',
  provider: 'aws',
  service: 'rds',
  severity: 'low',
  title: 'RDS snapshots do not inherit the database tags',
  explanation:
    'Snapshots hold the same data as the database, but without its tags they escape tag-based access control (aws:ResourceTag conditions), ownership and data-classification inventories and cleanup jobs. Tagging is your part of the model.',
  resolution: 'Set copy_tags_to_snapshot = true (CloudFormation: CopyTagsToSnapshot: true). For Aurora, set it on the cluster.',
  links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-17'],
  responsibility: { layer: 'data-classification', resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'] },
  controls: ['aws-fsbp:RDS.17', 'aws-fsbp:RDS.16'],
  equivalents: {},
  fixable: true,
  formats: ['terraform', 'cloudformation'],
  examples: {
    terraform: {
      bad: [{ code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n' }],
      good: [{ code: 'resource "aws_db_instance" "db" {\n  engine                = "postgres"\n  instance_class        = "db.t3.micro"\n  copy_tags_to_snapshot = true\n}\n' }],
    },
    cloudformation: {
      bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      CopyTagsToSnapshot: false\n' }],
      good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      CopyTagsToSnapshot: true\n' }],
    },
  },
};

type Instance = KindResource<typeof dbInstance.fields>;
const consequence = 'snapshots lose the tags that access control and inventories rely on';

const parts = [
  attributeRule({
    meta,
    kind: dbInstance,
    field: 'copyTagsToSnapshot',
    insecure: (v) => v === false,
    fix: true,
    consequence,
    skip: (r: Instance) => r.f.clusterId.origin !== 'default' || (r.f.engine.value ?? '').startsWith('aurora'),
  }),
  attributeRule({ meta, kind: dbCluster, field: 'copyTagsToSnapshot', insecure: (v) => v === false, fix: true, consequence }),
];

export default defineRule({ meta, check: (ctx) => parts.forEach((p) => p.check(ctx)) });
