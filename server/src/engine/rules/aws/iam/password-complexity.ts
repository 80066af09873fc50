import type { passwordPolicy } from '../../../model/aws/iam';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type PasswordPolicy = KindResource<typeof passwordPolicy.fields>;

const CHECKS = [
  ['requireSymbols', 'require_symbols', 'symbols'],
  ['requireNumbers', 'require_numbers', 'numbers'],
  ['requireUppercase', 'require_uppercase_characters', 'uppercase letters'],
  ['requireLowercase', 'require_lowercase_characters', 'lowercase letters'],
] as const;

export default defineRule({
  meta: {
    id: 'aws-iam-password-complexity',
    provider: 'aws',
    service: 'iam',
    severity: 'low',
    title: 'IAM password policy does not require mixed character types',
    explanation:
      'Without character-class requirements users pick passwords from a small alphabet that cracking tools try first. IAM enforces only the rules the account password policy lists, and listing them is the customer\'s job.',
    resolution: 'Set require_symbols, require_numbers, require_uppercase_characters and require_lowercase_characters to true in aws_iam_account_password_policy (together with a minimum length of 14).',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-7'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_iam_account_password_policy'] },
    controls: ['aws-fsbp:IAM.7', 'aws-securityhub:IAM.11', 'aws-securityhub:IAM.12', 'aws-securityhub:IAM.13', 'aws-securityhub:IAM.14'],
    equivalents: {},
    fixable: true,
    formats: ['terraform'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n  require_symbols         = false\n}\n' }],
        good: [
          {
            code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length      = 14\n  require_symbols              = true\n  require_numbers              = true\n  require_uppercase_characters = true\n  require_lowercase_characters = true\n}\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    for (const p of ctx.resources<PasswordPolicy>('aws.iam.password-policy')) {
      for (const [field, name, what] of CHECKS) {
        const v = p.f[field];
        if (v.origin === 'unknown' || v.value !== false) continue;
        ctx.report({
          resource: p,
          value: v,
          message: `${name} is ${v.origin === 'default' ? 'not set' : 'false'}: passwords need not contain ${what}`,
          fix: v.site ? { title: `Set ${name} to true`, actions: [{ type: 'set', site: v.site, value: true }] } : undefined,
        });
      }
    }
  },
});
