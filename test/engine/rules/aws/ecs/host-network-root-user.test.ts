import { ruleTester } from '../../../../helpers/rule-tester';

const td = (mode: string, defs: string) => `resource "aws_ecs_task_definition" "agent" {\n  family                = "agent"\n${mode}  container_definitions = ${defs}\n}\n`;
const host = '  network_mode          = "host"\n';
const cfn = (mode: string, extra: string) => `Resources:\n  Agent:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${mode}      ContainerDefinitions:\n        - Name: agent\n          Image: agent:1\n${extra}`;
const cfnHost = '      NetworkMode: host\n';

ruleTester('aws-ecs-host-network-root-user', {
  valid: [
    { name: 'non-root user', format: 'terraform', code: td(host, 'jsonencode([{ name = "agent", image = "agent:1", user = "1000:1000" }])') },
    { name: 'user named like root but not root', format: 'terraform', code: td(host, 'jsonencode([{ name = "agent", image = "agent:1", user = "rooted" }])') },
    { name: 'explicitly privileged: the control passes it', format: 'terraform', code: td(host, 'jsonencode([{ name = "agent", image = "agent:1", privileged = true }])') },
    { name: 'awsvpc mode', format: 'terraform', code: td('  network_mode          = "awsvpc"\n', 'jsonencode([{ name = "agent", image = "agent:1" }])') },
    { name: 'network mode omitted', format: 'terraform', code: td('', 'jsonencode([{ name = "agent", image = "agent:1", user = "root" }])') },
    { name: 'unknown network mode', format: 'terraform', code: td('  network_mode          = var.mode\n', 'jsonencode([{ name = "agent", image = "agent:1" }])'), files: { 'v.tf': 'variable "mode" {\n  type = string\n}\n' } },
    { name: 'unknown user', format: 'terraform', code: td(host, 'jsonencode([{ name = "agent", image = "agent:1", user = var.user }])'), files: { 'v.tf': 'variable "user" {\n  type = string\n}\n' } },
    { name: 'unknown privileged', format: 'terraform', code: td(host, 'jsonencode([{ name = "agent", image = "agent:1", privileged = var.priv }])'), files: { 'v.tf': 'variable "priv" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn(cfnHost, '          User: "1000"\n') },
    { name: 'CloudFormation parameter without default', format: 'cloudformation', code: 'Parameters:\n  Mode:\n    Type: String\n' + cfn('      NetworkMode: !Ref Mode\n', '') },
  ],
  invalid: [
    {
      name: 'user omitted',
      format: 'terraform',
      code: td(host, 'jsonencode([{ name = "agent", image = "agent:1" }])'),
      errors: [{ line: 4, column: 39, message: /Container "agent" sets no user with network_mode "host"/ }],
      output: null,
    },
    { name: 'user root', format: 'terraform', code: td(host, 'jsonencode([{ name = "agent", image = "agent:1", user = "root" }])'), errors: [{ line: 4, column: 83, message: /runs as root \(user "root"\)/ }] },
    { name: 'UID 0 with a group', format: 'terraform', code: td(host, 'jsonencode([{ name = "agent", image = "agent:1", user = "0:1000" }])'), errors: [{ line: 4, column: 83, message: /user "0:1000"/ }] },
    { name: 'privileged false does not excuse root', format: 'terraform', code: td(host, 'jsonencode([{ name = "agent", image = "agent:1", privileged = false }])'), errors: [{ line: 4, column: 39 }] },
    {
      name: 'only the root container of several',
      format: 'terraform',
      code: td(host, 'jsonencode([{ name = "agent", image = "agent:1", user = "1000" }, { name = "helper", image = "h:1" }])'),
      errors: [{ line: 4, column: 93, message: /"helper"/ }],
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "user" {\n  default = "root"\n}\n\n' + td(host, 'jsonencode([{ name = "agent", image = "agent:1", user = var.user }])'), errors: [{ line: 8, column: 83, relatedLines: [2] }] },
    { name: 'heredoc JSON: reported on the string', format: 'terraform', code: td(host, '<<EOF\n[{"name": "agent", "image": "agent:1", "user": "0"}]\nEOF'), errors: [{ line: 4, column: 27, message: /user "0"/ }] },
    { name: 'CloudFormation user omitted', format: 'cloudformation', code: cfn(cfnHost, ''), errors: [{ line: 7, column: 11, message: /sets no user with NetworkMode "host"/ }], output: null },
    { name: 'CloudFormation root', format: 'cloudformation', code: cfn(cfnHost, '          User: root\n'), errors: [{ line: 9, column: 17, message: /runs as root/ }] },
  ],
});
