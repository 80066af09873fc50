import { DesignationIndex } from '../../../adapt/context';
import type { rotation, secret } from '../../../model/aws/secretsmanager';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Secret = KindResource<typeof secret.fields>;
type Rotation = KindResource<typeof rotation.fields>;

export default defineRule({
  meta: {
    id: 'aws-secretsmanager-rotation',
    provider: 'aws',
    service: 'secretsmanager',
    severity: 'medium',
    title: 'Secrets Manager secret has no automatic rotation',
    explanation:
      'A secret that is never rotated stays valid for as long as it exists, so a copy leaked through a log, a laptop or a former employee keeps working. Secrets Manager orchestrates rotation; scheduling it and providing a working rotation function is your duty.',
    resolution: 'Add an aws_secretsmanager_secret_rotation (CloudFormation: AWS::SecretsManager::RotationSchedule) for the secret with a rotation Lambda (or a hosted rotation function) and rotation_rules, e.g. automatically_after_days = 30.',
    links: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-1'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_secretsmanager_secret', 'aws_secretsmanager_secret_rotation', 'AWS::SecretsManager::Secret', 'AWS::SecretsManager::RotationSchedule'] },
    controls: ['aws-fsbp:SecretsManager.1'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_secretsmanager_secret" "db" {\n  name = "prod/db"\n}\n' }],
        good: [
          {
            code: 'resource "aws_secretsmanager_secret" "db" {\n  name = "prod/db"\n}\n\nresource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = aws_secretsmanager_secret.db.id\n  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate-db"\n\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Name: prod/db\n' }],
        good: [
          {
            code: 'Resources:\n  Db:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Name: prod/db\n  DbRotation:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId: !Ref Db\n      RotationLambdaARN: arn:aws:lambda:eu-west-1:111122223333:function:rotate-db\n      RotationRules:\n        AutomaticallyAfterDays: 30\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    const rotations = ctx.resources<Rotation>('aws.secretsmanager.rotation');
    // A rotation whose target we cannot see might be for any secret: stay silent rather than guess.
    if (rotations.some((r) => r.f.secretId.origin === 'unknown' && !(r.f.secretId.refs ?? r.f.secretId.val?.refs ?? []).length)) return;
    const bySecret = new DesignationIndex(rotations, (r) => r.f.secretId.val);
    for (const s of ctx.resources<Secret>('aws.secretsmanager.secret')) {
      const name = s.f.name.origin !== 'unknown' ? s.f.name.value : undefined;
      const rotated = bySecret.has(s.source, name);
      if (rotated) continue;
      const companion = s.source.format === 'terraform' ? 'aws_secretsmanager_secret_rotation' : 'AWS::SecretsManager::RotationSchedule';
      ctx.report({ resource: s, message: `No ${companion} targets this secret: its value is never rotated automatically` });
    }
  },
});
