import { snapshotBlockPublicAccess } from '../../../model/aws/ec2';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-ec2-snapshot-block-public-access',
    provider: 'aws',
    service: 'ec2',
    severity: 'high',
    title: 'EBS snapshot block public access is turned off',
    explanation:
      'Block public access for EBS snapshots stops anyone in the account from making a snapshot public, and a public snapshot can be copied and mounted by any AWS account. AWS enforces the state you declare; this code declares it "unblocked", removing the guard for the Region.',
    resolution: 'Set state = "block-all-sharing" (CloudFormation: State: block-all-sharing), or "block-new-sharing" while you review snapshots that are already public.',
    links: ['https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-1'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_ebs_snapshot_block_public_access', 'AWS::EC2::SnapshotBlockPublicAccess'] },
    controls: [],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_ebs_snapshot_block_public_access" "this" {\n  state = "unblocked"\n}\n' }],
        good: [{ code: 'resource "aws_ebs_snapshot_block_public_access" "this" {\n  state = "block-all-sharing"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Bpa:\n    Type: AWS::EC2::SnapshotBlockPublicAccess\n    Properties:\n      State: unblocked\n' }],
        good: [{ code: 'Resources:\n  Bpa:\n    Type: AWS::EC2::SnapshotBlockPublicAccess\n    Properties:\n      State: block-all-sharing\n' }],
      },
    },
  },
  kind: snapshotBlockPublicAccess,
  field: 'state',
  insecure: (v) => v === 'unblocked',
  fix: 'block-all-sharing',
  consequence: 'snapshots in this Region can be shared publicly',
});
