import type { Val } from '../../../evaluate/value';
import { containersOf, field, pieceValue, type taskDefinition } from '../../../model/aws/ecs';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type TaskDef = KindResource<typeof taskDefinition.fields>;

/** A container setting read as a boolean (JSON true, or the strings CloudFormation allows); undefined when not a literal. */
function boolOf(v: Val): boolean | undefined {
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'string' && /^(true|false)$/i.test(v.value.trim())) return v.value.trim().toLowerCase() === 'true';
  return undefined;
}

// Docker's user field is "name", "uid", "name:group" or "uid:gid"; root is the name root or UID 0 with any group.
const ROOT_USER = /^(root|0+)(:.*)?$/;

export default defineRule({
  meta: {
    id: 'aws-ecs-host-network-root-user',
    provider: 'aws',
    service: 'ecs',
    severity: 'high',
    title: 'ECS container with host networking runs as root',
    explanation:
      'With network mode "host" a container shares the network stack of its container instance: it can reach the instance metadata service and the instance role\'s credentials, listen on any host port, and as root capture or spoof the network traffic of other tasks on the host through raw sockets. Security Hub (ECS.1) fails such a task definition when a container is not explicitly privileged and its user is root or not set; an unset user means the image\'s default, which is root for most images. Which user a container runs as is your task definition\'s choice.',
    resolution: 'Set user to a non-root UID (for example "1000" or "1000:1000"; CloudFormation: User) in every container of a host-mode task definition, or use network mode "awsvpc" or "bridge" so the task gets its own network namespace.',
    links: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-1'],
    responsibility: { layer: 'runtime-platform', resourceTypes: ['aws_ecs_task_definition', 'AWS::ECS::TaskDefinition'] },
    controls: ['aws-fsbp:ECS.1'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_ecs_task_definition" "agent" {\n  family                   = "agent"\n  requires_compatibilities = ["EC2"]\n  network_mode             = "host"\n  container_definitions = jsonencode([{\n    name   = "agent"\n    image  = "public.ecr.aws/example/agent:1.0"\n    memory = 256\n  }])\n}\n', note: 'user omitted: the image default, usually root' }],
        good: [{ code: 'resource "aws_ecs_task_definition" "agent" {\n  family                   = "agent"\n  requires_compatibilities = ["EC2"]\n  network_mode             = "host"\n  container_definitions = jsonencode([{\n    name   = "agent"\n    image  = "public.ecr.aws/example/agent:1.0"\n    memory = 256\n    user   = "1000:1000"\n  }])\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Agent:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: host\n      ContainerDefinitions:\n        - Name: agent\n          Image: public.ecr.aws/example/agent:1.0\n          Memory: 256\n          User: root\n' }],
        good: [{ code: 'Resources:\n  Agent:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: host\n      ContainerDefinitions:\n        - Name: agent\n          Image: public.ecr.aws/example/agent:1.0\n          Memory: 256\n          User: "1000"\n' }],
      },
    },
  },
  check(ctx) {
    for (const td of ctx.resources<TaskDef>('aws.ecs.task-definition')) {
      const mode = td.f.networkMode;
      if (mode.origin === 'unknown' || mode.value?.toLowerCase() !== 'host') continue;
      const modeName = td.source.format === 'terraform' ? 'network_mode' : 'NetworkMode';
      for (const c of containersOf(td.f.containers) ?? []) {
        // The control passes a container that is explicitly privileged: that is a deliberate choice, and
        // aws-ecs-privileged reports it on its own.
        const p = field(c.obj, 'privileged');
        if (p && p.kind !== 'null') {
          const priv = boolOf(p);
          if (priv === undefined || priv) continue;
        }
        const u = field(c.obj, 'user');
        const user = u?.kind === 'string' || u?.kind === 'number' ? String(u.value).trim() : undefined;
        if (u && u.kind !== 'null' && user !== '') {
          if (user === undefined) continue; // unknown: cannot judge
          if (!ROOT_USER.test(user)) continue;
          const span = u.span ?? c.span;
          ctx.report({ resource: td, value: pieceValue(u), ...(span ? { span } : {}), message: `Container "${c.name}" runs as root (user "${user}") with ${modeName} "host": it shares the host's network stack with full privileges` });
          continue;
        }
        const span = c.span;
        ctx.report({
          resource: td,
          value: mode,
          ...(span ? { span } : {}),
          message: `Container "${c.name}" sets no user with ${modeName} "host": it runs as the image's default user, root for most images, in the host's network stack`,
        });
      }
    }
  },
});
