import { passwordPolicy } from '../../../model/aws/iam';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-iam-password-reuse',
    provider: 'aws',
    service: 'iam',
    severity: 'low',
    title: 'IAM password policy lets users reuse recent passwords',
    explanation:
      'When users may go back to an earlier password, a password that leaked once keeps working after every forced change. IAM remembers up to 24 previous passwords, but only if the account password policy asks it to.',
    resolution: 'Set password_reuse_prevention = 24 in aws_iam_account_password_policy.',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-16'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_iam_account_password_policy'] },
    controls: ['aws-securityhub:IAM.16', 'cis-aws-v5:1.8'],
    equivalents: { trivy: ['AVD-AWS-0056', 'aws-iam-no-password-reuse'] },
    fixable: true,
    formats: ['terraform'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n}\n', note: 'omitted: any previous password may be reused' }],
        good: [{ code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length   = 14\n  password_reuse_prevention = 24\n}\n' }],
      },
    },
  },
  kind: passwordPolicy,
  field: 'reusePrevention',
  insecure: (v) => v < 24,
  fix: 24,
  consequence: 'users can return to recently used, possibly leaked passwords',
});
