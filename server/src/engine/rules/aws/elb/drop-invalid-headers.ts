import { lbAttribute, lbAttributeFix, type LoadBalancer } from '../../../model/aws/elb';
import type { Value } from '../../../model/resource';
import { defineRule } from '../../rule';

const KEY = 'routing.http.drop_invalid_header_fields.enabled';

export default defineRule({
  meta: {
    id: 'aws-elb-drop-invalid-headers',
    provider: 'aws',
    service: 'elb',
    severity: 'medium',
    title: 'Application Load Balancer forwards invalid HTTP headers',
    explanation:
      'By default an ALB passes header fields with malformed names through to the targets, where differences in how servers parse them enable request smuggling and header injection. AWS runs the load balancer; telling it to drop such headers is your setting.',
    resolution: 'Set drop_invalid_header_fields = true (CloudFormation: a LoadBalancerAttributes entry routing.http.drop_invalid_header_fields.enabled = "true").',
    links: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-4'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_lb', 'aws_alb', 'AWS::ElasticLoadBalancingV2::LoadBalancer'] },
    controls: ['aws-fsbp:ELB.4'],
    equivalents: { checkov: ['CKV_AWS_131'], trivy: ['AVD-AWS-0052', 'aws-elb-drop-invalid-headers'], kics: ['6e3fd2ed-5c83-4c68-9679-7700d224d379'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_lb" "web" {\n  name               = "web"\n  load_balancer_type = "application"\n  subnets            = ["subnet-1", "subnet-2"]\n}\n', note: 'omitted: invalid headers are forwarded' }],
        good: [{ code: 'resource "aws_lb" "web" {\n  name                       = "web"\n  load_balancer_type         = "application"\n  subnets                    = ["subnet-1", "subnet-2"]\n  drop_invalid_header_fields = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n      LoadBalancerAttributes:\n        - Key: routing.http.drop_invalid_header_fields.enabled\n          Value: "false"\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n      LoadBalancerAttributes:\n        - Key: routing.http.drop_invalid_header_fields.enabled\n          Value: "true"\n' }],
      },
    },
  },
  check(ctx) {
    for (const lb of ctx.resources<LoadBalancer>('aws.elb.load-balancer')) {
      const type = lb.f.type;
      if (type.origin === 'unknown' || type.value !== 'application') continue; // header handling exists only on ALBs
      if (lb.source.format === 'terraform') {
        const v = lb.f.dropInvalidHeaders;
        if (v.origin === 'unknown' || v.value !== false) continue;
        ctx.report({
          resource: lb,
          value: v,
          message: v.origin === 'default' ? 'drop_invalid_header_fields is not set: header fields with invalid names reach the targets' : 'drop_invalid_header_fields is false: header fields with invalid names reach the targets',
          fix: v.site ? { title: 'Set drop_invalid_header_fields to true', actions: [{ type: 'set', site: v.site, value: true }] } : undefined,
        });
        continue;
      }
      const v: Value<string> = lbAttribute(lb, KEY, { value: 'false', reason: 'not listed in LoadBalancerAttributes' });
      if (v.origin === 'unknown' || v.value?.toLowerCase() !== 'false') continue;
      ctx.report({
        resource: lb,
        value: v,
        message: v.origin === 'default' ? `${KEY} is not in LoadBalancerAttributes: header fields with invalid names reach the targets` : `${KEY} is "false": header fields with invalid names reach the targets`,
        fix: lbAttributeFix(lb, KEY, 'true', v),
      });
    }
  },
});
