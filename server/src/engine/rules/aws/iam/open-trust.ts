import type { role } from '../../../model/aws/iam';
import type { KindResource } from '../../../model/kind';
import { isPublicPrincipal, wildcardMatch } from '../../../policy/document';
import { defineRule } from '../../rule';

type Role = KindResource<typeof role.fields>;

export default defineRule({
  meta: {
    id: 'aws-iam-open-trust',
    provider: 'aws',
    service: 'iam',
    severity: 'critical',
    title: 'IAM role can be assumed by anyone',
    explanation:
      'A trust policy that allows Principal "*" to call sts:AssumeRole without conditions lets any AWS account in the world, including an attacker\'s, obtain the role\'s credentials. STS enforces the trust policy exactly as written; who may assume a role is your decision.',
    resolution: 'Name the trusted accounts, roles or service principals in Principal; for cross-account access add conditions such as sts:ExternalId or aws:PrincipalOrgID.',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_iam_role', 'AWS::IAM::Role'] },
    controls: [],
    equivalents: { kics: ['12b7e704-37f0-4d1e-911a-44bf60c48c21', 'f80e3aa7-7b34-4185-954e-440a6894dde6'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_iam_role" "shared" {\n  name = "shared"\n  assume_role_policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }]\n  })\n}\n' }],
        good: [{ code: 'resource "aws_iam_role" "shared" {\n  name = "shared"\n  assume_role_policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::444455556666:root" }, Action = "sts:AssumeRole", Condition = { StringEquals = { "sts:ExternalId" = "acme-7f3a" } } }]\n  })\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Shared:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: sts:AssumeRole\n' }],
        good: [{ code: 'Resources:\n  Shared:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: lambda.amazonaws.com\n            Action: sts:AssumeRole\n' }],
      },
    },
  },
  check(ctx) {
    for (const r of ctx.resources<Role>('aws.iam.role')) {
      const doc = r.f.trust.document;
      if (!doc) continue;
      for (const st of doc.statements) {
        // Any condition (external id, organization, source identity…) narrows who can assume; stay silent.
        if (st.effect !== 'Allow' || st.condition || !isPublicPrincipal(st)) continue;
        const assume = st.actions.find((a) => !a.unknown && (wildcardMatch(a.value, 'sts:AssumeRole') || wildcardMatch(a.value, 'sts:AssumeRoleWithWebIdentity') || wildcardMatch(a.value, 'sts:AssumeRoleWithSAML')));
        if (!assume) continue;
        const principal = (st.principals ?? []).flatMap((p) => p.values).find((v) => v.value === '*');
        ctx.report({
          resource: r,
          value: r.f.trust.value,
          span: principal?.span ?? assume.span ?? st.span,
          message: 'The trust policy lets any principal in any AWS account assume this role, with no condition',
        });
      }
    }
  },
});
