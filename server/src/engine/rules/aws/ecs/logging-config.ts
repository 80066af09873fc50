import { containersOf, field, pieceValue, type taskDefinition } from '../../../model/aws/ecs';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type TaskDef = KindResource<typeof taskDefinition.fields>;

export default defineRule({
  meta: {
    id: 'aws-ecs-logging-config',
    provider: 'aws',
    service: 'ecs',
    // Security Hub rates ECS.9 high; like the other workload logging rules here (Container Insights, EKS audit logs,
    // RDS log exports) a missing log destination is rated medium: it hides an attack rather than enabling one.
    severity: 'medium',
    title: 'ECS container has no log configuration',
    explanation:
      'A container without a log configuration sends its output nowhere durable: on Fargate it is discarded, on EC2 it stays in the Docker log files of one container instance until the task is gone. Errors, crashes and traces of an intrusion are then lost. ECS ships container output to CloudWatch Logs, FireLens or another driver only when the container definition names one.',
    resolution: 'Add a logConfiguration to every container definition (CloudFormation: LogConfiguration), for example logDriver "awslogs" with the awslogs-group, awslogs-region and awslogs-stream-prefix options, and give the task execution role permission to write to the log group.',
    links: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-9'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_ecs_task_definition', 'AWS::ECS::TaskDefinition'] },
    controls: ['aws-fsbp:ECS.9'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_ecs_task_definition" "app" {\n  family                   = "app"\n  requires_compatibilities = ["FARGATE"]\n  network_mode             = "awsvpc"\n  cpu                      = 256\n  memory                   = 512\n  container_definitions = jsonencode([{\n    name      = "web"\n    image     = "public.ecr.aws/nginx/nginx:1.27"\n    essential = true\n  }])\n}\n', note: 'omitted: output is not collected' }],
        good: [{ code: 'resource "aws_ecs_task_definition" "app" {\n  family                   = "app"\n  requires_compatibilities = ["FARGATE"]\n  network_mode             = "awsvpc"\n  cpu                      = 256\n  memory                   = 512\n  container_definitions = jsonencode([{\n    name      = "web"\n    image     = "public.ecr.aws/nginx/nginx:1.27"\n    essential = true\n    logConfiguration = {\n      logDriver = "awslogs"\n      options = {\n        awslogs-group         = "/ecs/app"\n        awslogs-region        = "eu-west-1"\n        awslogs-stream-prefix = "web"\n      }\n    }\n  }])\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: public.ecr.aws/nginx/nginx:1.27\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: public.ecr.aws/nginx/nginx:1.27\n          LogConfiguration:\n            LogDriver: awslogs\n            Options:\n              awslogs-group: /ecs/app\n              awslogs-region: eu-west-1\n              awslogs-stream-prefix: web\n' }],
      },
    },
  },
  check(ctx) {
    for (const td of ctx.resources<TaskDef>('aws.ecs.task-definition')) {
      for (const c of containersOf(td.f.containers) ?? []) {
        const lc = field(c.obj, 'logConfiguration');
        if (lc && lc.kind !== 'null') {
          if (lc.kind !== 'object') continue; // unknown or not a literal: cannot judge
          // ECS refuses a log configuration without a driver, so an empty one is as good as none.
          const driver = field(lc, 'logDriver');
          if (driver && driver.kind !== 'null' && (driver.kind !== 'string' || driver.value.trim() !== '')) continue;
          const span = driver?.span ?? lc.span ?? c.span;
          ctx.report({ resource: td, value: pieceValue(driver ?? lc), ...(span ? { span } : {}), message: `Container "${c.name}" has a logConfiguration without a logDriver: its output is not sent to any log destination` });
          continue;
        }
        const span = lc?.span ?? c.span;
        ctx.report({
          resource: td,
          value: lc ? pieceValue(lc) : td.f.containers,
          ...(span ? { span } : {}),
          message: `Container "${c.name}" has no logConfiguration: its output is not sent to any log destination`,
        });
      }
    }
  },
});
