import { taskDefinition } from '../../../model/aws/ecs';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-ecs-host-pid-mode',
    provider: 'aws',
    service: 'ecs',
    severity: 'high',
    title: 'ECS task shares the host\'s process namespace',
    explanation:
      'With pid_mode "host" the containers see every process on the container instance and, with enough privileges, can signal or inspect them, which breaks the isolation between tasks. ECS sets up namespaces as the task definition says; the choice is yours.',
    resolution: 'Remove pid_mode = "host" (CloudFormation: PidMode: host), or use "task" when containers of the same task must see each other\'s processes.',
    links: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3'],
    responsibility: { layer: 'runtime-platform', resourceTypes: ['aws_ecs_task_definition', 'AWS::ECS::TaskDefinition'] },
    controls: ['aws-fsbp:ECS.3'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_ecs_task_definition" "agent" {\n  family                = "agent"\n  pid_mode              = "host"\n  container_definitions = jsonencode([{ name = "agent", image = "agent:1", readonlyRootFilesystem = true }])\n}\n' }],
        good: [{ code: 'resource "aws_ecs_task_definition" "agent" {\n  family                = "agent"\n  pid_mode              = "task"\n  container_definitions = jsonencode([{ name = "agent", image = "agent:1", readonlyRootFilesystem = true }])\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Agent:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      PidMode: host\n      ContainerDefinitions:\n        - Name: agent\n          Image: agent:1\n          ReadonlyRootFilesystem: true\n' }],
        good: [{ code: 'Resources:\n  Agent:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: agent\n          Image: agent:1\n          ReadonlyRootFilesystem: true\n' }],
      },
    },
  },
  kind: taskDefinition,
  field: 'pidMode',
  insecure: (v) => v.toLowerCase() === 'host',
  fix: 'task',
  consequence: 'containers can see and signal every process on the host',
});
