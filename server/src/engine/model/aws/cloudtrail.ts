import { defineKind } from '../kind';

export const trail = defineKind({
  kind: 'aws.cloudtrail.trail',
  terraform: ['aws_cloudtrail'],
  cloudformation: ['AWS::CloudTrail::Trail'],
  fields: {
    multiRegion: {
      type: 'bool',
      terraform: ['is_multi_region_trail'],
      cloudformation: ['IsMultiRegionTrail'],
      default: { value: false, reason: 'a trail records only its own Region unless made multi-Region' },
      doc: 'Records management events from every Region, including Regions enabled later.',
    },
    logFileValidation: {
      type: 'bool',
      terraform: ['enable_log_file_validation'],
      cloudformation: ['EnableLogFileValidation'],
      default: { value: false, reason: 'CloudTrail does not write digest files unless asked' },
      doc: 'Writes hourly signed digest files so changes to delivered log files can be detected.',
    },
    organization: { type: 'bool', terraform: ['is_organization_trail'], cloudformation: ['IsOrganizationTrail'], default: { value: false, reason: 'default' } },
    logging: { type: 'bool', terraform: ['enable_logging'], cloudformation: ['IsLogging'], default: { value: true, reason: 'Terraform starts logging by default' } },
    kmsKeyId: { type: 'string', terraform: ['kms_key_id'], cloudformation: ['KMSKeyId'] },
  },
});
