import { baseAddress } from '../../../adapt/context';
import type { KindResource } from '../../../model/kind';
import type { listener, LoadBalancer } from '../../../model/aws/elb';
import { defineRule } from '../../rule';

type Listener = KindResource<typeof listener.fields>;

export default defineRule({
  meta: {
    id: 'aws-elb-http-listener',
    provider: 'aws',
    service: 'elb',
    severity: 'medium',
    title: 'Load balancer listener serves plain HTTP',
    explanation:
      'An HTTP listener that forwards requests sends credentials, cookies and data across the internet unencrypted, where anyone on the path can read or change them. AWS terminates TLS for you when you ask for it; which protocol a listener speaks is your choice.',
    resolution: 'Make the HTTP listener redirect to HTTPS (default_action type = "redirect" with redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" }) and serve the application from an HTTPS listener.',
    links: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-1'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_lb_listener', 'aws_alb_listener', 'AWS::ElasticLoadBalancingV2::Listener'] },
    controls: ['aws-fsbp:ELB.1'],
    equivalents: { checkov: ['CKV_AWS_2', 'CKV2_AWS_20'], trivy: ['AVD-AWS-0054', 'aws-elb-http-not-used'], kics: ['de7f5e83-da88-4046-871f-ea18504b1d43', '275a3217-ca37-40c1-a6cf-bb57d245ab32'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_lb_listener" "http" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type             = "forward"\n    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"\n  }\n}\n' }],
        good: [
          {
            code: 'resource "aws_lb_listener" "http" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Http:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1\n      Port: 80\n      Protocol: HTTP\n      DefaultActions:\n        - Type: forward\n          TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1\n' }],
        good: [
          {
            code: 'Resources:\n  Http:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1\n      Port: 80\n      Protocol: HTTP\n      DefaultActions:\n        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTPS\n            Port: "443"\n            StatusCode: HTTP_301\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    const albs = ctx.resources<LoadBalancer>('aws.elb.load-balancer').filter((lb) => lb.f.type.origin !== 'unknown' && lb.f.type.value === 'application');
    // Addresses a listener's load_balancer_arn may refer to an ALB here by (as designates() matches them), in one set
    // rather than a test of every listener against every load balancer.
    const albAddresses = new Set(albs.flatMap((lb) => [lb.source.address, baseAddress(lb.source.address)]));
    for (const l of ctx.resources<Listener>('aws.elb.listener')) {
      const p = l.f.protocol;
      if (p.origin === 'unknown') continue;
      // Omitted: HTTP on an Application Load Balancer (the provider's default), so only when the listener's ALB is here.
      const onAlb = (l.f.loadBalancerArn.val?.refs ?? []).some((r) => albAddresses.has(r.address));
      const proto = p.origin === 'default' ? (onAlb && l.source.format === 'terraform' ? 'HTTP' : undefined) : p.value?.toUpperCase();
      if (proto !== 'HTTP') continue;
      const actions = l.f.defaultActions.items;
      if (l.f.defaultActions.value.origin === 'unknown' || actions.some((a) => a.f.type.origin === 'unknown' || a.f.redirectProtocol.origin === 'unknown')) continue;
      // Redirects to HTTPS and fixed responses (e.g. a 403 for unmatched hosts) send no application data in clear text.
      const safe = actions.some((a) => (a.f.type.value === 'redirect' && a.f.redirectProtocol.value?.toUpperCase() === 'HTTPS') || a.f.type.value === 'fixed-response');
      if (safe) continue;
      ctx.report({
        resource: l,
        value: p,
        message: p.origin === 'default' ? 'protocol is not set, so this ALB listener speaks plain HTTP, and it does not redirect to HTTPS: traffic to the application is unencrypted' : 'The listener speaks plain HTTP and does not redirect to HTTPS: traffic to the application is unencrypted',
      });
    }
  },
});
