import { ruleTester } from '../../../../helpers/rule-tester';

const svc = (net: string) => `resource "aws_ecs_service" "web" {\n  name            = "web"\n  task_definition = "web:1"\n\n  network_configuration {\n    subnets = ["subnet-1"]\n${net}  }\n}\n`;
const cfn = (v: string) => `Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: web:1\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [subnet-1]\n          AssignPublicIp: ${v}\n`;

ruleTester('aws-ecs-service-public-ip', {
  valid: [
    { name: 'omitted', format: 'terraform', code: svc('') },
    { format: 'terraform', code: svc('    assign_public_ip = false\n') },
    { name: 'unknown', format: 'terraform', code: svc('    assign_public_ip = var.pub\n'), files: { 'v.tf': 'variable "pub" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('DISABLED') },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: 'Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: web:1\n' },
  ],
  invalid: [
    { format: 'terraform', code: svc('    assign_public_ip = true\n'), errors: [{ line: 7, column: 24, message: /assign_public_ip is true/ }], output: svc('    assign_public_ip = false\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "pub" {\n  default = true\n}\n\n' + svc('    assign_public_ip = var.pub\n'), errors: [{ line: 11, column: 24, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('ENABLED'), errors: [{ line: 9, column: 27 }], output: cfn('DISABLED') },
  ],
});
