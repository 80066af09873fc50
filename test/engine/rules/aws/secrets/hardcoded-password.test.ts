import { ruleTester } from '../../../../helpers/rule-tester';

const db = (pw: string) => `resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n  username       = "app"\n  password       = ${pw}\n}\n`;
const cfn = (pw: string) => `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: app\n      MasterUserPassword: ${pw}\n`;

ruleTester('aws-secrets-hardcoded-password', {
  valid: [
    { name: 'managed by RDS', format: 'terraform', code: 'resource "aws_db_instance" "db" {\n  engine                      = "postgres"\n  instance_class              = "db.t3.micro"\n  username                    = "app"\n  manage_master_user_password = true\n}\n' },
    { name: 'generated', format: 'terraform', code: db('random_password.db.result') + 'resource "random_password" "db" {\n  length = 24\n}\n' },
    { name: 'unknown variable', format: 'terraform', code: 'variable "pw" {\n  type      = string\n  sensitive = true\n}\n\n' + db('var.pw') },
    { name: 'supplied through terraform.tfvars', format: 'terraform', code: 'variable "pw" {\n  type      = string\n  sensitive = true\n}\n\n' + db('var.pw'), files: { 'terraform.tfvars': 'pw = "from-tfvars-1234"\n' } },
    { name: 'placeholder', format: 'terraform', code: db('"CHANGE_ME"') },
    { name: 'empty', format: 'terraform', code: db('""') },
    { name: 'Lambda environment is left to aws-lambda-environment-secrets', format: 'terraform', code: 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  role          = "arn:aws:iam::111122223333:role/f"\n  environment {\n    variables = {\n      DB_PASSWORD = "hunter2-prod"\n    }\n  }\n}\n' },
    { name: 'dynamic reference', format: 'cloudformation', code: cfn('"{{resolve:secretsmanager:prod/db:SecretString:password}}"') },
    { name: 'parameter without default', format: 'cloudformation', code: 'Parameters:\n  Pw:\n    Type: String\n    NoEcho: true\n' + cfn('!Ref Pw') },
  ],
  invalid: [
    { format: 'terraform', code: db('"Sup3r-S3cret!"'), errors: [{ line: 5, column: 20, message: /password of aws_db_instance\.db is a literal password/, severity: 'high' }], output: null },
    { name: 'from a variable default', format: 'terraform', code: 'variable "pw" {\n  default = "Sup3r-S3cret!"\n}\n\n' + db('var.pw'), errors: [{ line: 9, column: 20, relatedLines: [2] }] },
    { name: 'ElastiCache AUTH token', format: 'terraform', code: 'resource "aws_elasticache_replication_group" "c" {\n  replication_group_id       = "c"\n  description                = "c"\n  transit_encryption_enabled = true\n  auth_token                 = "a-very-long-auth-token-1234"\n}\n', errors: [{ line: 5, column: 32, message: /auth_token/ }] },
    { format: 'cloudformation', code: cfn('Sup3r-S3cret!'), errors: [{ line: 7, column: 27, message: /MasterUserPassword of Db/ }] },
    {
      name: 'CloudFormation parameter default',
      format: 'cloudformation',
      code: 'Parameters:\n  Pw:\n    Type: String\n    NoEcho: true\n    Default: Sup3r-S3cret!\n' + cfn('!Ref Pw'),
      errors: [{ line: 12, relatedLines: [5] }],
    },
  ],
});
