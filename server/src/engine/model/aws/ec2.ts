// EC2 compute and storage: instances, launch templates, EBS volumes. Security groups are in aws/vpc.ts.
import { defineKind } from '../kind';

const IMDS_DEFAULT = {
  value: 'optional',
  reason: 'EC2 allows IMDSv1 unless the AMI (ImdsSupport v2.0) or the account\'s IMDS default requires tokens',
};
const EBS_UNENCRYPTED_DEFAULT = {
  value: false,
  reason: 'unencrypted unless the source snapshot is encrypted or the Region\'s EBS encryption by default is on',
};

export const instance = defineKind({
  kind: 'aws.ec2.instance',
  terraform: ['aws_instance'],
  cloudformation: ['AWS::EC2::Instance'],
  fields: {
    httpTokens: {
      type: 'string',
      terraform: ['metadata_options', 'http_tokens'],
      default: IMDS_DEFAULT,
      doc: 'Whether the instance metadata service requires session tokens (IMDSv2).',
    },
    httpEndpoint: { type: 'string', terraform: ['metadata_options', 'http_endpoint'], default: { value: 'enabled', reason: 'EC2 default' } },
    rootEncrypted: { type: 'bool', terraform: ['root_block_device', 0, 'encrypted'], default: EBS_UNENCRYPTED_DEFAULT },
    blockDevices: {
      type: 'items',
      terraform: ['ebs_block_device'],
      cloudformation: ['BlockDeviceMappings'],
      fields: {
        deviceName: { type: 'string', terraform: ['device_name'], cloudformation: ['DeviceName'] },
        ebs: { type: 'raw', terraform: [], cloudformation: ['Ebs'] },
        encrypted: { type: 'bool', terraform: ['encrypted'], cloudformation: ['Ebs', 'Encrypted'], default: EBS_UNENCRYPTED_DEFAULT },
      },
    },
    launchTemplate: { type: 'raw', terraform: ['launch_template'], cloudformation: ['LaunchTemplate'] },
    associatePublicIp: { type: 'bool', terraform: ['associate_public_ip_address'] },
    userData: { type: 'string', terraform: ['user_data'], cloudformation: ['UserData'] },
  },
});

export const launchTemplate = defineKind({
  kind: 'aws.ec2.launch-template',
  terraform: ['aws_launch_template'],
  cloudformation: ['AWS::EC2::LaunchTemplate'],
  tags: { cloudformation: ['TagSpecifications'] },
  fields: {
    httpTokens: {
      type: 'string',
      terraform: ['metadata_options', 'http_tokens'],
      cloudformation: ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'],
      default: IMDS_DEFAULT,
      doc: 'Whether instances launched from the template require IMDSv2 session tokens.',
    },
    blockDevices: {
      type: 'items',
      terraform: ['block_device_mappings'],
      cloudformation: ['LaunchTemplateData', 'BlockDeviceMappings'],
      fields: {
        deviceName: { type: 'string', terraform: ['device_name'], cloudformation: ['DeviceName'] },
        ebs: { type: 'raw', terraform: ['ebs'], cloudformation: ['Ebs'] },
        encrypted: { type: 'bool', terraform: ['ebs', 'encrypted'], cloudformation: ['Ebs', 'Encrypted'], default: EBS_UNENCRYPTED_DEFAULT },
      },
    },
    userData: { type: 'string', terraform: ['user_data'], cloudformation: ['LaunchTemplateData', 'UserData'] },
  },
});

export const volume = defineKind({
  kind: 'aws.ec2.volume',
  terraform: ['aws_ebs_volume'],
  cloudformation: ['AWS::EC2::Volume'],
  fields: {
    encrypted: { type: 'bool', terraform: ['encrypted'], cloudformation: ['Encrypted'], default: EBS_UNENCRYPTED_DEFAULT, doc: 'Encrypts the volume, its snapshots and the data moving between the volume and the instance.' },
    kmsKeyId: { type: 'string', terraform: ['kms_key_id'], cloudformation: ['KmsKeyId'] },
    snapshotId: { type: 'string', terraform: ['snapshot_id'], cloudformation: ['SnapshotId'] },
  },
});
