import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (policy: string) =>
  `resource "aws_lb_listener" "l" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"\n  port              = 443\n  protocol          = "HTTPS"\n  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/1"\n${policy}  default_action {\n    type             = "forward"\n    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"\n  }\n}\n`;
const cfn = (policy: string) => `Resources:\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/api/1\n      Port: 443\n      Protocol: TLS\n      SslPolicy: ${policy}\n`;

ruleTester('aws-elb-tls-policy', {
  valid: [
    { format: 'terraform', code: tf('  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n') },
    { name: 'omitted: the default is not visible here', format: 'terraform', code: tf('') },
    { name: 'a policy this rule does not know', format: 'terraform', code: tf('  ssl_policy        = "ELBSecurityPolicy-TLS13-1-3-2021-06"\n') },
    { name: 'unknown', format: 'terraform', code: tf('  ssl_policy        = var.p\n'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: cfn('ELBSecurityPolicy-TLS-1-2-Ext-2018-06') },
  ],
  invalid: [
    {
      format: 'terraform',
      code: tf('  ssl_policy        = "ELBSecurityPolicy-2016-08"\n'),
      errors: [{ line: 6, column: 23, message: /TLS 1.0 or 1.1/, severity: 'medium' }],
      output: tf('  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n'),
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = "ELBSecurityPolicy-TLS-1-1-2017-01"\n}\n\n' + tf('  ssl_policy        = var.p\n'), errors: [{ line: 10, column: 23, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('ELBSecurityPolicy-TLS13-1-0-2021-06'), errors: [{ line: 8, column: 18 }], output: cfn('ELBSecurityPolicy-TLS13-1-2-2021-06') },
    { name: 'CloudFormation parameter default', format: 'cloudformation', code: 'Parameters:\n  P:\n    Type: String\n    Default: ELBSecurityPolicy-2015-05\n' + cfn('!Ref P'), errors: [{ line: 12, column: 18, relatedLines: [4] }] },
  ],
});
