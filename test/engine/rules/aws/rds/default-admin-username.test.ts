import { ruleTester } from '../../../../helpers/rule-tester';

const db = (extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n${extra}}\n`;
const cl = (extra: string) => `Resources:\n  C:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n${extra}`;

ruleTester('aws-rds-default-admin-username', {
  valid: [
    { format: 'terraform', code: db('  username = "orders_owner"\n') },
    { name: 'omitted (replica or restore)', format: 'terraform', code: db('') },
    { name: 'unknown', format: 'terraform', code: db('  username = var.user\n'), files: { 'v.tf': 'variable "user" {}\n' } },
    { format: 'cloudformation', code: cl('      MasterUsername: orders_owner\n') },
  ],
  invalid: [
    { format: 'terraform', code: db('  username = "postgres"\n'), errors: [{ line: 4, column: 14, message: /"postgres"/ }], output: null },
    { name: 'cluster', format: 'terraform', code: 'resource "aws_rds_cluster" "c" {\n  engine          = "aurora-mysql"\n  master_username = "Admin"\n}\n', errors: [{ line: 3, column: 21 }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "user" {\n  default = "admin"\n}\n\n' + db('  username = var.user\n'), errors: [{ line: 8, relatedLines: [2] }] },
    { format: 'cloudformation', code: cl('      MasterUsername: admin\n'), errors: [{ line: 6, column: 23 }] },
  ],
});
