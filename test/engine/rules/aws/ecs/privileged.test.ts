import { ruleTester } from '../../../../helpers/rule-tester';

const td = (defs: string) => `resource "aws_ecs_task_definition" "app" {\n  family                = "app"\n  container_definitions = ${defs}\n}\n`;
const cfn = (extra: string) => `Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx\n${extra}`;

ruleTester('aws-ecs-privileged', {
  valid: [
    { format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx", privileged = false }])') },
    { name: 'omitted', format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx" }])') },
    { name: 'unknown', format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx", privileged = var.p }])'), files: { 'v.tf': 'variable "p" {\n  type = bool\n}\n' } },
    { name: 'definitions from a file we cannot read', format: 'terraform', code: td('var.defs'), files: { 'v.tf': 'variable "defs" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: cfn('          Privileged: false\n') },
  ],
  invalid: [
    { format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx" }, { name = "agent", image = "dd", privileged = true }])'), errors: [{ line: 3, column: 119, message: /Container "agent" runs privileged/ }], output: null },
    {
      name: 'heredoc JSON: reported on the string',
      format: 'terraform',
      code: td('<<EOF\n[{"name": "web", "image": "nginx", "privileged": true}]\nEOF'),
      errors: [{ line: 3, column: 27, message: /"web"/ }],
    },
    {
      name: 'from a local',
      format: 'terraform',
      code: 'locals {\n  priv = true\n}\n\n' + td('jsonencode([{ name = "web", image = "nginx", privileged = local.priv }])'),
      errors: [{ line: 7, column: 85, relatedLines: [2] }],
    },
    { format: 'cloudformation', code: cfn('          Privileged: true\n'), errors: [{ line: 8, column: 23, message: /"web"/ }] },
  ],
});
