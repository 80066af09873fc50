import type { KindResource } from '../../../model/kind';
import type { classicLoadBalancer } from '../../../model/aws/elb';
import { defineRule } from '../../rule';

type Classic = KindResource<typeof classicLoadBalancer.fields>;

export default defineRule({
  meta: {
    id: 'aws-elb-classic-acm-certificate',
    provider: 'aws',
    service: 'elb',
    severity: 'low',
    title: 'Classic Load Balancer uses a certificate outside ACM',
    explanation:
      'A certificate uploaded to IAM is never renewed automatically: when it expires, clients start failing or are trained to click through warnings. AWS Certificate Manager renews the certificates it issues; choosing where the listener\'s certificate comes from is yours.',
    resolution: 'Request or import the certificate in AWS Certificate Manager and set ssl_certificate_id (CloudFormation: Listeners[].SSLCertificateId) to its arn:aws:acm:… ARN.',
    links: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/ssl-server-cert.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-2'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_elb', 'AWS::ElasticLoadBalancing::LoadBalancer'] },
    controls: ['aws-fsbp:ELB.2'],
    equivalents: { checkov: ['CKV_AWS_127'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_elb" "web" {\n  availability_zones = ["eu-west-1a"]\n  listener {\n    instance_port      = 80\n    instance_protocol  = "http"\n    lb_port            = 443\n    lb_protocol        = "https"\n    ssl_certificate_id = "arn:aws:iam::111122223333:server-certificate/web"\n  }\n}\n' }],
        good: [{ code: 'resource "aws_elb" "web" {\n  availability_zones = ["eu-west-1a"]\n  listener {\n    instance_port      = 80\n    instance_protocol  = "http"\n    lb_port            = 443\n    lb_protocol        = "https"\n    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/1"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "80"\n          Protocol: HTTPS\n          SSLCertificateId: arn:aws:iam::111122223333:server-certificate/web\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "80"\n          Protocol: HTTPS\n          SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/1\n' }],
      },
    },
  },
  check(ctx) {
    for (const clb of ctx.resources<Classic>('aws.elb.classic-load-balancer')) {
      for (const l of clb.f.listeners.items) {
        const c = l.f.certificate;
        // Only literal ARNs can be judged; a reference to an aws_acm_certificate is unknown here and stays silent.
        if (c.origin === 'unknown' || c.origin === 'default' || !c.value) continue;
        if (/^arn:aws[a-z-]*:acm:/.test(c.value)) continue;
        ctx.report({ resource: clb, value: c, message: 'The listener\'s certificate is not issued or imported through ACM: it will not be renewed automatically' });
      }
    }
  },
});
