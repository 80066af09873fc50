import type { KindResource } from '../../../model/kind';
import type { dbInstance } from '../../../model/aws/rds';
import { defineRule } from '../../rule';

type Instance = KindResource<typeof dbInstance.fields>;

export default defineRule({
  meta: {
    id: 'aws-rds-public-access',
    provider: 'aws',
    service: 'rds',
    severity: 'critical',
    title: 'RDS instance is publicly accessible',
    explanation:
      'A publicly accessible instance gets a DNS name that resolves to a public IP address, so the database listener can be reached from the internet whenever a security group or network ACL allows it. Where your database may be reached from is your network decision.',
    resolution: 'Set publicly_accessible = false (CloudFormation: PubliclyAccessible: false) and place the instance in private subnets.',
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_db_instance', 'AWS::RDS::DBInstance'] },
    controls: ['aws-fsbp:RDS.2', 'cis-aws-v5:2.2.3'],
    equivalents: { checkov: ['CKV_AWS_17'], trivy: ['AVD-AWS-0180', 'aws-rds-enable-public-access', 'aws-rds-no-public-db-access'], kics: ['35113e6f-2c6b-414d-beec-7a9482d3b2d1', 'de38e1d5-54cb-4111-a868-6f7722695007'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_db_instance" "db" {\n  engine              = "mysql"\n  instance_class      = "db.t3.micro"\n  storage_encrypted   = true\n  publicly_accessible = true\n}\n' }],
        good: [{ code: 'resource "aws_db_instance" "db" {\n  engine            = "mysql"\n  instance_class    = "db.t3.micro"\n  storage_encrypted = true\n}\n', note: 'omitted: the Terraform provider sends false' }],
      },
      cloudformation: {
        bad: [
          { code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      DBInstanceClass: db.t3.micro\n      StorageEncrypted: true\n      PubliclyAccessible: true\n' },
          { code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      DBInstanceClass: db.t3.micro\n      StorageEncrypted: true\n', note: 'omitted without a subnet group: public in the default VPC' },
        ],
        good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      DBInstanceClass: db.t3.micro\n      StorageEncrypted: true\n      DBSubnetGroupName: private\n' }],
      },
    },
  },
  check(ctx) {
    for (const db of ctx.resources<Instance>('aws.rds.instance')) {
      const v = db.f.publiclyAccessible;
      if (v.origin === 'unknown') continue;
      const name = db.source.format === 'terraform' ? 'publicly_accessible' : 'PubliclyAccessible';
      const fix = v.site ? { title: `Set ${name} to false`, actions: [{ type: 'set' as const, site: v.site, value: false }] } : undefined;
      if (v.value === true) {
        ctx.report({ resource: db, value: v, message: `${name} is true: the database gets a public IP address`, fix });
      } else if (v.origin === 'default' && db.source.format === 'cloudformation' && db.f.subnetGroup.origin === 'default') {
        ctx.report({
          resource: db,
          value: v,
          severity: 'medium',
          message: 'PubliclyAccessible is not set and there is no DBSubnetGroupName: in a default VPC, RDS makes the instance publicly accessible',
          fix,
        });
      }
    }
  },
});
