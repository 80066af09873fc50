import { containersOf, field, pieceValue, type taskDefinition } from '../../../model/aws/ecs';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type TaskDef = KindResource<typeof taskDefinition.fields>;

export default defineRule({
  meta: {
    id: 'aws-ecs-privileged',
    provider: 'aws',
    service: 'ecs',
    severity: 'high',
    title: 'ECS container runs in privileged mode',
    explanation:
      'A privileged container gets almost all capabilities of root on the host, so a compromise of the application becomes a compromise of the container instance and every task on it. AWS runs the ECS control plane; what each container may do on its host is defined by your task definition.',
    resolution: 'Remove privileged (or set it to false) in the container definition and grant only the specific Linux capabilities the container needs through linuxParameters.capabilities.',
    links: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4'],
    responsibility: { layer: 'runtime-platform', resourceTypes: ['aws_ecs_task_definition', 'AWS::ECS::TaskDefinition'] },
    controls: ['aws-fsbp:ECS.4'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource \"aws_ecs_task_definition\" \"app\" {\n  family                   = \"app\"\n  requires_compatibilities = [\"FARGATE\"]\n  network_mode             = \"awsvpc\"\n  cpu                      = 256\n  memory                   = 512\n  container_definitions = jsonencode([{\n    name                   = \"web\"\n    image                  = \"public.ecr.aws/nginx/nginx:1.27\"\n    essential              = true\n    privileged             = true\n  }])\n}\n' }],
        good: [{ code: 'resource \"aws_ecs_task_definition\" \"app\" {\n  family                   = \"app\"\n  requires_compatibilities = [\"FARGATE\"]\n  network_mode             = \"awsvpc\"\n  cpu                      = 256\n  memory                   = 512\n  container_definitions = jsonencode([{\n    name                   = \"web\"\n    image                  = \"public.ecr.aws/nginx/nginx:1.27\"\n    essential              = true\n    readonlyRootFilesystem = true\n  }])\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: public.ecr.aws/nginx/nginx:1.27\n          Privileged: true\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: public.ecr.aws/nginx/nginx:1.27\n' }],
      },
    },
  },
  check(ctx) {
    for (const td of ctx.resources<TaskDef>('aws.ecs.task-definition')) {
      for (const c of containersOf(td.f.containers) ?? []) {
        const p = field(c.obj, 'privileged');
        if (p?.kind !== 'bool' || !p.value) continue;
        const span = p.span ?? c.span;
        ctx.report({ resource: td, value: pieceValue(p), ...(span ? { span } : {}), message: `Container "${c.name}" runs privileged: it has root-level access to the host` });
      }
    }
  },
});
