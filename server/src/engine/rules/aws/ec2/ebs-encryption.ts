import type { KindResource } from '../../../model/kind';
import type { instance, launchTemplate, volume } from '../../../model/aws/ec2';
import type { Value } from '../../../model/resource';
import { defineRule, type RuleContext } from '../../rule';
import type { ModelResource } from '../../../model/resource';

type Instance = KindResource<typeof instance.fields>;
type Template = KindResource<typeof launchTemplate.fields>;
type Volume = KindResource<typeof volume.fields>;

export default defineRule({
  meta: {
    id: 'aws-ec2-ebs-encryption',
    provider: 'aws',
    service: 'ec2',
    severity: 'medium',
    title: 'EBS volume is not encrypted',
    explanation:
      'AWS keeps EBS volumes durable and isolates them between customers; encrypting the data on them is your choice. An unencrypted volume leaves its snapshots unencrypted too, and anyone who gets a snapshot shared or copied can read it.',
    resolution: 'Set encrypted = true (CloudFormation: Encrypted: true) on the volume or block device, optionally with your own KMS key; turn on EBS encryption by default in every Region.',
    links: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-3'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_ebs_volume', 'aws_instance', 'aws_launch_template', 'AWS::EC2::Volume', 'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'] },
    controls: ['aws-fsbp:EC2.3'],
    equivalents: { checkov: ['CKV_AWS_3', 'CKV_AWS_8'], trivy: ['AVD-AWS-0026', 'AVD-AWS-0131', 'aws-ec2-enable-volume-encryption', 'aws-ec2-enable-at-rest-encryption'], kics: ['cc997676-481b-4e93-aa81-d19f8c5e9b12', '80b7ac3f-d2b7-4577-9b10-df7913497162'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          { code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 40\n}\n', note: 'omitted: unencrypted unless the Region default is on' },
          { code: 'resource "aws_instance" "web" {\n  ami           = "ami-12345678"\n  instance_type = "t3.micro"\n  root_block_device {\n    encrypted = false\n  }\n}\n' },
        ],
        good: [
          { code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 40\n  encrypted         = true\n}\n' },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 40\n' }],
        good: [{ code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 40\n      Encrypted: true\n' }],
      },
    },
  },
  check(ctx) {
    for (const v of ctx.resources<Volume>('aws.ec2.volume')) {
      // A volume restored from a snapshot inherits the snapshot's encryption, which the code does not show.
      if (v.f.encrypted.origin === 'default' && v.f.snapshotId.origin !== 'default') continue;
      flag(ctx, v, v.f.encrypted, 'The volume');
    }
    for (const i of ctx.resources<Instance>('aws.ec2.instance')) {
      if (i.source.format === 'terraform' && i.f.launchTemplate.origin === 'default') flag(ctx, i, i.f.rootEncrypted, 'The root volume');
      for (const d of i.f.blockDevices.items) {
        if (i.source.format === 'cloudformation' && d.f.ebs.origin === 'default') continue; // instance store, not EBS
        flag(ctx, i, d.f.encrypted, `The block device ${label(d.f.deviceName)}`);
      }
    }
    for (const t of ctx.resources<Template>('aws.ec2.launch-template')) {
      for (const d of t.f.blockDevices.items) {
        if (d.f.ebs.origin === 'default') continue;
        flag(ctx, t, d.f.encrypted, `The block device ${label(d.f.deviceName)}`);
      }
    }
  },
});

function label(v: Value<string>): string {
  return v.origin !== 'unknown' && v.value ? v.value : '(unnamed)';
}

function flag(ctx: RuleContext, resource: ModelResource, enc: Value<boolean>, what: string): void {
  if (enc.origin === 'unknown' || enc.value !== false) return;
  const key = enc.site?.resource.format === 'cloudformation' ? 'Encrypted' : 'encrypted';
  ctx.report({
    resource,
    value: enc,
    message: enc.origin === 'default' ? `${what} is not encrypted (${key} is not set)` : `${what} is not encrypted (${key} is false)`,
    fix: enc.site ? { title: `Set ${key} to true`, actions: [{ type: 'set', site: enc.site, value: true }] } : undefined,
  });
}
