import { ruleTester } from '../../../../helpers/rule-tester';

const lb = (extra: string) => `resource "aws_lb" "web" {\n  name    = "web"\n  subnets = ["subnet-1", "subnet-2"]\n${extra}}\n`;
const cfn = (attrs: string) => `Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n${attrs}`;
const attr = (v: string) => `      LoadBalancerAttributes:\n        - Key: deletion_protection.enabled\n          Value: ${v}\n`;

ruleTester('aws-elb-deletion-protection', {
  valid: [
    { format: 'terraform', code: lb('  enable_deletion_protection = true\n') },
    { name: 'unknown', format: 'terraform', code: lb('  enable_deletion_protection = var.p\n'), files: { 'v.tf': 'variable "p" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn(attr('"true"')) },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: lb(''), errors: [{ line: 1, column: 1, severity: 'low' }], output: lb('  enable_deletion_protection = true\n') },
    { name: 'network load balancer too', format: 'terraform', code: lb('  load_balancer_type         = "network"\n  enable_deletion_protection = false\n'), errors: [{ line: 5, column: 32 }], output: lb('  load_balancer_type         = "network"\n  enable_deletion_protection = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = false\n}\n\n' + lb('  enable_deletion_protection = var.p\n'), errors: [{ line: 8, column: 32, relatedLines: [2] }] },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3 }], output: cfn(attr('"true"')) },
    { name: 'CloudFormation parameter default', format: 'cloudformation', code: 'Parameters:\n  P:\n    Type: String\n    Default: "false"\n' + cfn(attr('!Ref P')), errors: [{ line: 12, column: 18, relatedLines: [4] }] },
  ],
});
