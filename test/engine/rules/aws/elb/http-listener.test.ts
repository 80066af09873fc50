import { ruleTester } from '../../../../helpers/rule-tester';

const LB = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1';
const TG = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1';
const tf = (protocol: string, action: string) => `resource "aws_lb_listener" "l" {\n  load_balancer_arn = "${LB}"\n  port              = 80\n  protocol          = ${protocol}\n  default_action {\n${action}  }\n}\n`;
const forward = `    type             = "forward"\n    target_group_arn = "${TG}"\n`;
const redirect = (p: string) => `    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = ${p}\n      status_code = "HTTP_301"\n    }\n`;
const cfn = (protocol: string, action: string) => `Resources:\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: ${LB}\n      Port: 80\n      Protocol: ${protocol}\n      DefaultActions:\n${action}`;

ruleTester('aws-elb-http-listener', {
  valid: [
    { name: 'redirect to HTTPS', format: 'terraform', code: tf('"HTTP"', redirect('"HTTPS"')) },
    { name: 'fixed response', format: 'terraform', code: tf('"HTTP"', '    type = "fixed-response"\n    fixed_response {\n      content_type = "text/plain"\n      status_code  = "404"\n    }\n') },
    { name: 'HTTPS listener', format: 'terraform', code: tf('"HTTPS"', forward) },
    { name: 'omitted protocol, load balancer not in the code: its type decides', format: 'terraform', code: tf('null', forward) },
    {
      name: 'omitted protocol on a network load balancer',
      format: 'terraform',
      code: 'resource "aws_lb" "api" {\n  name               = "api"\n  load_balancer_type = "network"\n  subnets            = ["subnet-1"]\n}\n\n' + tf('null', forward).replace(`"${LB}"`, 'aws_lb.api.arn'),
    },
    { name: 'unknown redirect protocol', format: 'terraform', code: tf('"HTTP"', redirect('var.p')), files: { 'v.tf': 'variable "p" {}\n' } },
    { name: 'NLB TCP listener', format: 'cloudformation', code: cfn('TCP', `        - Type: forward\n          TargetGroupArn: ${TG}\n`) },
    { format: 'cloudformation', code: cfn('HTTP', '        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTPS\n            StatusCode: HTTP_301\n') },
  ],
  invalid: [
    { name: 'forward over HTTP', format: 'terraform', code: tf('"HTTP"', forward), errors: [{ line: 4, column: 23, message: /plain HTTP/, severity: 'medium' }], output: null },
    { name: 'redirect that keeps HTTP', format: 'terraform', code: tf('"HTTP"', redirect('"HTTP"')), errors: [{ line: 4 }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = "HTTP"\n}\n\n' + tf('var.p', forward), errors: [{ line: 8, column: 23, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('HTTP', `        - Type: forward\n          TargetGroupArn: ${TG}\n`), errors: [{ line: 7, column: 17 }] },
    {
      name: 'protocol omitted on a listener of an ALB in the same code',
      format: 'terraform',
      code: 'resource "aws_lb" "web" {\n  name    = "web"\n  subnets = ["subnet-1", "subnet-2"]\n}\n\n' + tf('null', forward).replace(`"${LB}"`, 'aws_lb.web.arn'),
      errors: [{ line: 6, column: 1, message: /protocol is not set/ }],
    },
  ],
});
