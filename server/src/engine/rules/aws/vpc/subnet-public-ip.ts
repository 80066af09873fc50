import { subnet } from '../../../model/aws/vpc-network';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-vpc-subnet-public-ip',
    provider: 'aws',
    service: 'vpc',
    severity: 'medium',
    title: 'Subnet gives every instance a public IP address',
    explanation:
      'With map_public_ip_on_launch on, every instance and network interface started in the subnet gets a public IPv4 address unless it opts out, so a workload meant to be private becomes reachable as soon as a security group allows it. The subnet setting is yours; AWS only applies it.',
    resolution: 'Set map_public_ip_on_launch = false (CloudFormation: MapPublicIpOnLaunch: false) and give public addresses only to the load balancers and NAT gateways that need them.',
    links: ['https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_subnet', 'AWS::EC2::Subnet'] },
    controls: ['aws-fsbp:EC2.15'],
    equivalents: { checkov: ['CKV_AWS_130'], trivy: ['AVD-AWS-0164', 'aws-ec2-no-public-ip-subnet'], kics: ['52f04a44-6bfa-4c41-b1d3-4ae99a2de05c'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_subnet" "app" {\n  vpc_id                  = "vpc-123"\n  cidr_block              = "10.0.1.0/24"\n  map_public_ip_on_launch = true\n}\n' }],
        good: [{ code: 'resource "aws_subnet" "app" {\n  vpc_id     = "vpc-123"\n  cidr_block = "10.0.1.0/24"\n}\n', note: 'omitted: no public addresses' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: vpc-123\n      CidrBlock: 10.0.1.0/24\n      MapPublicIpOnLaunch: true\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: vpc-123\n      CidrBlock: 10.0.1.0/24\n      MapPublicIpOnLaunch: false\n' }],
      },
    },
  },
  kind: subnet,
  field: 'mapPublicIpOnLaunch',
  insecure: (v) => v === true,
  fix: false,
  consequence: 'instances launched here get a public IPv4 address',
});
