import { ruleTester } from '../../../../helpers/rule-tester';

const cl = (extra: string) => `resource "aws_ecs_cluster" "main" {\n  name = "main"\n${extra}}\n`;
const cfn = (extra: string) => `Resources:\n  Main:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterName: main\n${extra}`;

ruleTester('aws-ecs-container-insights', {
  valid: [
    { format: 'terraform', code: cl('  setting {\n    name  = "containerInsights"\n    value = "enabled"\n  }\n') },
    { format: 'terraform', code: cl('  setting {\n    name  = "containerInsights"\n    value = "enhanced"\n  }\n') },
    { name: 'unknown value', format: 'terraform', code: cl('  setting {\n    name  = "containerInsights"\n    value = var.ci\n  }\n'), files: { 'v.tf': 'variable "ci" {\n  type = string\n}\n' } },
    { format: 'cloudformation', code: cfn('      ClusterSettings:\n        - Name: containerInsights\n          Value: enabled\n') },
  ],
  invalid: [
    {
      name: 'omitted: low, account default may apply',
      format: 'terraform',
      code: cl(''),
      errors: [{ line: 1, column: 1, severity: 'low', message: /no containerInsights entry/ }],
      output: cl('  setting {\n    name = "containerInsights"\n    value = "enabled"\n  }\n'),
    },
    {
      name: 'disabled',
      format: 'terraform',
      code: cl('  setting {\n    name  = "containerInsights"\n    value = "disabled"\n  }\n'),
      errors: [{ line: 5, column: 13, severity: 'medium' }],
      output: cl('  setting {\n    name  = "containerInsights"\n    value = "enabled"\n  }\n'),
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "ci" {\n  default = "disabled"\n}\n\n' + cl('  setting {\n    name  = "containerInsights"\n    value = var.ci\n  }\n'), errors: [{ line: 9, column: 13, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2 }], output: cfn('      ClusterSettings:\n        - Name: containerInsights\n          Value: enabled\n') },
  ],
});
