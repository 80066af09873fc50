import { ruleTester } from '../../../../helpers/rule-tester';

const KEY_ID = 'AKIA2E0A8F3B244C9986';
const SECRET = '7CE556A3BC234CC1FF9E8A5C324C0BB70AA21B6D';

ruleTester('aws-secrets-hardcoded-access-key', {
  valid: [
    { name: 'profile', format: 'terraform', code: 'provider "aws" {\n  region  = "eu-west-1"\n  profile = "deploy"\n}\n' },
    { name: 'AWS documented example key', format: 'terraform', code: 'provider "aws" {\n  access_key = "AKIAIOSFODNN7EXAMPLE"\n  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n}\n' },
    { name: 'unknown variables', format: 'terraform', code: 'variable "ak" {\n  type = string\n}\n\nvariable "sk" {\n  type = string\n}\n\nprovider "aws" {\n  access_key = var.ak\n  secret_key = var.sk\n}\n' },
    { name: 'variable default never used', format: 'terraform', code: `variable "unused" {\n  default = "${KEY_ID}"\n}\n\nprovider "aws" {\n  region = "eu-west-1"\n}\n` },
    { name: 'user data is left to aws-ec2-user-data-secrets', format: 'terraform', code: `resource "aws_instance" "web" {\n  ami       = "ami-1"\n  user_data = "export AWS_ACCESS_KEY_ID=${KEY_ID}"\n}\n` },
    { name: 'a 40-character value alone is not a secret key', format: 'terraform', code: `resource "aws_ssm_parameter" "p" {\n  name  = "/x"\n  type  = "String"\n  value = "${SECRET}"\n}\n` },
    { name: 'parameter without default', format: 'cloudformation', code: 'Parameters:\n  Key:\n    Type: String\n    NoEcho: true\nResources:\n  P:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Type: String\n      Value: !Ref Key\n' },
  ],
  invalid: [
    {
      name: 'provider block',
      format: 'terraform',
      code: `provider "aws" {\n  region     = "eu-west-1"\n  access_key = "${KEY_ID}"\n  secret_key = "${SECRET}"\n}\n`,
      errors: [
        { line: 3, column: 16, message: /access_key of provider "aws" contains an AWS access key id \(AKIA2E0A…\)/, severity: 'critical' },
        { line: 4, column: 16, message: /secret_key of provider "aws" contains an AWS secret access key/ },
      ],
      output: null,
    },
    {
      name: 'from a variable default, at the use site',
      format: 'terraform',
      code: `variable "ak" {\n  default = "${KEY_ID}"\n}\n\nprovider "aws" {\n  access_key = var.ak\n}\n`,
      errors: [{ line: 6, column: 16, relatedLines: [2] }],
    },
    {
      name: 'secret key written in a script',
      format: 'terraform',
      code: `resource "aws_ssm_document" "d" {\n  name          = "setup"\n  document_type = "Command"\n  content       = "aws configure set aws_secret_access_key ${SECRET}"\n}\n`,
      errors: [{ line: 4, message: /secret access key/ }],
    },
    {
      name: 'key id and secret side by side in an object',
      format: 'terraform',
      code: `resource "aws_secretsmanager_secret_version" "v" {\n  secret_id     = "ci"\n  secret_string = jsonencode({ id = "${KEY_ID}", key = "${SECRET}" })\n}\n`,
      errors: [{ line: 3, column: 37 }, { line: 3, column: 67 }],
    },
    {
      format: 'cloudformation',
      code: `Resources:\n  DeployKey:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Type: String\n      Value: ${KEY_ID}\n`,
      errors: [{ line: 6, column: 14 }],
    },
    {
      name: 'CloudFormation parameter default',
      format: 'cloudformation',
      code: `Parameters:\n  Key:\n    Type: String\n    Default: ${KEY_ID}\nResources:\n  P:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Type: String\n      Value: !Ref Key\n`,
      errors: [{ line: 10, relatedLines: [4] }],
    },
  ],
});
