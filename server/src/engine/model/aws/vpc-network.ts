// VPC networking around the security groups (which live in aws/vpc.ts): VPCs, subnets, flow logs and network ACLs.
import { defineKind } from '../kind';

export const vpc = defineKind({
  kind: 'aws.ec2.vpc',
  terraform: ['aws_vpc'],
  cloudformation: ['AWS::EC2::VPC'],
  fields: {
    cidrBlock: { type: 'string', terraform: ['cidr_block'], cloudformation: ['CidrBlock'] },
  },
});

export const subnet = defineKind({
  kind: 'aws.ec2.subnet',
  terraform: ['aws_subnet'],
  cloudformation: ['AWS::EC2::Subnet'],
  fields: {
    mapPublicIpOnLaunch: {
      type: 'bool',
      terraform: ['map_public_ip_on_launch'],
      cloudformation: ['MapPublicIpOnLaunch'],
      default: { value: false, reason: 'subnets you create do not assign public IPv4 addresses unless told to' },
      doc: 'Whether instances launched in the subnet get a public IPv4 address automatically.',
    },
  },
});

/** A flow log attached to a VPC, subnet, network interface or transit gateway. */
export const flowLog = defineKind({
  kind: 'aws.ec2.flow-log',
  terraform: ['aws_flow_log'],
  cloudformation: ['AWS::EC2::FlowLog'],
  fields: {
    vpcId: { type: 'raw', terraform: ['vpc_id'] },
    /** Terraform's other attachment points; a flow log with any of them set is not a VPC flow log. */
    subnetId: { type: 'raw', terraform: ['subnet_id'] },
    eniId: { type: 'raw', terraform: ['eni_id'] },
    transitGatewayId: { type: 'raw', terraform: ['transit_gateway_id'] },
    transitGatewayAttachmentId: { type: 'raw', terraform: ['transit_gateway_attachment_id'] },
    resourceId: { type: 'raw', cloudformation: ['ResourceId'] },
    resourceType: { type: 'string', cloudformation: ['ResourceType'] },
    trafficType: { type: 'string', terraform: ['traffic_type'], cloudformation: ['TrafficType'] },
  },
});

const NACL_ENTRY_FIELDS = {
  protocol: { type: 'string' as const, terraform: ['protocol'] },
  action: { type: 'string' as const, terraform: ['action'] },
  cidr: { type: 'string' as const, terraform: ['cidr_block'] },
  ipv6Cidr: { type: 'string' as const, terraform: ['ipv6_cidr_block'] },
  fromPort: { type: 'number' as const, terraform: ['from_port'] },
  toPort: { type: 'number' as const, terraform: ['to_port'] },
};

/** A network ACL with its inline rules (Terraform only: CloudFormation always uses NetworkAclEntry resources). */
export const networkAcl = defineKind({
  kind: 'aws.ec2.network-acl',
  terraform: ['aws_network_acl', 'aws_default_network_acl'],
  cloudformation: [],
  fields: {
    ingress: { type: 'items', terraform: ['ingress'], fields: NACL_ENTRY_FIELDS },
  },
});

/** One network ACL rule as its own resource. */
export const networkAclRule = defineKind({
  kind: 'aws.ec2.network-acl-rule',
  terraform: ['aws_network_acl_rule'],
  cloudformation: ['AWS::EC2::NetworkAclEntry'],
  fields: {
    egress: {
      type: 'bool',
      terraform: ['egress'],
      cloudformation: ['Egress'],
      default: { value: false, reason: 'a network ACL rule is an inbound rule unless egress is set' },
    },
    protocol: { type: 'string', terraform: ['protocol'], cloudformation: ['Protocol'] },
    action: { type: 'string', terraform: ['rule_action'], cloudformation: ['RuleAction'] },
    cidr: { type: 'string', terraform: ['cidr_block'], cloudformation: ['CidrBlock'] },
    ipv6Cidr: { type: 'string', terraform: ['ipv6_cidr_block'], cloudformation: ['Ipv6CidrBlock'] },
    fromPort: { type: 'number', terraform: ['from_port'], cloudformation: ['PortRange', 'From'] },
    toPort: { type: 'number', terraform: ['to_port'], cloudformation: ['PortRange', 'To'] },
  },
});
