import { dbInstance } from '../../../model/aws/rds';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-rds-multi-az',
    provider: 'aws',
    service: 'rds',
    severity: 'low',
    title: 'RDS instance runs in a single Availability Zone',
    explanation:
      'A single-AZ instance is unavailable while its zone or host fails and during some maintenance; Multi-AZ keeps a synchronous standby that RDS fails over to automatically. AWS runs the standby, but asking for it (and paying for it) is your availability decision.',
    resolution: 'Set multi_az = true (CloudFormation: MultiAZ: true) for production databases. Aurora gets the same from replicas in other zones.',
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-5'],
    responsibility: { layer: 'backup-resilience', resourceTypes: ['aws_db_instance', 'AWS::RDS::DBInstance'] },
    controls: ['aws-fsbp:RDS.5'],
    equivalents: { checkov: ['CKV_AWS_157'], kics: ['53598739-ffe2-4b77-9fe5-de95f2252345', '2b1d4935-9acf-48a7-8466-10d18bf51a69'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n', note: 'omitted: single-AZ' }],
        good: [{ code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n  multi_az       = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      MultiAZ: false\n' }],
        good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      MultiAZ: true\n' }],
      },
    },
  },
  kind: dbInstance,
  field: 'multiAz',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'the database is down whenever its Availability Zone is',
  // Aurora spreads instances of a cluster across zones itself; the flag does not apply to its members.
  skip: (r) => r.f.clusterId.origin !== 'default' || (r.f.engine.value ?? '').startsWith('aurora'),
});
