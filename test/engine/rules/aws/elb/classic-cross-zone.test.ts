import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (extra: string) => `resource "aws_elb" "web" {\n  availability_zones = ["eu-west-1a", "eu-west-1b"]\n${extra}  listener {\n    instance_port     = 443\n    instance_protocol = "https"\n    lb_port           = 443\n    lb_protocol       = "https"\n  }\n}\n`;
const cfn = (extra: string) => `Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a, eu-west-1b]\n${extra}`;

ruleTester('aws-elb-classic-cross-zone', {
  valid: [
    { name: 'omitted: on in Terraform', format: 'terraform', code: tf('') },
    { name: 'unknown', format: 'terraform', code: tf('  cross_zone_load_balancing = var.x\n'), files: { 'v.tf': 'variable "x" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('      CrossZone: true\n') },
  ],
  invalid: [
    { format: 'terraform', code: tf('  cross_zone_load_balancing = false\n'), errors: [{ line: 3, column: 31, severity: 'low' }], output: tf('  cross_zone_load_balancing = true\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "x" {\n  default = false\n}\n\n' + tf('  cross_zone_load_balancing = var.x\n'), errors: [{ line: 7, column: 31, relatedLines: [2] }] },
    { name: 'CloudFormation omitted: off', format: 'cloudformation', code: cfn(''), errors: [{ line: 2, column: 3, message: /CrossZone is not set/ }], output: cfn('      CrossZone: true\n') },
  ],
});
