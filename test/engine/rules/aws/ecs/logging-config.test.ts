import { ruleTester } from '../../../../helpers/rule-tester';

const td = (defs: string) => `resource "aws_ecs_task_definition" "app" {\n  family                = "app"\n  container_definitions = ${defs}\n}\n`;
const cfn = (extra: string) => `Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx\n${extra}`;
const awslogs = 'logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/app" } }';

ruleTester('aws-ecs-logging-config', {
  valid: [
    { format: 'terraform', code: td(`jsonencode([{ name = "web", image = "nginx", ${awslogs} }])`) },
    { name: 'unknown configuration', format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx", logConfiguration = var.logs }])'), files: { 'v.tf': 'variable "logs" {\n  type = any\n}\n' } },
    { name: 'unknown driver', format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx", logConfiguration = { logDriver = var.driver } }])'), files: { 'v.tf': 'variable "driver" {\n  type = string\n}\n' } },
    { name: 'definitions from a file we cannot read', format: 'terraform', code: td('var.defs'), files: { 'v.tf': 'variable "defs" {\n  type = string\n}\n' } },
    { name: 'heredoc JSON', format: 'terraform', code: td('<<EOF\n[{"name": "web", "image": "nginx", "logConfiguration": {"logDriver": "awslogs"}}]\nEOF') },
    { format: 'cloudformation', code: cfn('          LogConfiguration:\n            LogDriver: awslogs\n') },
    {
      name: 'CloudFormation parameter without default',
      format: 'cloudformation',
      code: 'Parameters:\n  Driver:\n    Type: String\nResources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx\n          LogConfiguration:\n            LogDriver: !Ref Driver\n',
    },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx" }])'), errors: [{ line: 3, column: 39, message: /Container "web" has no logConfiguration/ }], output: null },
    {
      name: 'only the container without one',
      format: 'terraform',
      code: td(`jsonencode([{ name = "web", image = "nginx", ${awslogs} }, { name = "sidecar", image = "envoy" }])`),
      errors: [{ line: 3, column: 162, message: /"sidecar"/ }],
    },
    { name: 'explicit null', format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx", logConfiguration = null }])'), errors: [{ line: 3, column: 91, message: /has no logConfiguration/ }] },
    { name: 'no driver', format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx", logConfiguration = { options = {} } }])'), errors: [{ line: 3, column: 91, message: /without a logDriver/ }] },
    { name: 'heredoc: reported on the string', format: 'terraform', code: td('<<EOF\n[{"name": "web", "image": "nginx"}]\nEOF'), errors: [{ line: 3, column: 27, message: /"web"/ }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 6, column: 11, message: /"web" has no logConfiguration/ }], output: null },
    { name: 'CloudFormation without a driver', format: 'cloudformation', code: cfn('          LogConfiguration:\n            Options:\n              awslogs-group: /ecs/app\n'), errors: [{ line: 9, column: 13, message: /without a logDriver/ }] },
  ],
});
