import type { PolicyValue } from '../../../model/kind';
import type { ModelResource } from '../../../model/resource';
import { isPublicPrincipal } from '../../../policy/document';
import { defineRule, type RuleContext } from '../../rule';

type WithPolicy = ModelResource & { f: { policy: PolicyValue } };

export function reportPublicStatements(ctx: RuleContext, r: WithPolicy, what: string): void {
  for (const st of r.f.policy.document?.statements ?? []) {
    // A condition (aws:PrincipalOrgID, kms:CallerAccount, aws:SourceArn…) narrows the grant; judging it needs context we lack.
    if (st.effect !== 'Allow' || st.condition !== undefined || !isPublicPrincipal(st)) continue;
    const star = (st.principals ?? []).flatMap((p) => p.values).find((v) => !v.unknown && v.value === '*');
    const actions = st.actions.filter((a) => !a.unknown).map((a) => a.value);
    const granted = st.notActions.length > 0 ? 'every action except those in NotAction' : actions.length > 0 ? actions.join(', ') : 'its actions';
    ctx.report({
      resource: r,
      value: r.f.policy.value,
      span: star?.span ?? st.span ?? r.f.policy.value.span,
      message: `Allows anyone (Principal "*") ${granted} on this ${what}, with no condition`,
    });
  }
}

export default defineRule({
  meta: {
    id: 'aws-kms-public-policy',
    provider: 'aws',
    service: 'kms',
    severity: 'critical',
    title: 'KMS key policy allows anyone, without conditions',
    explanation:
      'A key policy statement that allows Principal "*" with no Condition lets any AWS account use or manage the key, for example to decrypt data encrypted under it or to schedule its deletion. KMS enforces the key policy exactly as written; whom it names is your responsibility.',
    resolution: 'Name the accounts or roles that need the key (the account root ARN delegates to IAM), or keep "*" only together with conditions such as kms:CallerAccount, kms:ViaService or aws:PrincipalOrgID.',
    links: ['https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-5'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_kms_key', 'aws_kms_key_policy', 'AWS::KMS::Key'] },
    controls: ['aws-fsbp:KMS.5'],
    equivalents: { checkov: ['CKV_AWS_33'], kics: ['7ebc9038-0bde-479a-acc4-6ed7b6758899', 'da905474-7454-43c0-b8d2-5756ab951aba'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          {
            code: 'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:*", Resource = "*" }]\n  })\n}\n',
          },
        ],
        good: [
          {
            code: 'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }]\n  })\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [
          {
            code: 'Resources:\n  Data:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      KeyPolicy:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: kms:Decrypt\n            Resource: "*"\n',
          },
        ],
        good: [
          {
            code: 'Resources:\n  Data:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      KeyPolicy:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: kms:Decrypt\n            Resource: "*"\n            Condition:\n              StringEquals:\n                kms:CallerAccount: "111122223333"\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    for (const k of ctx.resources<WithPolicy>('aws.kms.key')) reportPublicStatements(ctx, k, 'key');
    for (const p of ctx.resources<WithPolicy>('aws.kms.key-policy')) reportPublicStatements(ctx, p, 'key');
  },
});
