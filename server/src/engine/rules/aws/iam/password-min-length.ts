import { passwordPolicy } from '../../../model/aws/iam';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-iam-password-min-length',
    provider: 'aws',
    service: 'iam',
    severity: 'medium',
    title: 'IAM password policy allows passwords shorter than 14 characters',
    explanation:
      'Short passwords fall quickly to guessing and cracking; IAM enforces whatever minimum the account password policy sets, 6 characters unless you change it. Setting the policy is the customer\'s duty.',
    resolution: 'Set minimum_password_length = 14 or more in aws_iam_account_password_policy (CloudFormation has no password policy resource).',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-15'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_iam_account_password_policy'] },
    controls: ['aws-securityhub:IAM.15', 'aws-fsbp:IAM.7', 'cis-aws-v5:1.7'],
    equivalents: { trivy: ['AVD-AWS-0063', 'aws-iam-set-minimum-password-length'], kics: ['1bc1c685-e593-450e-88fb-19db4c82aa1d'] },
    fixable: true,
    formats: ['terraform'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 8\n}\n' }],
        good: [{ code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n}\n' }],
      },
    },
  },
  kind: passwordPolicy,
  field: 'minLength',
  insecure: (v) => v < 14,
  fix: 14,
  consequence: 'IAM user passwords can be short enough to guess or crack',
});
