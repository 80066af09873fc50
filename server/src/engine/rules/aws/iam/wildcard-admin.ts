import { identityPolicies } from '../../../model/aws/iam';
import { coversAllResources } from '../../../policy/document';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'aws-iam-wildcard-admin',
    provider: 'aws',
    service: 'iam',
    severity: 'high',
    title: 'IAM policy allows every action on every resource',
    explanation:
      'AWS enforces the permissions you write; it does not choose them. A statement that allows "*" on "*" makes whoever holds the policy an administrator of the account, able to read every secret, delete every resource and grant itself more.',
    resolution: 'Grant only the actions and resources the workload uses; keep full administrator access for break-glass roles protected by MFA.',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1'],
    responsibility: {
      layer: 'identity-access',
      resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role'],
    },
    controls: ['aws-fsbp:IAM.1', 'cis-aws-v5:1.15'],
    equivalents: { checkov: ['CKV_AWS_62', 'CKV_AWS_1', 'CKV_AWS_63'], trivy: ['AVD-AWS-0057', 'aws-iam-no-policy-wildcards'], kics: ['2f37c4a3-58b9-4afe-8a87-d7f1d2286f84', '575a2155-6af1-4026-b1af-d5bc8fe2a904', '953b3cdb-ce13-428a-aa12-318726506661', 'f62aa827-4ade-4dc4-89e4-1433d384a368'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          { code: 'resource "aws_iam_policy" "admin" {\n  name = "admin"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]\n  })\n}\n' },
          {
            code: 'data "aws_iam_policy_document" "admin" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n\nresource "aws_iam_policy" "admin" {\n  name   = "admin"\n  policy = data.aws_iam_policy_document.admin.json\n}\n',
          },
        ],
        good: [{ code: 'resource "aws_iam_policy" "read" {\n  name = "read"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::acme-data/*" }]\n  })\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Admin:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: "*"\n            Resource: "*"\n' }],
        good: [{ code: 'Resources:\n  Read:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::acme-data/*\n' }],
      },
    },
  },
  check(ctx) {
    for (const p of identityPolicies((k) => ctx.resources(k))) {
      for (const st of p.document.statements) {
        if (st.effect !== 'Allow' || !coversAllResources(st) || st.notActions.length > 0) continue;
        const star = st.actions.find((a) => !a.unknown && (a.value === '*' || a.value === '*:*'));
        if (!star) continue;
        ctx.report({
          resource: p.resource,
          value: p.value,
          span: star.span ?? st.span ?? p.value.span,
          message: 'Allows "*" on "*": whoever holds this policy is an administrator of the account',
        });
      }
    }
  },
});
