// Secrets Manager secrets and their rotation schedules.
import { defineKind } from '../kind';

export const secret = defineKind({
  kind: 'aws.secretsmanager.secret',
  terraform: ['aws_secretsmanager_secret'],
  cloudformation: ['AWS::SecretsManager::Secret'],
  fields: {
    name: { type: 'string', terraform: ['name'], cloudformation: ['Name'] },
    kmsKeyId: { type: 'string', terraform: ['kms_key_id'], cloudformation: ['KmsKeyId'] },
  },
});

export const rotation = defineKind({
  kind: 'aws.secretsmanager.rotation',
  terraform: ['aws_secretsmanager_secret_rotation'],
  cloudformation: ['AWS::SecretsManager::RotationSchedule'],
  fields: {
    secretId: { type: 'raw', terraform: ['secret_id'], cloudformation: ['SecretId'] },
    lambdaArn: { type: 'raw', terraform: ['rotation_lambda_arn'], cloudformation: ['RotationLambdaARN'] },
    hostedLambda: { type: 'raw', cloudformation: ['HostedRotationLambda'] },
    afterDays: { type: 'number', terraform: ['rotation_rules', 'automatically_after_days'], cloudformation: ['RotationRules', 'AutomaticallyAfterDays'] },
    schedule: { type: 'string', terraform: ['rotation_rules', 'schedule_expression'], cloudformation: ['RotationRules', 'ScheduleExpression'] },
  },
});
