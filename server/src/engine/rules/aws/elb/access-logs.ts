import { lbAttribute, type classicLoadBalancer, type LoadBalancer } from '../../../model/aws/elb';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Classic = KindResource<typeof classicLoadBalancer.fields>;

export default defineRule({
  meta: {
    id: 'aws-elb-access-logs',
    provider: 'aws',
    service: 'elb',
    severity: 'low',
    title: 'Load balancer does not write access logs',
    explanation:
      'Access logs record each request a load balancer receives: client address, path, response and latency. They are what an investigation of an attack on the application starts from. AWS writes them only to an S3 bucket you configure.',
    resolution: 'Add access_logs { bucket = "…", enabled = true } (CloudFormation: LoadBalancerAttributes access_logs.s3.enabled = "true" and access_logs.s3.bucket; Classic: AccessLoggingPolicy).',
    links: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-5'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_lb', 'aws_alb', 'aws_elb', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'] },
    controls: ['aws-fsbp:ELB.5'],
    equivalents: { checkov: ['CKV_AWS_91', 'CKV_AWS_92'], kics: ['20018359-6fd7-4d05-ab26-d4dffccbdf79', 'ee12ad32-2863-4c0f-b13f-28272d115028'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_lb" "web" {\n  name    = "web"\n  subnets = ["subnet-1", "subnet-2"]\n}\n' }],
        good: [{ code: 'resource "aws_lb" "web" {\n  name    = "web"\n  subnets = ["subnet-1", "subnet-2"]\n  access_logs {\n    bucket  = "acme-lb-logs"\n    enabled = true\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "80"\n          Protocol: HTTPS\n' }],
        good: [
          {
            code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n      LoadBalancerAttributes:\n        - Key: access_logs.s3.enabled\n          Value: "true"\n        - Key: access_logs.s3.bucket\n          Value: acme-lb-logs\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    // Fix left to the author: enabling logs needs a bucket whose policy lets the ELB service write to it.
    for (const lb of ctx.resources<LoadBalancer>('aws.elb.load-balancer')) {
      // ELB.5 covers Application Load Balancers; gateway load balancers have no access logs, and NLBs log TLS only.
      if (lb.f.type.origin === 'unknown' || lb.f.type.value !== 'application') continue;
      const v = lb.source.format === 'terraform' ? lb.f.accessLogsEnabled : lbAttribute(lb, 'access_logs.s3.enabled', { value: 'false', reason: 'not listed in LoadBalancerAttributes' });
      if (v.origin === 'unknown' || String(v.value).toLowerCase() !== 'false') continue;
      ctx.report({ resource: lb, value: v, message: v.origin === 'default' ? 'Access logs are not configured: requests to this load balancer are not recorded' : 'Access logs are turned off: requests to this load balancer are not recorded' });
    }
    for (const clb of ctx.resources<Classic>('aws.elb.classic-load-balancer')) {
      const block = clb.f.accessLogs;
      const v = clb.f.accessLogsEnabled;
      if (block.origin === 'unknown' || v.origin === 'unknown') continue;
      if (block.origin !== 'default' && v.value !== false) continue;
      ctx.report({
        resource: clb,
        value: block.origin === 'default' ? block : v,
        message: block.origin === 'default' ? 'Access logs are not configured: requests to this Classic Load Balancer are not recorded' : 'Access logs are turned off: requests to this Classic Load Balancer are not recorded',
      });
    }
  },
});
