import { detector } from '../../../model/aws/guardduty';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-guardduty-enabled',
    provider: 'aws',
    service: 'guardduty',
    severity: 'high',
    title: 'GuardDuty detector is disabled',
    explanation:
      'A suspended detector analyses no CloudTrail, VPC flow or DNS events, so compromised credentials and instances go unreported in this Region. AWS runs the detection engine; turning it on in every account and Region is yours.',
    resolution: 'Set enable = true (CloudFormation: Enable: true).',
    links: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-1'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_guardduty_detector', 'AWS::GuardDuty::Detector'] },
    controls: ['aws-fsbp:GuardDuty.1'],
    equivalents: { kics: ['704dadd3-54fc-48ac-b6a0-02f170011473', 'a25cd877-375c-4121-a640-730929936fac'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_guardduty_detector" "main" {\n  enable = false\n}\n' }],
        good: [{ code: 'resource "aws_guardduty_detector" "main" {\n  enable = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: false\n' }],
        good: [{ code: 'Resources:\n  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: true\n' }],
      },
    },
  },
  kind: detector,
  field: 'enable',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'no threat findings are produced in this Region',
});
