import { trail } from '../../../model/aws/cloudtrail';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-cloudtrail-multi-region',
    provider: 'aws',
    service: 'cloudtrail',
    severity: 'high',
    title: 'CloudTrail trail records only one Region',
    explanation:
      'AWS records API activity, but keeping that record for every Region is your configuration. A single-Region trail misses what an attacker does in a Region you do not use, which is exactly where they go.',
    resolution: 'Set is_multi_region_trail = true (CloudFormation: IsMultiRegionTrail: true).',
    links: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_cloudtrail', 'AWS::CloudTrail::Trail'] },
    controls: ['aws-fsbp:CloudTrail.1', 'cis-aws-v5:3.1'],
    equivalents: { checkov: ['CKV_AWS_67'], trivy: ['AVD-AWS-0014', 'aws-cloudtrail-enable-all-regions'], kics: ['8173d5eb-96b5-4aa6-a71b-ecfa153c123d', '058ac855-989f-4378-ba4d-52d004020da7'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = "acme-trail"\n  enable_log_file_validation = true\n}\n' }],
        good: [{ code: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = "acme-trail"\n  is_multi_region_trail      = true\n  enable_log_file_validation = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Main:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: acme-trail\n      IsLogging: true\n      IsMultiRegionTrail: false\n      EnableLogFileValidation: true\n' }],
        good: [{ code: 'Resources:\n  Main:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: acme-trail\n      IsLogging: true\n      IsMultiRegionTrail: true\n      EnableLogFileValidation: true\n' }],
      },
    },
  },
  kind: trail,
  field: 'multiRegion',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'activity in other Regions is not recorded',
});
