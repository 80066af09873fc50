// GuardDuty detectors.
import { defineKind } from '../kind';

export const detector = defineKind({
  kind: 'aws.guardduty.detector',
  terraform: ['aws_guardduty_detector'],
  cloudformation: ['AWS::GuardDuty::Detector'],
  fields: {
    enable: {
      type: 'bool',
      terraform: ['enable'],
      cloudformation: ['Enable'],
      defaults: { terraform: { value: true, reason: 'Terraform provider default' } },
      doc: 'Whether the detector analyses data sources and produces findings.',
    },
  },
});
