import { lbAttribute, lbAttributeFix, type LoadBalancer } from '../../../model/aws/elb';
import { defineRule } from '../../rule';

const KEY = 'routing.http.desync_mitigation_mode';

export default defineRule({
  meta: {
    id: 'aws-elb-desync-mitigation',
    provider: 'aws',
    service: 'elb',
    severity: 'medium',
    title: 'Application Load Balancer only monitors HTTP desync attacks',
    explanation:
      'In monitor mode an ALB forwards requests that are ambiguous between it and the targets, the raw material of HTTP request smuggling. AWS ships the defensive mode as the default; choosing monitor turns the protection off, and that choice is yours.',
    resolution: 'Remove desync_mitigation_mode or set it to "defensive" or "strictest" (CloudFormation: routing.http.desync_mitigation_mode).',
    links: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-12'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_lb', 'aws_alb', 'AWS::ElasticLoadBalancingV2::LoadBalancer'] },
    controls: ['aws-fsbp:ELB.12'],
    equivalents: { checkov: ['CKV_AWS_328'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_lb" "web" {\n  name                   = "web"\n  subnets                = ["subnet-1", "subnet-2"]\n  desync_mitigation_mode = "monitor"\n}\n' }],
        good: [{ code: 'resource "aws_lb" "web" {\n  name    = "web"\n  subnets = ["subnet-1", "subnet-2"]\n}\n', note: 'omitted: defensive mode' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n      LoadBalancerAttributes:\n        - Key: routing.http.desync_mitigation_mode\n          Value: monitor\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n      LoadBalancerAttributes:\n        - Key: routing.http.desync_mitigation_mode\n          Value: strictest\n' }],
      },
    },
  },
  check(ctx) {
    for (const lb of ctx.resources<LoadBalancer>('aws.elb.load-balancer')) {
      if (lb.f.type.origin === 'unknown' || lb.f.type.value !== 'application') continue;
      const tf = lb.source.format === 'terraform';
      const v = tf ? lb.f.desyncMitigationMode : lbAttribute(lb, KEY, { value: 'defensive', reason: 'ALBs use the defensive desync mitigation mode by default' });
      if (v.origin === 'unknown' || v.value !== 'monitor') continue;
      const name = tf ? 'desync_mitigation_mode' : KEY;
      ctx.report({
        resource: lb,
        value: v,
        message: `${name} is "monitor": ambiguous requests that enable HTTP request smuggling reach the targets`,
        fix: tf ? (v.site ? { title: 'Set desync_mitigation_mode to "defensive"', actions: [{ type: 'set', site: v.site, value: 'defensive' }] } : undefined) : lbAttributeFix(lb, KEY, 'defensive', v),
      });
    }
  },
});
