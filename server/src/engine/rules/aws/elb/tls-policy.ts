import { listener } from '../../../model/aws/elb';
import { attributeRule } from '../../factory';

// Predefined policies that still accept TLS 1.0 or 1.1 (Application and Network Load Balancers).
const OUTDATED = new Set([
  'ELBSecurityPolicy-2015-05',
  'ELBSecurityPolicy-2016-08',
  'ELBSecurityPolicy-TLS-1-0-2015-04',
  'ELBSecurityPolicy-TLS-1-1-2017-01',
  'ELBSecurityPolicy-FS-2018-06',
  'ELBSecurityPolicy-FS-1-1-2019-08',
  'ELBSecurityPolicy-TLS13-1-0-2021-06',
  'ELBSecurityPolicy-TLS13-1-1-2021-06',
  'ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04',
]);

export default attributeRule({
  meta: {
    id: 'aws-elb-tls-policy',
    provider: 'aws',
    service: 'elb',
    severity: 'medium',
    title: 'Load balancer listener accepts TLS 1.0 or 1.1',
    explanation:
      'AWS maintains the TLS implementation on the load balancer, but the security policy you pick decides which protocol versions and ciphers clients may negotiate. Policies that accept TLS 1.0 and 1.1 allow deprecated protocols with known weaknesses.',
    resolution: 'Set ssl_policy (CloudFormation: SslPolicy) to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.',
    links: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-17'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_lb_listener', 'aws_alb_listener', 'AWS::ElasticLoadBalancingV2::Listener'] },
    controls: ['aws-fsbp:ELB.17'],
    equivalents: { checkov: ['CKV_AWS_103'], trivy: ['AVD-AWS-0047', 'aws-elb-use-secure-tls-policy'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_lb_listener" "https" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-2016-08"\n  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/1"\n  default_action {\n    type             = "forward"\n    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"\n  }\n}\n' }],
        good: [{ code: 'resource "aws_lb_listener" "https" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/1"\n  default_action {\n    type             = "forward"\n    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Https:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/api/1\n      Port: 443\n      Protocol: TLS\n      SslPolicy: ELBSecurityPolicy-TLS13-1-0-2021-06\n      Certificates:\n        - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/1\n      DefaultActions:\n        - Type: forward\n          TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/api/1\n' }],
        good: [{ code: 'Resources:\n  Https:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/api/1\n      Port: 443\n      Protocol: TLS\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n      Certificates:\n        - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/1\n      DefaultActions:\n        - Type: forward\n          TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/api/1\n' }],
      },
    },
  },
  kind: listener,
  field: 'sslPolicy',
  // Only explicit choices: the policy AWS applies when none is named has changed over time and is not visible here.
  insecure: (v) => OUTDATED.has(v),
  fix: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  consequence: 'clients may still negotiate TLS 1.0 or 1.1',
});
