import { containersOf, field, pieceValue, type taskDefinition } from '../../../model/aws/ecs';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';
import { ACCESS_KEY_ID } from '../secrets/hardcoded-access-key';

type TaskDef = KindResource<typeof taskDefinition.fields>;

// Names that hold credentials. Security Hub's ECS.8 looks for the AWS key variables and ECS_ENGINE_AUTH_DATA; common
// application names (DB_PASSWORD, API_TOKEN, STRIPE_SECRET_KEY…) leak the same way.
const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY|AUTH_DATA|CREDENTIALS?)/i;
// Names that describe a secret rather than hold it.
const NOT_A_SECRET = /(_ARN|_NAME|_ID|_URL|_URI|_PATH|_FILE|_ENDPOINT|_HOST|_REGION|_LENGTH|_TTL|_EXPIRY|_TYPE|_HEADER)$/i;
const ALWAYS_SECRET = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'ECS_ENGINE_AUTH_DATA']);

/** True for a literal value that looks like a real credential rather than a reference or a placeholder. */
function literalSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return false;
  if (/^arn:/i.test(v)) return false;
  if (/^(true|false|none|null|changeme|placeholder|example|xxx+|\*+|<.*>|\$\{.*\}|\{\{.*\}\})$/i.test(v)) return false;
  return true;
}

export default defineRule({
  meta: {
    id: 'aws-ecs-environment-secrets',
    provider: 'aws',
    service: 'ecs',
    severity: 'high',
    title: 'ECS container passes a secret as a plain environment variable',
    explanation:
      'Environment values are stored in the task definition in clear text: anyone who can describe task definitions, read the template or its state, or inspect the container sees them. ECS can inject secrets from Secrets Manager or Parameter Store at start-up; using that instead of literals is your duty.',
    resolution: 'Store the value in Secrets Manager or SSM Parameter Store and reference it from the container definition\'s secrets list (name + valueFrom), granting the task execution role read access.',
    links: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-8'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_ecs_task_definition', 'AWS::ECS::TaskDefinition'] },
    controls: ['aws-fsbp:ECS.8'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource \"aws_ecs_task_definition\" \"app\" {\n  family                   = \"app\"\n  requires_compatibilities = [\"FARGATE\"]\n  network_mode             = \"awsvpc\"\n  cpu                      = 256\n  memory                   = 512\n  container_definitions = jsonencode([{\n    name                   = \"web\"\n    image                  = \"public.ecr.aws/nginx/nginx:1.27\"\n    essential              = true\n    environment            = [{ name = \"DB_PASSWORD\", value = \"hunter2-prod\" }]\n  }])\n}\n' }],
        good: [{ code: 'resource \"aws_ecs_task_definition\" \"app\" {\n  family                   = \"app\"\n  requires_compatibilities = [\"FARGATE\"]\n  network_mode             = \"awsvpc\"\n  cpu                      = 256\n  memory                   = 512\n  container_definitions = jsonencode([{\n    name                   = \"web\"\n    image                  = \"public.ecr.aws/nginx/nginx:1.27\"\n    essential              = true\n    secrets                = [{ name = \"DB_PASSWORD\", valueFrom = \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf\" }]\n  }])\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: public.ecr.aws/nginx/nginx:1.27\n          Environment:\n            - Name: API_TOKEN\n              Value: tok_live_51Hx9\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: public.ecr.aws/nginx/nginx:1.27\n          Environment:\n            - Name: LOG_LEVEL\n              Value: info\n          Secrets:\n            - Name: API_TOKEN\n              ValueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter/api-token\n' }],
      },
    },
  },
  check(ctx) {
    for (const td of ctx.resources<TaskDef>('aws.ecs.task-definition')) {
      for (const c of containersOf(td.f.containers) ?? []) {
        const env = field(c.obj, 'environment');
        if (env?.kind !== 'list') continue;
        for (const e of env.items) {
          const name = field(e, 'name');
          const value = field(e, 'value');
          if (name?.kind !== 'string' || value?.kind !== 'string') continue;
          const n = name.value;
          const secretName = ALWAYS_SECRET.has(n.toUpperCase()) || (SECRET_NAME.test(n) && !NOT_A_SECRET.test(n));
          if (!secretName || !literalSecret(value.value)) continue;
          if (ACCESS_KEY_ID.test(value.value)) continue; // aws-secrets-hardcoded-access-key reports key ids wherever they are
          const span = value.span ?? c.span;
          ctx.report({ resource: td, value: pieceValue(value), ...(span ? { span } : {}), message: `Container "${c.name}" sets ${n} as a plain environment variable: the value is readable by anyone who can read the task definition` });
        }
      }
    }
  },
});
