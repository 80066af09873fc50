// EC2 compute and storage: instances, launch templates, EBS volumes. Security groups are in aws/vpc.ts.
import { defineKind } from '../kind';

const IMDS_DEFAULT = {
  value: 'optional',
  reason: 'EC2 allows IMDSv1 unless the AMI\'s ImdsSupport is v2.0 or the account\'s IMDS default requires tokens',
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
    userDataBase64: { type: 'string', terraform: ['user_data_base64'] },
    // CloudFormation sets the public address per network interface; Terraform has the top-level attribute above.
    networkInterfaces: {
      type: 'items',
      cloudformation: ['NetworkInterfaces'],
      fields: { associatePublicIp: { type: 'bool', cloudformation: ['AssociatePublicIpAddress'] } },
    },
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
    networkInterfaces: {
      type: 'items',
      terraform: ['network_interfaces'],
      cloudformation: ['LaunchTemplateData', 'NetworkInterfaces'],
      fields: { associatePublicIp: { type: 'bool', terraform: ['associate_public_ip_address'], cloudformation: ['AssociatePublicIpAddress'] } },
    },
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

/** Legacy Auto Scaling launch configurations (superseded by launch templates, still common in older code). */
export const launchConfiguration = defineKind({
  kind: 'aws.ec2.launch-configuration',
  terraform: ['aws_launch_configuration'],
  cloudformation: ['AWS::AutoScaling::LaunchConfiguration'],
  fields: {
    httpTokens: {
      type: 'string',
      terraform: ['metadata_options', 'http_tokens'],
      cloudformation: ['MetadataOptions', 'HttpTokens'],
      default: IMDS_DEFAULT,
      doc: 'Whether instances launched from the configuration require IMDSv2 session tokens.',
    },
    httpEndpoint: {
      type: 'string',
      terraform: ['metadata_options', 'http_endpoint'],
      cloudformation: ['MetadataOptions', 'HttpEndpoint'],
      default: { value: 'enabled', reason: 'EC2 turns the metadata endpoint on unless told otherwise' },
    },
    associatePublicIp: {
      type: 'bool',
      terraform: ['associate_public_ip_address'],
      cloudformation: ['AssociatePublicIpAddress'],
      doc: 'Whether instances get a public IPv4 address (when absent, the subnet\'s setting decides).',
    },
    rootEncrypted: { type: 'bool', terraform: ['root_block_device', 0, 'encrypted'], default: EBS_UNENCRYPTED_DEFAULT },
    blockDevices: {
      type: 'items',
      terraform: ['ebs_block_device'],
      cloudformation: ['BlockDeviceMappings'],
      fields: {
        deviceName: { type: 'string', terraform: ['device_name'], cloudformation: ['DeviceName'] },
        ebs: { type: 'raw', terraform: [], cloudformation: ['Ebs'] },
        snapshotId: { type: 'string', terraform: ['snapshot_id'], cloudformation: ['Ebs', 'SnapshotId'] },
        encrypted: { type: 'bool', terraform: ['encrypted'], cloudformation: ['Ebs', 'Encrypted'], default: EBS_UNENCRYPTED_DEFAULT },
      },
    },
    userData: { type: 'string', terraform: ['user_data'], cloudformation: ['UserData'] },
    userDataBase64: { type: 'string', terraform: ['user_data_base64'] },
  },
});

/** Region-wide EBS encryption by default (Terraform only; CloudFormation has no resource for it). */
export const ebsEncryptionByDefault = defineKind({
  kind: 'aws.ec2.ebs-encryption-by-default',
  terraform: ['aws_ebs_encryption_by_default'],
  cloudformation: [],
  fields: {
    enabled: {
      type: 'bool',
      terraform: ['enabled'],
      default: { value: true, reason: 'the Terraform resource turns the setting on unless enabled = false' },
      doc: 'Whether new EBS volumes and snapshot copies in the Region are encrypted automatically.',
    },
  },
});

/** Sharing an AMI: a launch permission for an account, an organization, or the group "all" (everyone). */
export const amiLaunchPermission = defineKind({
  kind: 'aws.ec2.ami-launch-permission',
  terraform: ['aws_ami_launch_permission'],
  cloudformation: [],
  fields: {
    group: { type: 'string', terraform: ['group'], doc: 'A group to share the AMI with; "all" makes it public.' },
    accountId: { type: 'string', terraform: ['account_id'] },
  },
});

/** Account-level (per Region) block public access for EBS snapshots. */
export const snapshotBlockPublicAccess = defineKind({
  kind: 'aws.ec2.snapshot-block-public-access',
  terraform: ['aws_ebs_snapshot_block_public_access'],
  cloudformation: ['AWS::EC2::SnapshotBlockPublicAccess'],
  fields: {
    state: { type: 'string', terraform: ['state'], cloudformation: ['State'], doc: 'block-all-sharing, block-new-sharing or unblocked.' },
  },
});
