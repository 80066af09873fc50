import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (cert: string) => `resource "aws_elb" "web" {\n  availability_zones = ["eu-west-1a"]\n  listener {\n    instance_port      = 80\n    instance_protocol  = "http"\n    lb_port            = 443\n    lb_protocol        = "https"\n    ssl_certificate_id = ${cert}\n  }\n}\n`;
const cfn = (cert: string) => `Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "80"\n          Protocol: HTTPS\n          SSLCertificateId: ${cert}\n`;

ruleTester('aws-elb-classic-acm-certificate', {
  valid: [
    { format: 'terraform', code: tf('"arn:aws:acm:eu-west-1:111122223333:certificate/1"') },
    { name: 'a reference to an ACM certificate', format: 'terraform', code: 'resource "aws_acm_certificate" "c" {\n  domain_name       = "example.com"\n  validation_method = "DNS"\n}\n\n' + tf('aws_acm_certificate.c.arn') },
    { name: 'unknown', format: 'terraform', code: tf('var.cert'), files: { 'v.tf': 'variable "cert" {}\n' } },
    { format: 'cloudformation', code: cfn('arn:aws:acm:eu-west-1:111122223333:certificate/1') },
  ],
  invalid: [
    { format: 'terraform', code: tf('"arn:aws:iam::111122223333:server-certificate/web"'), errors: [{ line: 8, column: 26, message: /not issued or imported through ACM/, severity: 'low' }], output: null },
    { name: 'from a variable default', format: 'terraform', code: 'variable "cert" {\n  default = "arn:aws:iam::111122223333:server-certificate/web"\n}\n\n' + tf('var.cert'), errors: [{ line: 12, column: 26, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('arn:aws:iam::111122223333:server-certificate/web'), errors: [{ line: 10, column: 29 }] },
  ],
});
