import { ruleTester } from '../../../../helpers/rule-tester';

const td = (extra: string) => `resource "aws_ecs_task_definition" "agent" {\n  family                = "agent"\n${extra}  container_definitions = jsonencode([{ name = "agent", image = "agent:1" }])\n}\n`;
const cfn = (extra: string) => `Resources:\n  Agent:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${extra}      ContainerDefinitions:\n        - Name: agent\n          Image: agent:1\n`;

ruleTester('aws-ecs-host-pid-mode', {
  valid: [
    { name: 'omitted', format: 'terraform', code: td('') },
    { format: 'terraform', code: td('  pid_mode              = "task"\n') },
    { name: 'unknown', format: 'terraform', code: td('  pid_mode              = var.pid\n'), files: { 'v.tf': 'variable "pid" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: cfn('      PidMode: task\n') },
  ],
  invalid: [
    { format: 'terraform', code: td('  pid_mode              = "host"\n'), errors: [{ line: 3, column: 27, message: /pid_mode is "host"/ }], output: td('  pid_mode              = "task"\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "pid" {\n  default = "host"\n}\n\n' + td('  pid_mode              = var.pid\n'), errors: [{ line: 7, column: 27, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('      PidMode: host\n'), errors: [{ line: 5, column: 16 }], output: cfn('      PidMode: task\n') },
  ],
});
