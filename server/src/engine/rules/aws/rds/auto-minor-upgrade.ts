import { dbInstance } from '../../../model/aws/rds';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-rds-auto-minor-upgrade',
    provider: 'aws',
    service: 'rds',
    severity: 'high',
    title: 'RDS automatic minor version upgrades are turned off',
    explanation:
      'AWS builds and publishes patched minor engine versions, but only applies them in the maintenance window when automatic minor upgrades are on. Turning them off moves the duty of tracking and applying engine security fixes to you.',
    resolution: 'Remove auto_minor_version_upgrade = false or set it to true (CloudFormation: AutoMinorVersionUpgrade: true).',
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-13'],
    responsibility: { layer: 'runtime-platform', resourceTypes: ['aws_db_instance', 'AWS::RDS::DBInstance'] },
    controls: ['aws-fsbp:RDS.13', 'cis-aws-v5:2.2.2'],
    equivalents: { checkov: ['CKV_AWS_226'], kics: ['3b6d777b-76e3-4133-80a3-0d6f667ade7f', 'f0104061-8bfc-4b45-8a7d-630eb502f281'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_db_instance" "db" {\n  engine                     = "postgres"\n  instance_class             = "db.t3.micro"\n  auto_minor_version_upgrade = false\n}\n' }],
        good: [{ code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n', note: 'omitted: RDS upgrades minor versions automatically' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      AutoMinorVersionUpgrade: false\n' }],
        good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      AutoMinorVersionUpgrade: true\n' }],
      },
    },
  },
  kind: dbInstance,
  field: 'autoMinorUpgrade',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'engine security patches are not applied until someone upgrades by hand',
});
