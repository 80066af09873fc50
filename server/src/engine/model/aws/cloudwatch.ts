// CloudWatch Logs log groups.
import { defineKind } from '../kind';

export const logGroup = defineKind({
  kind: 'aws.cloudwatch.log-group',
  terraform: ['aws_cloudwatch_log_group'],
  cloudformation: ['AWS::Logs::LogGroup'],
  fields: {
    retentionDays: {
      type: 'number',
      terraform: ['retention_in_days'],
      cloudformation: ['RetentionInDays'],
      doc: 'Days CloudWatch Logs keeps events; absent (or 0 in Terraform) keeps them forever.',
    },
    kmsKeyId: {
      type: 'string',
      terraform: ['kms_key_id'],
      cloudformation: ['KmsKeyId'],
      doc: 'Customer managed KMS key for the log data; absent means CloudWatch Logs\' own service-managed encryption.',
    },
  },
});
