import { baseAddress, DesignationIndex } from '../../../adapt/context';
import type { KindResource } from '../../../model/kind';
import type { flowLog, vpc } from '../../../model/aws/vpc-network';
import type { Val } from '../../../evaluate/value';
import type { Value } from '../../../model/resource';
import { defineRule } from '../../rule';

type Vpc = KindResource<typeof vpc.fields>;
type FlowLog = KindResource<typeof flowLog.fields>;

export default defineRule({
  meta: {
    id: 'aws-vpc-flow-logs',
    provider: 'aws',
    service: 'vpc',
    severity: 'low',
    title: 'VPC has no flow log',
    explanation:
      'Flow logs record the connections accepted and rejected in the VPC: the evidence for spotting scans and exfiltration and for investigating an incident afterwards. AWS captures and delivers them only when you create a flow log for the VPC.',
    resolution: 'Add an aws_flow_log with vpc_id pointing at the VPC (CloudFormation: AWS::EC2::FlowLog with ResourceType VPC and ResourceId !Ref the VPC), capturing at least rejected traffic.',
    links: ['https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_vpc', 'aws_flow_log', 'AWS::EC2::VPC', 'AWS::EC2::FlowLog'] },
    controls: ['aws-fsbp:EC2.6', 'cis-aws-v5:3.7'],
    equivalents: { checkov: ['CKV2_AWS_11'], trivy: ['AVD-AWS-0178', 'aws-ec2-require-vpc-flow-logs-for-all-vpcs'], kics: ['f83121ea-03da-434f-9277-9cd247ab3047', 'f6d299d2-21eb-41cc-b1e1-fe12d857500b'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' }],
        good: [
          {
            code: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_flow_log" "main" {\n  vpc_id               = aws_vpc.main.id\n  traffic_type         = "ALL"\n  log_destination_type = "s3"\n  log_destination      = "arn:aws:s3:::acme-flow-logs"\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Main:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n' }],
        good: [
          {
            code: 'Resources:\n  Main:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n  MainFlowLog:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceType: VPC\n      ResourceId: !Ref Main\n      TrafficType: ALL\n      LogDestinationType: s3\n      LogDestination: arn:aws:s3:::acme-flow-logs\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    const logs = ctx.resources<FlowLog>('aws.ec2.flow-log');
    const vpcs = ctx.resources<Vpc>('aws.ec2.vpc');
    const vpcAddresses = new Set(vpcs.map((v) => baseAddress(v.source.address)));
    // A flow log whose target we cannot see (a variable, a data source, a module output) might be any VPC's:
    // stay silent rather than guess. A reference to one of the VPCs here is fine: the index below resolves it.
    const blind = logs.some((l) => {
      const t = target(l);
      if (!t || t.origin !== 'unknown') return false;
      return !(t.refs ?? t.val?.refs ?? []).some((r) => vpcAddresses.has(baseAddress(r.address)));
    });
    if (blind) return;
    const byVpc = new DesignationIndex(logs, (l) => target(l)?.val);
    for (const v of vpcs) {
      // VPCs inside modules get their flow logs from the module's own code, which is analyzed the same way.
      if (byVpc.has(v.source)) continue;
      ctx.report({
        resource: v,
        message: v.source.format === 'terraform' ? 'No aws_flow_log refers to this VPC: its traffic is not logged' : 'No AWS::EC2::FlowLog refers to this VPC: its traffic is not logged',
      });
    }
  },
});

/** The VPC a flow log is attached to; undefined when it is attached to something else (subnet, ENI, transit gateway). */
function target(l: FlowLog): Value<Val> | undefined {
  if (l.source.format === 'cloudformation') {
    const t = l.f.resourceType;
    if (t.origin !== 'unknown' && t.value !== undefined && t.value !== 'VPC') return undefined;
    return l.f.resourceId;
  }
  return l.f.vpcId.origin === 'default' ? undefined : l.f.vpcId;
}
