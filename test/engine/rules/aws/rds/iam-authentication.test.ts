import { ruleTester } from '../../../../helpers/rule-tester';

const db = (engine: string, extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "${engine}"\n  instance_class = "db.t3.micro"\n${extra}}\n`;
const cl = (extra: string) => `Resources:\n  C:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n${extra}`;

ruleTester('aws-rds-iam-authentication', {
  valid: [
    { format: 'terraform', code: db('mysql', '  iam_database_authentication_enabled = true\n') },
    { name: 'engine without IAM auth', format: 'terraform', code: db('sqlserver-ex', '') },
    { name: 'Aurora member', format: 'terraform', code: db('aurora-postgresql', '  cluster_identifier = "c1"\n') },
    { name: 'unknown', format: 'terraform', code: db('postgres', '  iam_database_authentication_enabled = var.iam\n'), files: { 'v.tf': 'variable "iam" {}\n' } },
    { name: 'unknown engine', format: 'terraform', code: 'variable "engine" {}\n\nresource "aws_db_instance" "db" {\n  engine         = var.engine\n  instance_class = "db.t3.micro"\n}\n' },
    { format: 'cloudformation', code: cl('      EnableIAMDatabaseAuthentication: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: db('postgres', ''), errors: [{ line: 1, message: /not set/ }], output: db('postgres', '  iam_database_authentication_enabled = true\n') },
    { name: 'false', format: 'terraform', code: db('mariadb', '  iam_database_authentication_enabled = false\n'), errors: [{ line: 4, column: 41 }], output: db('mariadb', '  iam_database_authentication_enabled = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "iam" {\n  default = false\n}\n\n' + db('mysql', '  iam_database_authentication_enabled = var.iam\n'), errors: [{ line: 8, relatedLines: [2] }] },
    { name: 'CloudFormation cluster', format: 'cloudformation', code: cl(''), errors: [{ line: 2 }], output: cl('      EnableIAMDatabaseAuthentication: true\n') },
  ],
});
