import { ruleTester } from '../../../../helpers/rule-tester';

const db = (extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n${extra}}\n`;

ruleTester('aws-rds-encryption', {
  valid: [
    { format: 'terraform', code: db('  storage_encrypted = true\n') },
    { name: 'Aurora instance: the cluster decides', format: 'terraform', code: 'resource "aws_db_instance" "db" {\n  engine             = "aurora-postgresql"\n  cluster_identifier = "c1"\n  instance_class     = "db.r6g.large"\n}\n' },
    { name: 'read replica inherits', format: 'terraform', code: db('  replicate_source_db = "primary"\n') },
    { name: 'unknown', format: 'terraform', code: db('  storage_encrypted = var.enc\n'), files: { 'v.tf': 'variable "enc" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  C:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      StorageEncrypted: true\n' },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: db(''), errors: [{ line: 1, message: /storage_encrypted is not set/ }], output: db('  storage_encrypted = true\n') },
    { name: 'cluster false', format: 'terraform', code: 'resource "aws_rds_cluster" "c" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = false\n}\n', errors: [{ line: 3, column: 23 }], output: 'resource "aws_rds_cluster" "c" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = true\n}\n' },
    { name: 'from tfvars', format: 'terraform', code: 'variable "enc" {\n  default = true\n}\n\n' + db('  storage_encrypted = var.enc\n'), files: { 'terraform.tfvars': 'enc = false\n' }, errors: [{ line: 8, column: 23, relatedLines: [1] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n', errors: [{ line: 2 }], output: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: true\n' },
  ],
});
