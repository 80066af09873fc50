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
    { name: 'omitted protocol: depends on the load balancer type', format: 'terraform', code: tf('null', forward) },
    { name: 'unknown redirect protocol', format: 'terraform', code: tf('"HTTP"', redirect('var.p')), files: { 'v.tf': 'variable "p" {}\n' } },
    { name: 'NLB TCP listener', format: 'cloudformation', code: cfn('TCP', `        - Type: forward\n          TargetGroupArn: ${TG}\n`) },
    { format: 'cloudformation', code: cfn('HTTP', '        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTPS\n            StatusCode: HTTP_301\n') },
  ],
  invalid: [
    { name: 'forward over HTTP', format: 'terraform', code: tf('"HTTP"', forward), errors: [{ line: 4, column: 23, message: /plain HTTP/, severity: 'medium' }], output: null },
    { name: 'redirect that keeps HTTP', format: 'terraform', code: tf('"HTTP"', redirect('"HTTP"')), errors: [{ line: 4 }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = "HTTP"\n}\n\n' + tf('var.p', forward), errors: [{ line: 8, column: 23, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('HTTP', `        - Type: forward\n          TargetGroupArn: ${TG}\n`), errors: [{ line: 7, column: 17 }] },
  ],
});
