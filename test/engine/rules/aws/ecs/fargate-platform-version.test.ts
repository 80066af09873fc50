import { ruleTester } from '../../../../helpers/rule-tester';

const svc = (extra: string) => `resource "aws_ecs_service" "web" {\n  name            = "web"\n  task_definition = "web:1"\n${extra}}\n`;
const fargate = '  launch_type     = "FARGATE"\n';
const cfn = (extra: string) => `Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: web:1\n${extra}`;
const strategy = (provider: string) => `\n  capacity_provider_strategy {\n    capacity_provider = ${provider}\n    weight            = 1\n  }\n`;

ruleTester('aws-ecs-fargate-platform-version', {
  valid: [
    { name: 'omitted: LATEST', format: 'terraform', code: svc(fargate) },
    { format: 'terraform', code: svc(fargate + '  platform_version = "LATEST"\n') },
    { name: 'unknown version', format: 'terraform', code: svc(fargate + '  platform_version = var.pv\n'), files: { 'v.tf': 'variable "pv" {\n  type = string\n}\n' } },
    { name: 'EC2 launch type', format: 'terraform', code: svc('  launch_type     = "EC2"\n  platform_version = "1.3.0"\n') },
    { name: 'unknown launch type', format: 'terraform', code: svc('  launch_type     = var.lt\n  platform_version = "1.3.0"\n'), files: { 'v.tf': 'variable "lt" {\n  type = string\n}\n' } },
    { name: 'EC2 capacity provider', format: 'terraform', code: svc('  platform_version = "1.3.0"\n' + strategy('"my-asg-provider"')) },
    { name: 'unknown capacity provider', format: 'terraform', code: svc('  platform_version = "1.3.0"\n' + strategy('var.cp')), files: { 'v.tf': 'variable "cp" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: cfn('      LaunchType: FARGATE\n      PlatformVersion: LATEST\n') },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn('      LaunchType: FARGATE\n') },
    { name: 'CloudFormation parameter without default', format: 'cloudformation', code: 'Parameters:\n  Pv:\n    Type: String\n' + cfn('      LaunchType: FARGATE\n      PlatformVersion: !Ref Pv\n') },
  ],
  invalid: [
    {
      format: 'terraform',
      code: svc(fargate + '  platform_version = "1.3.0"\n'),
      errors: [{ line: 5, column: 22, message: /platform_version is "1.3.0"/ }],
      output: svc(fargate + '  platform_version = "LATEST"\n'),
    },
    {
      name: 'Fargate Spot capacity provider',
      format: 'terraform',
      code: svc('  platform_version = "1.4.0"\n' + strategy('"FARGATE_SPOT"')),
      errors: [{ line: 4, column: 22 }],
      output: svc('  platform_version = "LATEST"\n' + strategy('"FARGATE_SPOT"')),
    },
    { name: 'no launch type or strategy: a pinned version means Fargate', format: 'terraform', code: svc('  platform_version = "1.4.0"\n'), errors: [{ line: 4, column: 22 }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "pv" {\n  default = "1.3.0"\n}\n\n' + svc(fargate + '  platform_version = var.pv\n'), errors: [{ line: 9, column: 22, relatedLines: [2] }] },
    {
      format: 'cloudformation',
      code: cfn('      LaunchType: FARGATE\n      PlatformVersion: 1.4.0\n'),
      errors: [{ line: 7, column: 24, message: /PlatformVersion is "1.4.0"/ }],
      output: cfn('      LaunchType: FARGATE\n      PlatformVersion: LATEST\n'),
    },
    {
      name: 'CloudFormation Fargate capacity provider',
      format: 'cloudformation',
      code: cfn('      PlatformVersion: 1.3.0\n      CapacityProviderStrategy:\n        - CapacityProvider: FARGATE\n          Weight: 1\n'),
      errors: [{ line: 6, column: 24 }],
    },
  ],
});
