import { ruleTester } from '../../../../helpers/rule-tester';

const db = (extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n${extra}`;

ruleTester('aws-rds-auto-minor-upgrade', {
  valid: [
    { name: 'omitted: RDS upgrades', format: 'terraform', code: db('') },
    { format: 'terraform', code: db('  auto_minor_version_upgrade = true\n') },
    { name: 'unknown', format: 'terraform', code: db('  auto_minor_version_upgrade = var.u\n'), files: { 'v.tf': 'variable "u" {}\n' } },
    { format: 'cloudformation', code: cfn('') },
  ],
  invalid: [
    { format: 'terraform', code: db('  auto_minor_version_upgrade = false\n'), errors: [{ line: 4, column: 32, message: /false/ }], output: db('  auto_minor_version_upgrade = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "u" {\n  default = false\n}\n\n' + db('  auto_minor_version_upgrade = var.u\n'), errors: [{ line: 8, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      AutoMinorVersionUpgrade: false\n'), errors: [{ line: 6, column: 32 }], output: cfn('      AutoMinorVersionUpgrade: true\n') },
  ],
});
