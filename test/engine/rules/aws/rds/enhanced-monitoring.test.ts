import { ruleTester } from '../../../../helpers/rule-tester';

const db = (extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n${extra}`;

ruleTester('aws-rds-enhanced-monitoring', {
  valid: [
    { format: 'terraform', code: db('  monitoring_interval = 30\n  monitoring_role_arn = "arn:aws:iam::111122223333:role/m"\n') },
    { name: 'unknown', format: 'terraform', code: db('  monitoring_interval = var.i\n'), files: { 'v.tf': 'variable "i" {}\n' } },
    { format: 'cloudformation', code: cfn('      MonitoringInterval: 60\n      MonitoringRoleArn: arn:aws:iam::111122223333:role/m\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: db(''), errors: [{ line: 1, message: /monitoring_interval is not set/ }], output: null },
    { name: 'from a variable default', format: 'terraform', code: 'variable "i" {\n  default = 0\n}\n\n' + db('  monitoring_interval = var.i\n'), errors: [{ line: 8, column: 25, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      MonitoringInterval: 0\n'), errors: [{ line: 6, column: 27 }] },
  ],
});
