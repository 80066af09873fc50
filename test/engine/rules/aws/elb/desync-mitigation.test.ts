import { ruleTester } from '../../../../helpers/rule-tester';

const lb = (extra: string) => `resource "aws_lb" "web" {\n  name    = "web"\n  subnets = ["subnet-1", "subnet-2"]\n${extra}}\n`;
const cfn = (v: string) => `Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n      LoadBalancerAttributes:\n        - Key: routing.http.desync_mitigation_mode\n          Value: ${v}\n`;

ruleTester('aws-elb-desync-mitigation', {
  valid: [
    { name: 'omitted: defensive', format: 'terraform', code: lb('') },
    { format: 'terraform', code: lb('  desync_mitigation_mode = "strictest"\n') },
    { name: 'unknown', format: 'terraform', code: lb('  desync_mitigation_mode = var.m\n'), files: { 'v.tf': 'variable "m" {}\n' } },
    { format: 'cloudformation', code: cfn('defensive') },
    { name: 'CloudFormation omitted', format: 'cloudformation', code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n' },
  ],
  invalid: [
    { format: 'terraform', code: lb('  desync_mitigation_mode = "monitor"\n'), errors: [{ line: 4, column: 28, message: /"monitor"/, severity: 'medium' }], output: lb('  desync_mitigation_mode = "defensive"\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "m" {\n  default = "monitor"\n}\n\n' + lb('  desync_mitigation_mode = var.m\n'), errors: [{ line: 8, column: 28, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('monitor'), errors: [{ line: 8, column: 18 }], output: cfn('defensive') },
  ],
});
