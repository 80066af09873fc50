import { ruleTester } from '../../../../helpers/rule-tester';

const db = (extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n${extra}}\n`;
const cl = (extra: string) => `Resources:\n  C:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n${extra}`;

ruleTester('aws-rds-copy-tags-to-snapshot', {
  valid: [
    { format: 'terraform', code: db('  copy_tags_to_snapshot = true\n') },
    { name: 'Aurora member', format: 'terraform', code: db('  cluster_identifier = "c1"\n') },
    { name: 'unknown', format: 'terraform', code: db('  copy_tags_to_snapshot = var.c\n'), files: { 'v.tf': 'variable "c" {}\n' } },
    { format: 'cloudformation', code: cl('      CopyTagsToSnapshot: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: db(''), errors: [{ line: 1 }], output: db('  copy_tags_to_snapshot = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "c" {\n  default = false\n}\n\n' + db('  copy_tags_to_snapshot = var.c\n'), errors: [{ line: 8, column: 27, relatedLines: [2] }] },
    { name: 'CloudFormation cluster', format: 'cloudformation', code: cl('      CopyTagsToSnapshot: false\n'), errors: [{ line: 6, column: 27 }], output: cl('      CopyTagsToSnapshot: true\n') },
  ],
});
