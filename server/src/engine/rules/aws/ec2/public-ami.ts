import { amiLaunchPermission } from '../../../model/aws/ec2';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-ec2-public-ami',
    provider: 'aws',
    service: 'ec2',
    severity: 'critical',
    title: 'AMI is shared with everyone',
    explanation:
      'A launch permission for the group "all" makes the image public: any AWS account can launch it and read every file baked into it, including configuration, keys and data left on its snapshots. AWS shares the image as instructed; whom you share it with is your decision.',
    resolution: 'Remove the launch permission, or grant it to specific accounts (account_id) or your organization (organization_arn) instead of the group "all"; turn on block public access for AMIs in the account.',
    links: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html', 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_ami_launch_permission'] },
    controls: [],
    equivalents: {},
    fixable: false,
    formats: ['terraform'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_ami_launch_permission" "share" {\n  image_id = "ami-12345678"\n  group    = "all"\n}\n' }],
        good: [{ code: 'resource "aws_ami_launch_permission" "share" {\n  image_id   = "ami-12345678"\n  account_id = "111122223333"\n}\n' }],
      },
    },
  },
  kind: amiLaunchPermission,
  field: 'group',
  insecure: (v) => v === 'all',
  consequence: 'every AWS account can launch this image and read what is on it',
});
