import { dbInstance } from '../../../model/aws/rds';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-rds-enhanced-monitoring',
    provider: 'aws',
    service: 'rds',
    severity: 'low',
    title: 'RDS Enhanced Monitoring is off',
    explanation:
      'Enhanced Monitoring shows the processes and OS-level CPU, memory and I/O of the database host, which standard CloudWatch metrics do not; it helps tell an attack or runaway query from a capacity problem. RDS runs the agent; choosing the interval and granting the monitoring role is yours.',
    resolution: 'Set monitoring_interval to 1, 5, 10, 15, 30 or 60 and monitoring_role_arn to a role with AmazonRDSEnhancedMonitoringRole (CloudFormation: MonitoringInterval, MonitoringRoleArn).',
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-6'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_db_instance', 'AWS::RDS::DBInstance'] },
    controls: ['aws-fsbp:RDS.6'],
    equivalents: { checkov: ['CKV_AWS_118'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n', note: 'omitted: interval 0' }],
        good: [{ code: 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  instance_class      = "db.t3.micro"\n  monitoring_interval = 60\n  monitoring_role_arn = "arn:aws:iam::111122223333:role/rds-monitoring"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      MonitoringInterval: 0\n' }],
        good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      MonitoringInterval: 60\n      MonitoringRoleArn: arn:aws:iam::111122223333:role/rds-monitoring\n' }],
      },
    },
  },
  kind: dbInstance,
  field: 'monitoringInterval',
  insecure: (v) => v === 0,
  consequence: 'no OS-level metrics or process list of the database host are collected',
});
