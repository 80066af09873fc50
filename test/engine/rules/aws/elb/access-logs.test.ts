import { ruleTester } from '../../../../helpers/rule-tester';

const lb = (extra: string) => `resource "aws_lb" "web" {\n  name    = "web"\n  subnets = ["subnet-1", "subnet-2"]\n${extra}}\n`;
const logs = (enabled: string) => `  access_logs {\n    bucket  = "acme-lb-logs"\n    enabled = ${enabled}\n  }\n`;
const clb = (extra: string) => `resource "aws_elb" "web" {\n  availability_zones = ["eu-west-1a"]\n  listener {\n    instance_port     = 443\n    instance_protocol = "https"\n    lb_port           = 443\n    lb_protocol       = "https"\n  }\n${extra}}\n`;

ruleTester('aws-elb-access-logs', {
  valid: [
    { format: 'terraform', code: lb(logs('true')) },
    { name: 'network load balancers are out of scope', format: 'terraform', code: lb('  load_balancer_type = "network"\n') },
    { name: 'unknown', format: 'terraform', code: lb(logs('var.on')), files: { 'v.tf': 'variable "on" {\n  type = bool\n}\n' } },
    { name: 'classic: a block is enabled by default', format: 'terraform', code: clb('  access_logs {\n    bucket = "acme-lb-logs"\n  }\n') },
    { format: 'cloudformation', code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AccessLoggingPolicy:\n        Enabled: true\n        S3BucketName: acme-lb-logs\n' },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: lb(''), errors: [{ line: 1, column: 1, message: /not configured/, severity: 'low' }], output: null },
    { name: 'block with enabled omitted: off for ALBs', format: 'terraform', code: lb('  access_logs {\n    bucket = "acme-lb-logs"\n  }\n'), errors: [{ line: 1 }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "on" {\n  default = false\n}\n\n' + lb(logs('var.on')), errors: [{ line: 10, column: 15, message: /turned off/, relatedLines: [2] }] },
    { name: 'classic omitted', format: 'terraform', code: clb(''), errors: [{ line: 1, message: /Classic/ }] },
    { name: 'classic disabled', format: 'terraform', code: clb('  access_logs {\n    bucket  = "acme-lb-logs"\n    enabled = false\n  }\n'), errors: [{ line: 11, column: 15 }] },
    { name: 'CloudFormation ALB', format: 'cloudformation', code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n', errors: [{ line: 2, column: 3 }] },
    { name: 'CloudFormation classic', format: 'cloudformation', code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n', errors: [{ line: 2, column: 3 }] },
  ],
});
