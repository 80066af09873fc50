import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (extra: string) => `resource "aws_elb" "web" {\n  availability_zones = ["eu-west-1a"]\n${extra}  listener {\n    instance_port     = 443\n    instance_protocol = "https"\n    lb_port           = 443\n    lb_protocol       = "https"\n  }\n}\n`;
const cfn = (v: string) => `Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n      ConnectionDrainingPolicy:\n        Enabled: ${v}\n`;

ruleTester('aws-elb-classic-connection-draining', {
  valid: [
    { format: 'terraform', code: tf('  connection_draining = true\n') },
    { name: 'unknown', format: 'terraform', code: tf('  connection_draining = var.d\n'), files: { 'v.tf': 'variable "d" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('true') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: tf(''), errors: [{ line: 1, column: 1, message: /connection_draining is not set/, severity: 'low' }], output: tf('  connection_draining = true\n').replace('  connection_draining = true\n  listener {\n    instance_port     = 443\n    instance_protocol = "https"\n    lb_port           = 443\n    lb_protocol       = "https"\n  }\n', '  listener {\n    instance_port     = 443\n    instance_protocol = "https"\n    lb_port           = 443\n    lb_protocol       = "https"\n  }\n  connection_draining = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "d" {\n  default = false\n}\n\n' + tf('  connection_draining = var.d\n'), errors: [{ line: 7, column: 25, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('false'), errors: [{ line: 7, column: 18 }], output: cfn('true') },
  ],
});
