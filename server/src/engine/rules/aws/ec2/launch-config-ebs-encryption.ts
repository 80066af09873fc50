import type { KindResource } from '../../../model/kind';
import type { launchConfiguration } from '../../../model/aws/ec2';
import type { Value } from '../../../model/resource';
import { defineRule, type RuleContext } from '../../rule';

type LaunchConfig = KindResource<typeof launchConfiguration.fields>;

export default defineRule({
  meta: {
    id: 'aws-ec2-launch-config-ebs-encryption',
    provider: 'aws',
    service: 'ec2',
    severity: 'medium',
    title: 'Launch configuration creates unencrypted EBS volumes',
    explanation:
      'Every instance an Auto Scaling group launches from this configuration gets the volumes it describes. AWS encrypts them only when asked (or when the Region\'s encryption by default is on); an unencrypted volume also leaves its snapshots unencrypted.',
    resolution: 'Set encrypted = true on root_block_device and every ebs_block_device (CloudFormation: BlockDeviceMappings[].Ebs.Encrypted: true), and turn on EBS encryption by default in the Region.',
    links: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html', 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-configurations.html'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_launch_configuration', 'AWS::AutoScaling::LaunchConfiguration'] },
    controls: [],
    equivalents: { checkov: ['CKV_AWS_8'], trivy: ['AVD-AWS-0008', 'aws-ec2-enable-launch-config-at-rest-encryption', 'aws-autoscaling-enable-at-rest-encryption'], kics: ['4de9de27-254e-424f-bd70-4c1e95790838'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_launch_configuration" "web" {\n  image_id      = "ami-12345678"\n  instance_type = "t3.micro"\n  root_block_device {\n    encrypted = false\n  }\n}\n' }],
        good: [{ code: 'resource "aws_launch_configuration" "web" {\n  image_id      = "ami-12345678"\n  instance_type = "t3.micro"\n  root_block_device {\n    encrypted = true\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: t3.micro\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: t3.micro\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n            Encrypted: true\n' }],
      },
    },
  },
  check(ctx) {
    for (const c of ctx.resources<LaunchConfig>('aws.ec2.launch-configuration')) {
      if (c.source.format === 'terraform') flag(ctx, c, c.f.rootEncrypted, 'The root volume');
      for (const d of c.f.blockDevices.items) {
        if (c.source.format === 'cloudformation' && d.f.ebs.origin === 'default') continue; // instance store, not EBS
        // A volume created from a snapshot takes the snapshot's encryption, which the code does not show.
        if (d.f.encrypted.origin === 'default' && d.f.snapshotId.origin !== 'default') continue;
        const name = d.f.deviceName.origin !== 'unknown' && d.f.deviceName.value ? d.f.deviceName.value : '(unnamed)';
        flag(ctx, c, d.f.encrypted, `The block device ${name}`);
      }
    }
  },
});

function flag(ctx: RuleContext, c: LaunchConfig, enc: Value<boolean>, what: string): void {
  if (enc.origin === 'unknown' || enc.value !== false) return;
  const key = c.source.format === 'cloudformation' ? 'Encrypted' : 'encrypted';
  ctx.report({
    resource: c,
    value: enc,
    message: enc.origin === 'default' ? `${what} of launched instances is not encrypted (${key} is not set)` : `${what} of launched instances is not encrypted (${key} is false)`,
    fix: enc.site ? { title: `Set ${key} to true`, actions: [{ type: 'set', site: enc.site, value: true }] } : undefined,
  });
}
