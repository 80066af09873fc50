import { ruleTester } from '../../../../helpers/rule-tester';

const db = (extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n${extra}`;

ruleTester('aws-rds-backup-retention', {
  valid: [
    { format: 'terraform', code: db('  backup_retention_period = 7\n') },
    { name: 'Aurora member: the cluster keeps backups', format: 'terraform', code: db('  cluster_identifier = "c1"\n') },
    { name: 'read replica', format: 'terraform', code: db('  replicate_source_db = "primary"\n') },
    { name: 'unknown', format: 'terraform', code: db('  backup_retention_period = var.days\n'), files: { 'v.tf': 'variable "days" {}\n' } },
    { format: 'cloudformation', code: cfn('      BackupRetentionPeriod: 35\n') },
    { name: 'unknown parameter', format: 'cloudformation', code: 'Parameters:\n  Days:\n    Type: Number\n' + cfn('      BackupRetentionPeriod: !Ref Days\n') },
  ],
  invalid: [
    { name: 'off', format: 'terraform', code: db('  backup_retention_period = 0\n'), errors: [{ line: 4, column: 29, message: /backup_retention_period is 0: automated backups are off/ }], output: db('  backup_retention_period = 7\n') },
    { name: 'omitted: 1 day', format: 'terraform', code: db(''), errors: [{ line: 1, message: /not set \(the RDS API keeps automated backups for 1 day[^)]*\): there are fewer than 7 days of automated backups/ }], output: db('  backup_retention_period = 7\n') },
    { name: 'cluster', format: 'terraform', code: 'resource "aws_rds_cluster" "c" {\n  engine                  = "aurora-mysql"\n  backup_retention_period = 3\n}\n', errors: [{ line: 3, column: 29, message: /backup_retention_period is 3: there are fewer than 7 days/ }], output: 'resource "aws_rds_cluster" "c" {\n  engine                  = "aurora-mysql"\n  backup_retention_period = 7\n}\n' },
    { name: 'from a variable default', format: 'terraform', code: 'variable "days" {\n  default = 1\n}\n\n' + db('  backup_retention_period = var.days\n'), errors: [{ line: 8, column: 29, relatedLines: [2] }] },
    { name: 'CloudFormation', format: 'cloudformation', code: cfn('      BackupRetentionPeriod: 1\n'), errors: [{ line: 6, column: 30 }], output: cfn('      BackupRetentionPeriod: 7\n') },
    { name: 'CloudFormation parameter default', format: 'cloudformation', code: 'Parameters:\n  Days:\n    Type: Number\n    Default: 0\n' + cfn('      BackupRetentionPeriod: !Ref Days\n'), errors: [{ line: 10, relatedLines: [4] }] },
  ],
});
