import { classicLoadBalancer } from '../../../model/aws/elb';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-elb-classic-connection-draining',
    provider: 'aws',
    service: 'elb',
    severity: 'low',
    title: 'Classic Load Balancer drops requests when instances leave',
    explanation:
      'Without connection draining, requests in flight to an instance that is deregistered or fails its health check are cut off, which surfaces as errors during every deployment or scale-in. AWS offers draining; turning it on is your setting.',
    resolution: 'Set connection_draining = true with a connection_draining_timeout (CloudFormation: ConnectionDrainingPolicy.Enabled: true).',
    links: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-conn-drain.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-7'],
    responsibility: { layer: 'backup-resilience', resourceTypes: ['aws_elb', 'AWS::ElasticLoadBalancing::LoadBalancer'] },
    controls: ['aws-fsbp:ELB.7'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_elb" "web" {\n  availability_zones = ["eu-west-1a"]\n  listener {\n    instance_port     = 443\n    instance_protocol = "https"\n    lb_port           = 443\n    lb_protocol       = "https"\n  }\n}\n', note: 'omitted: off' }],
        good: [{ code: 'resource "aws_elb" "web" {\n  availability_zones  = ["eu-west-1a"]\n  connection_draining = true\n  listener {\n    instance_port     = 443\n    instance_protocol = "https"\n    lb_port           = 443\n    lb_protocol       = "https"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n      ConnectionDrainingPolicy:\n        Enabled: false\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n      ConnectionDrainingPolicy:\n        Enabled: true\n        Timeout: 60\n' }],
      },
    },
  },
  kind: classicLoadBalancer,
  field: 'connectionDraining',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'requests in flight are cut off when an instance is deregistered',
});
