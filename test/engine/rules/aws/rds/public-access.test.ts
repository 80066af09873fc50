import { ruleTester } from '../../../../helpers/rule-tester';

const db = (extra: string) => `resource "aws_db_instance" "db" {\n  engine         = "mysql"\n  instance_class = "db.t3.micro"\n${extra}}\n`;

ruleTester('aws-rds-public-access', {
  valid: [
    { name: 'omitted: provider default false', format: 'terraform', code: db('') },
    { format: 'terraform', code: db('  publicly_accessible = false\n') },
    { name: 'unknown', format: 'terraform', code: db('  publicly_accessible = var.pub\n'), files: { 'v.tf': 'variable "pub" {}\n' } },
    { name: 'CloudFormation omitted with a subnet group', format: 'cloudformation', code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      DBSubnetGroupName: private\n' },
  ],
  invalid: [
    { name: 'explicit true', format: 'terraform', code: db('  publicly_accessible = true\n'), errors: [{ line: 4, column: 25, severity: 'critical' }], output: db('  publicly_accessible = false\n') },
    { name: 'through a conditional', format: 'terraform', code: 'variable "env" {\n  default = "dev"\n}\n\n' + db('  publicly_accessible = var.env == "dev" ? true : false\n'), errors: [{ line: 8, column: 25 }] },
    {
      name: 'CloudFormation omitted without a subnet group',
      format: 'cloudformation',
      code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n',
      errors: [{ line: 2, severity: 'medium', message: /default VPC/ }],
      output: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      PubliclyAccessible: false\n',
    },
    { name: 'CloudFormation JSON explicit', format: 'cloudformation-json', code: '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "PubliclyAccessible": true\n      }\n    }\n  }\n}\n', errors: [{ line: 6, column: 31 }], output: '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "PubliclyAccessible": false\n      }\n    }\n  }\n}\n' },
  ],
});
