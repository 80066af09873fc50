import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (proto: string) => `resource "aws_elb" "web" {\n  availability_zones = ["eu-west-1a"]\n  listener {\n    instance_port     = 80\n    instance_protocol = "http"\n    lb_port           = 80\n    lb_protocol       = ${proto}\n  }\n}\n`;
const cfn = (proto: string) => `Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "80"\n          Protocol: ${proto}\n`;

ruleTester('aws-elb-classic-https', {
  valid: [
    { format: 'terraform', code: tf('"https"') },
    { name: 'SSL for TCP', format: 'terraform', code: tf('"ssl"') },
    { name: 'unknown', format: 'terraform', code: tf('var.p'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: cfn('HTTPS') },
  ],
  invalid: [
    { format: 'terraform', code: tf('"http"'), errors: [{ line: 7, column: 25, message: /uses HTTP/, severity: 'medium' }], output: null },
    { name: 'TCP', format: 'terraform', code: tf('"tcp"'), errors: [{ line: 7, message: /uses TCP/ }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = "http"\n}\n\n' + tf('var.p'), errors: [{ line: 11, column: 25, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('HTTP'), errors: [{ line: 9, column: 21 }] },
  ],
});
