import { ruleTester } from '../../../../helpers/rule-tester';

const td = (defs: string) => `resource "aws_ecs_task_definition" "app" {\n  family                = "app"\n  container_definitions = ${defs}\n}\n`;
const cfn = (extra: string) => `Resources:\n  App:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx\n${extra}`;

ruleTester('aws-ecs-readonly-root-filesystem', {
  valid: [
    { format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx", readonlyRootFilesystem = true }])') },
    { name: 'unknown', format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx", readonlyRootFilesystem = var.ro }])'), files: { 'v.tf': 'variable "ro" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('          ReadonlyRootFilesystem: true\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx" }])'), errors: [{ line: 3, column: 39, message: /"web" does not set readonlyRootFilesystem/ }], output: null },
    { name: 'explicit false', format: 'terraform', code: td('jsonencode([{ name = "web", image = "nginx", readonlyRootFilesystem = false }])'), errors: [{ line: 3, column: 97, message: /readonlyRootFilesystem false/ }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "ro" {\n  default = false\n}\n\n' + td('jsonencode([{ name = "web", image = "nginx", readonlyRootFilesystem = var.ro }])'), errors: [{ line: 7, column: 97, relatedLines: [2] }] },
    { name: 'heredoc', format: 'terraform', code: td('<<EOF\n[{"name": "web", "image": "nginx"}]\nEOF'), errors: [{ line: 3 }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 6, column: 11 }] },
  ],
});
