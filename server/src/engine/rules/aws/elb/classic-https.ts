import type { KindResource } from '../../../model/kind';
import type { classicLoadBalancer } from '../../../model/aws/elb';
import { defineRule } from '../../rule';

type Classic = KindResource<typeof classicLoadBalancer.fields>;

export default defineRule({
  meta: {
    id: 'aws-elb-classic-https',
    provider: 'aws',
    service: 'elb',
    severity: 'medium',
    title: 'Classic Load Balancer listener is not encrypted',
    explanation:
      'A Classic Load Balancer listener on HTTP or TCP carries client traffic unencrypted between the client and the load balancer. AWS can terminate TLS there with a certificate you provide; configuring HTTPS or SSL listeners is yours to do.',
    resolution: 'Use HTTPS (or SSL for TCP) listeners with an ACM certificate, or migrate to an Application Load Balancer with an HTTP-to-HTTPS redirect.',
    links: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-3'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_elb', 'AWS::ElasticLoadBalancing::LoadBalancer'] },
    controls: ['aws-fsbp:ELB.3'],
    equivalents: { kics: ['80908a75-586b-4c61-ab04-490f4f4525b8'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_elb" "web" {\n  availability_zones = ["eu-west-1a"]\n  listener {\n    instance_port     = 80\n    instance_protocol = "http"\n    lb_port           = 80\n    lb_protocol       = "http"\n  }\n}\n' }],
        good: [{ code: 'resource "aws_elb" "web" {\n  availability_zones = ["eu-west-1a"]\n  listener {\n    instance_port      = 80\n    instance_protocol  = "http"\n    lb_port            = 443\n    lb_protocol        = "https"\n    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/1"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n      Listeners:\n        - LoadBalancerPort: "80"\n          InstancePort: "80"\n          Protocol: HTTP\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "80"\n          Protocol: HTTPS\n          SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/1\n' }],
      },
    },
  },
  check(ctx) {
    for (const clb of ctx.resources<Classic>('aws.elb.classic-load-balancer')) {
      for (const l of clb.f.listeners.items) {
        const p = l.f.protocol;
        if (p.origin === 'unknown' || p.origin === 'default' || p.value === undefined) continue;
        const proto = p.value.toUpperCase();
        if (proto !== 'HTTP' && proto !== 'TCP') continue;
        ctx.report({ resource: clb, value: p, message: `The listener uses ${proto}: traffic between clients and the load balancer is unencrypted` });
      }
    }
  },
});
