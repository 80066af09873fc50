import { ruleTester } from '../../../../helpers/rule-tester';

const db = (extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n${extra}`;

ruleTester('aws-rds-multi-az', {
  valid: [
    { format: 'terraform', code: db('  multi_az = true\n') },
    { name: 'Aurora member', format: 'terraform', code: db('  cluster_identifier = "c1"\n') },
    { name: 'unknown', format: 'terraform', code: db('  multi_az = var.ha\n'), files: { 'v.tf': 'variable "ha" {}\n' } },
    { format: 'cloudformation', code: cfn('      MultiAZ: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: db(''), errors: [{ line: 1, message: /multi_az is not set/ }], output: db('  multi_az = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "ha" {\n  default = false\n}\n\n' + db('  multi_az = var.ha\n'), errors: [{ line: 8, column: 14, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      MultiAZ: false\n'), errors: [{ line: 6, column: 16 }], output: cfn('      MultiAZ: true\n') },
  ],
});
