import type { KindResource } from '../../../model/kind';
import type { instance, launchConfiguration, launchTemplate } from '../../../model/aws/ec2';
import type { ModelResource, Value } from '../../../model/resource';
import { defineRule, type RuleContext } from '../../rule';

type Instance = KindResource<typeof instance.fields>;
type Template = KindResource<typeof launchTemplate.fields>;
type LaunchConfig = KindResource<typeof launchConfiguration.fields>;

export default defineRule({
  meta: {
    id: 'aws-ec2-public-ip',
    provider: 'aws',
    service: 'ec2',
    severity: 'high',
    title: 'EC2 instance gets a public IPv4 address',
    explanation:
      'An instance with a public address can be reached from the internet whenever a security group or network ACL lets traffic through, so one permissive rule becomes an exposure. AWS assigns the address because the configuration asks for it; keeping workloads private behind load balancers, NAT and Session Manager is your design decision.',
    resolution: 'Set associate_public_ip_address = false (CloudFormation: NetworkInterfaces[].AssociatePublicIpAddress: false) and reach the instance through a load balancer, a NAT gateway for outbound traffic, and Systems Manager Session Manager for administration.',
    links: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-25',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-5',
    ],
    responsibility: {
      layer: 'network-configuration',
      resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'],
    },
    controls: ['aws-fsbp:EC2.9', 'aws-fsbp:EC2.25', 'aws-fsbp:Autoscaling.5'],
    equivalents: { checkov: ['CKV_AWS_88'], trivy: ['AVD-AWS-0009', 'aws-ec2-no-public-ip', 'aws-autoscaling-no-public-ip'], kics: ['5a2486aa-facf-477d-a5c1-b010789459ce'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          { code: 'resource "aws_instance" "web" {\n  ami                         = "ami-12345678"\n  instance_type               = "t3.micro"\n  associate_public_ip_address = true\n}\n' },
          { code: 'resource "aws_launch_template" "web" {\n  network_interfaces {\n    associate_public_ip_address = true\n  }\n}\n' },
        ],
        good: [
          { code: 'resource "aws_instance" "web" {\n  ami                         = "ami-12345678"\n  instance_type               = "t3.micro"\n  associate_public_ip_address = false\n}\n' },
          { code: 'resource "aws_instance" "web" {\n  ami           = "ami-12345678"\n  instance_type = "t3.micro"\n}\n', note: 'omitted: the subnet decides (see aws-vpc-subnet-public-ip)' },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      NetworkInterfaces:\n        - DeviceIndex: "0"\n          AssociatePublicIpAddress: true\n          SubnetId: subnet-123\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      NetworkInterfaces:\n        - DeviceIndex: "0"\n          AssociatePublicIpAddress: false\n          SubnetId: subnet-123\n' }],
      },
    },
  },
  check(ctx) {
    for (const i of ctx.resources<Instance>('aws.ec2.instance')) {
      flag(ctx, i, i.f.associatePublicIp, 'This instance');
      for (const n of i.f.networkInterfaces.items) flag(ctx, i, n.f.associatePublicIp, 'This instance');
    }
    for (const t of ctx.resources<Template>('aws.ec2.launch-template')) {
      for (const n of t.f.networkInterfaces.items) flag(ctx, t, n.f.associatePublicIp, 'Instances launched from this template');
    }
    for (const c of ctx.resources<LaunchConfig>('aws.ec2.launch-configuration')) flag(ctx, c, c.f.associatePublicIp, 'Instances launched from this configuration');
  },
});

function flag(ctx: RuleContext, resource: ModelResource, v: Value<boolean>, who: string): void {
  // Absent: the subnet's map_public_ip_on_launch decides, which aws-vpc-subnet-public-ip checks.
  if (v.origin === 'unknown' || v.origin === 'default' || v.value !== true) return;
  const name = v.site?.resource.format === 'cloudformation' ? 'AssociatePublicIpAddress' : 'associate_public_ip_address';
  ctx.report({
    resource,
    value: v,
    message: `${name} is true: ${who.toLowerCase() === 'this instance' ? 'this instance gets' : `${who.toLowerCase()} get`} a public IPv4 address reachable from the internet`,
    fix: v.site ? { title: `Set ${name} to false`, actions: [{ type: 'set', site: v.site, value: false }] } : undefined,
  });
}
