import { cluster } from '../../../model/aws/redshift';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-redshift-public-access',
    provider: 'aws',
    service: 'redshift',
    severity: 'critical',
    title: 'Redshift cluster is publicly accessible',
    explanation:
      'A publicly accessible cluster gets a public IP address, so its database port can be reached from the internet wherever the security groups allow it. AWS runs the cluster; whether it faces the internet is your choice.',
    resolution: 'Set publicly_accessible = false (CloudFormation: PubliclyAccessible: false) and reach the cluster from inside the VPC, over VPN or through a bastion.',
    links: ['https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-1'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_redshift_cluster', 'AWS::Redshift::Cluster'] },
    controls: ['aws-fsbp:Redshift.1'],
    equivalents: { checkov: ['CKV_AWS_87'], kics: ['bdf8dcb4-75df-4370-92c4-606e4ae6c4d3'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier  = "dw"\n  node_type           = "ra3.xlplus"\n  publicly_accessible = true\n}\n' }],
        good: [{ code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier  = "dw"\n  node_type           = "ra3.xlplus"\n  publicly_accessible = false\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n      PubliclyAccessible: true\n' }],
        good: [{ code: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n      PubliclyAccessible: false\n' }],
      },
    },
  },
  kind: cluster,
  field: 'publiclyAccessible',
  insecure: (v) => v === true,
  fix: false,
  consequence: 'the cluster gets a public IP address reachable from the internet',
});
