import { ruleTester } from '../../../../helpers/rule-tester';

const db = (extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n${extra}}\n`;
const cl = (extra: string) => `Resources:\n  C:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n${extra}`;

ruleTester('aws-rds-deletion-protection', {
  valid: [
    { format: 'terraform', code: db('  deletion_protection = true\n') },
    { name: 'Aurora member: the cluster decides', format: 'terraform', code: 'resource "aws_db_instance" "db" {\n  engine             = "aurora-mysql"\n  cluster_identifier = "c1"\n  instance_class     = "db.r6g.large"\n}\n' },
    { name: 'unknown', format: 'terraform', code: db('  deletion_protection = var.p\n'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: cl('      DeletionProtection: true\n') },
  ],
  invalid: [
    { name: 'false', format: 'terraform', code: db('  deletion_protection = false\n'), errors: [{ line: 4, column: 25, message: /deletion_protection is false/ }], output: db('  deletion_protection = true\n') },
    { name: 'omitted', format: 'terraform', code: db(''), errors: [{ line: 1, message: /not set/ }], output: db('  deletion_protection = true\n') },
    { name: 'from a local', format: 'terraform', code: 'locals {\n  protect = false\n}\n\n' + db('  deletion_protection = local.protect\n'), errors: [{ line: 8, column: 25, relatedLines: [2] }] },
    { name: 'CloudFormation cluster omitted', format: 'cloudformation', code: cl(''), errors: [{ line: 2 }], output: cl('      DeletionProtection: true\n') },
    { name: 'CloudFormation false', format: 'cloudformation', code: cl('      DeletionProtection: false\n'), errors: [{ line: 6, column: 27 }], output: cl('      DeletionProtection: true\n') },
  ],
});
