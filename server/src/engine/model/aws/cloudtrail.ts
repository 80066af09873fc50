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
    kmsKeyId: {
      type: 'string',
      terraform: ['kms_key_id'],
      cloudformation: ['KMSKeyId'],
      doc: 'KMS key that encrypts delivered log and digest files (SSE-KMS); without it they get SSE-S3 only.',
    },
    cloudWatchLogsGroupArn: {
      type: 'string',
      terraform: ['cloud_watch_logs_group_arn'],
      cloudformation: ['CloudWatchLogsLogGroupArn'],
      doc: 'CloudWatch Logs group that also receives the events, where metric filters and alarms can react to them.',
    },
  },
});
