import { lbAttribute, lbAttributeFix, type LoadBalancer } from '../../../model/aws/elb';
import { defineRule } from '../../rule';

const KEY = 'deletion_protection.enabled';

export default defineRule({
  meta: {
    id: 'aws-elb-deletion-protection',
    provider: 'aws',
    service: 'elb',
    severity: 'low',
    title: 'Load balancer can be deleted without a safeguard',
    explanation:
      'A deleted load balancer takes its DNS name with it, and recreating it gives a new one, so an accidental delete is an outage for every client. AWS keeps the load balancer running; protecting it from deletion is a setting you choose.',
    resolution: 'Set enable_deletion_protection = true (CloudFormation: a LoadBalancerAttributes entry deletion_protection.enabled = "true").',
    links: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-6'],
    responsibility: { layer: 'backup-resilience', resourceTypes: ['aws_lb', 'aws_alb', 'AWS::ElasticLoadBalancingV2::LoadBalancer'] },
    controls: ['aws-fsbp:ELB.6'],
    equivalents: { checkov: ['CKV_AWS_150'], kics: ['afecd1f1-6378-4f7e-bb3b-60c35801fdd4'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_lb" "web" {\n  name    = "web"\n  subnets = ["subnet-1", "subnet-2"]\n}\n', note: 'omitted: deletion protection is off' }],
        good: [{ code: 'resource "aws_lb" "web" {\n  name                       = "web"\n  subnets                    = ["subnet-1", "subnet-2"]\n  enable_deletion_protection = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n      LoadBalancerAttributes:\n        - Key: deletion_protection.enabled\n          Value: "true"\n' }],
      },
    },
  },
  check(ctx) {
    for (const lb of ctx.resources<LoadBalancer>('aws.elb.load-balancer')) {
      if (lb.source.format === 'terraform') {
        const v = lb.f.deletionProtection;
        if (v.origin === 'unknown' || v.value !== false) continue;
        ctx.report({
          resource: lb,
          value: v,
          message: v.origin === 'default' ? 'enable_deletion_protection is not set: the load balancer can be deleted by mistake' : 'enable_deletion_protection is false: the load balancer can be deleted by mistake',
          fix: v.site ? { title: 'Set enable_deletion_protection to true', actions: [{ type: 'set', site: v.site, value: true }] } : undefined,
        });
        continue;
      }
      const v = lbAttribute(lb, KEY, { value: 'false', reason: 'not listed in LoadBalancerAttributes' });
      if (v.origin === 'unknown' || v.value?.toLowerCase() !== 'false') continue;
      ctx.report({
        resource: lb,
        value: v,
        message: v.origin === 'default' ? `${KEY} is not in LoadBalancerAttributes: the load balancer can be deleted by mistake` : `${KEY} is "false": the load balancer can be deleted by mistake`,
        fix: lbAttributeFix(lb, KEY, 'true', v),
      });
    }
  },
});
