import { cluster } from '../../../model/aws/redshift';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-redshift-encryption',
    provider: 'aws',
    service: 'redshift',
    severity: 'medium',
    title: 'Redshift cluster encryption is turned off',
    explanation:
      'Redshift encrypts new provisioned clusters by default, but an explicit encrypted = false keeps the data blocks, system metadata and snapshots unencrypted. AWS provides the KMS-backed encryption; not opting out of it is your configuration.',
    resolution: 'Remove encrypted = false or set it to true (CloudFormation: Encrypted: true), optionally with a customer managed kms_key_id.',
    links: ['https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-10'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_redshift_cluster', 'AWS::Redshift::Cluster'] },
    controls: ['aws-fsbp:Redshift.10'],
    equivalents: { checkov: ['CKV_AWS_64'], kics: ['cfdcabb0-fc06-427c-865b-c59f13e898ce', '3b316b05-564c-44a7-9c3f-405bb95e211e'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n  encrypted          = false\n}\n' }],
        good: [{ code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n  encrypted          = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n      Encrypted: false\n' }],
        good: [{ code: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n', note: 'omitted: encrypted by default since January 2025' }],
      },
    },
  },
  kind: cluster,
  field: 'encrypted',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'cluster data and snapshots are stored unencrypted',
});
