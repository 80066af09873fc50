import { ruleTester } from '../../../../helpers/rule-tester';

const secret = 'resource "aws_secretsmanager_secret" "db" {\n  name = "prod/db"\n}\n';
const rotation = (id: string) => `\nresource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = ${id}\n  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"\n\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}\n`;

ruleTester('aws-secretsmanager-rotation', {
  valid: [
    { name: 'rotation by reference', format: 'terraform', code: secret + rotation('aws_secretsmanager_secret.db.id') },
    { name: 'rotation by name', format: 'terraform', code: secret + rotation('"prod/db"') },
    { name: 'a rotation we cannot attribute', format: 'terraform', code: secret + rotation('var.secret'), files: { 'v.tf': 'variable "secret" {\n  type = string\n}\n' } },
    {
      format: 'cloudformation',
      code: 'Resources:\n  Db:\n    Type: AWS::SecretsManager::Secret\n  DbRotation:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId: !Ref Db\n      HostedRotationLambda:\n        RotationType: PostgreSQLSingleUser\n      RotationRules:\n        AutomaticallyAfterDays: 30\n',
    },
  ],
  invalid: [
    { format: 'terraform', code: secret, errors: [{ line: 1, column: 1, message: /No aws_secretsmanager_secret_rotation targets this secret/ }], output: null },
    {
      name: 'the rotation is for another secret',
      format: 'terraform',
      code: secret + 'resource "aws_secretsmanager_secret" "api" {\n  name = "prod/api"\n}\n' + rotation('aws_secretsmanager_secret.api.id'),
      errors: [{ line: 1 }],
    },
    {
      format: 'cloudformation',
      code: 'Resources:\n  Db:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Name: prod/db\n',
      errors: [{ line: 2, message: /No AWS::SecretsManager::RotationSchedule/ }],
    },
  ],
});
