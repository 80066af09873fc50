import { ebsEncryptionByDefault } from '../../../model/aws/ec2';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-ec2-ebs-default-encryption',
    provider: 'aws',
    service: 'ec2',
    severity: 'medium',
    title: 'EBS encryption by default is turned off',
    explanation:
      'Encryption by default makes the Region encrypt every new EBS volume and snapshot copy, whatever the code that creates them says. AWS offers the switch; this code declares it and turns it off, so any volume created without encrypted = true is stored unencrypted.',
    resolution: 'Set enabled = true (or remove the attribute) on aws_ebs_encryption_by_default, in every Region you use.',
    links: ['https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-7'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_ebs_encryption_by_default'] },
    controls: ['aws-fsbp:EC2.7', 'cis-aws-v5:2.2.1'],
    equivalents: { kics: ['3d3f6270-546b-443c-adb4-bb6fb2187ca6'] },
    fixable: true,
    formats: ['terraform'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n' }],
        good: [{ code: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}\n' }],
      },
    },
  },
  kind: ebsEncryptionByDefault,
  field: 'enabled',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'new EBS volumes in this Region are encrypted only when their own code asks for it',
});
