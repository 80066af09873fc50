import { cluster } from '../../../model/aws/redshift';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-redshift-enhanced-vpc-routing',
    provider: 'aws',
    service: 'redshift',
    severity: 'medium',
    title: 'Redshift cluster does not use enhanced VPC routing',
    explanation:
      'Without enhanced VPC routing, COPY and UNLOAD traffic to S3 and other services leaves through AWS\'s network path outside your VPC, so security groups, VPC endpoint policies and flow logs do not see or limit it. Routing it through the VPC is your setting.',
    resolution: 'Set enhanced_vpc_routing = true (CloudFormation: EnhancedVpcRouting: true) and give the VPC an S3 gateway endpoint or NAT route.',
    links: ['https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-7'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_redshift_cluster', 'AWS::Redshift::Cluster'] },
    controls: ['aws-fsbp:Redshift.7'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n}\n' }],
        good: [{ code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier   = "dw"\n  node_type            = "ra3.xlplus"\n  enhanced_vpc_routing = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n      EnhancedVpcRouting: false\n' }],
        good: [{ code: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n      EnhancedVpcRouting: true\n' }],
      },
    },
  },
  kind: cluster,
  field: 'enhancedVpcRouting',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'COPY/UNLOAD traffic bypasses the VPC\'s security groups, endpoint policies and flow logs',
});
