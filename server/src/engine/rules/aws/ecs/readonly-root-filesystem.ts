import { containersOf, field, pieceValue, type taskDefinition } from '../../../model/aws/ecs';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type TaskDef = KindResource<typeof taskDefinition.fields>;

export default defineRule({
  meta: {
    id: 'aws-ecs-readonly-root-filesystem',
    provider: 'aws',
    service: 'ecs',
    severity: 'medium',
    title: 'ECS container can write to its root filesystem',
    explanation:
      'A writable root filesystem lets an attacker who gets code execution in the container drop tools, modify binaries or persist changes for the life of the task. ECS enforces a read-only root filesystem when the task definition asks for it; asking is your part, with writable volumes only where the application needs them.',
    resolution: 'Set readonlyRootFilesystem = true in each container definition (CloudFormation: ReadonlyRootFilesystem: true) and mount volumes for paths the application writes to.',
    links: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_storage', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-5'],
    responsibility: { layer: 'runtime-platform', resourceTypes: ['aws_ecs_task_definition', 'AWS::ECS::TaskDefinition'] },
    controls: ['aws-fsbp:ECS.5'],
    equivalents: { checkov: ['CKV_AWS_336'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource \"aws_ecs_task_definition\" \"app\" {\n  family                   = \"app\"\n  requires_compatibilities = [\"FARGATE\"]\n  network_mode             = \"awsvpc\"\n  cpu                      = 256\n  memory                   = 512\n  container_definitions = jsonencode([{\n    name                   = \"web\"\n    image                  = \"public.ecr.aws/nginx/nginx:1.27\"\n    essential              = true\n  }])\n}\n', note: 'omitted: writable' }],
        good: [{ code: 'resource \"aws_ecs_task_definition\" \"app\" {\n  family                   = \"app\"\n  requires_compatibilities = [\"FARGATE\"]\n  network_mode             = \"awsvpc\"\n  cpu                      = 256\n  memory                   = 512\n  container_definitions = jsonencode([{\n    name                   = \"web\"\n    image                  = \"public.ecr.aws/nginx/nginx:1.27\"\n    essential              = true\n    readonlyRootFilesystem = true\n  }])\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: public.ecr.aws/nginx/nginx:1.27\n          ReadonlyRootFilesystem: false\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: public.ecr.aws/nginx/nginx:1.27\n          ReadonlyRootFilesystem: true\n' }],
      },
    },
  },
  check(ctx) {
    for (const td of ctx.resources<TaskDef>('aws.ecs.task-definition')) {
      for (const c of containersOf(td.f.containers) ?? []) {
        const ro = field(c.obj, 'readonlyRootFilesystem');
        if (ro && ro.kind !== 'bool') continue; // unknown or not a literal: cannot judge
        if (ro?.value === true) continue;
        const span = ro?.span ?? c.span;
        ctx.report({
          resource: td,
          value: ro ? pieceValue(ro) : td.f.containers,
          ...(span ? { span } : {}),
          message: ro ? `Container "${c.name}" has readonlyRootFilesystem false: its root filesystem is writable` : `Container "${c.name}" does not set readonlyRootFilesystem: its root filesystem is writable`,
        });
      }
    }
  },
});
