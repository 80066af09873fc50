import { ruleTester } from '../../../../helpers/rule-tester';

const db = (engine: string, extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "${engine}"\n  instance_class = "db.t3.micro"\n${extra}}\n`;

ruleTester('aws-rds-log-exports', {
  valid: [
    { format: 'terraform', code: db('postgres', '  enabled_cloudwatch_logs_exports = ["postgresql"]\n') },
    { name: 'Aurora member', format: 'terraform', code: db('aurora-mysql', '  cluster_identifier = "c1"\n') },
    { name: 'unknown', format: 'terraform', code: db('mysql', '  enabled_cloudwatch_logs_exports = var.logs\n'), files: { 'v.tf': 'variable "logs" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  C:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      EnableCloudwatchLogsExports: [audit]\n' },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: db('postgres', ''), errors: [{ line: 1, message: /not set.*"postgresql"/ }], output: null },
    { name: 'empty', format: 'terraform', code: db('mysql', '  enabled_cloudwatch_logs_exports = []\n'), errors: [{ line: 4, column: 37, message: /empty.*slowquery/ }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "logs" {\n  default = []\n}\n\n' + db('mysql', '  enabled_cloudwatch_logs_exports = var.logs\n'), errors: [{ line: 8, relatedLines: [2] }] },
    { name: 'CloudFormation cluster', format: 'cloudformation', code: 'Resources:\n  C:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n', errors: [{ line: 2, message: /"postgresql"/ }] },
  ],
});
