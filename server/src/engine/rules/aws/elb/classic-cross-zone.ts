import { classicLoadBalancer } from '../../../model/aws/elb';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-elb-classic-cross-zone',
    provider: 'aws',
    service: 'elb',
    severity: 'low',
    title: 'Classic Load Balancer does not balance across Availability Zones',
    explanation:
      'Without cross-zone load balancing each load balancer node only sends traffic to instances in its own zone, so uneven instance counts overload some instances and losing a zone\'s instances strands its share of clients. AWS runs the nodes; enabling cross-zone distribution is your setting.',
    resolution: 'Set cross_zone_load_balancing = true (CloudFormation: CrossZone: true).',
    links: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-crosszone-lb.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-9'],
    responsibility: { layer: 'backup-resilience', resourceTypes: ['aws_elb', 'AWS::ElasticLoadBalancing::LoadBalancer'] },
    controls: ['aws-fsbp:ELB.9'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_elb" "web" {\n  availability_zones        = ["eu-west-1a", "eu-west-1b"]\n  cross_zone_load_balancing = false\n  listener {\n    instance_port     = 443\n    instance_protocol = "https"\n    lb_port           = 443\n    lb_protocol       = "https"\n  }\n}\n' }],
        good: [{ code: 'resource "aws_elb" "web" {\n  availability_zones = ["eu-west-1a", "eu-west-1b"]\n  listener {\n    instance_port     = 443\n    instance_protocol = "https"\n    lb_port           = 443\n    lb_protocol       = "https"\n  }\n}\n', note: 'omitted: the Terraform resource turns it on' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a, eu-west-1b]\n', note: 'omitted: off' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a, eu-west-1b]\n      CrossZone: true\n' }],
      },
    },
  },
  kind: classicLoadBalancer,
  field: 'crossZone',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'each node only serves instances in its own Availability Zone',
});
