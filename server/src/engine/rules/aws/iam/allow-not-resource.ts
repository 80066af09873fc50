import { IDENTITY_POLICY_TYPES, identityPolicies } from '../../../model/aws/iam';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'aws-iam-allow-not-resource',
    provider: 'aws',
    service: 'iam',
    severity: 'medium',
    title: 'IAM policy allows actions on every resource except a few (Allow with NotResource)',
    explanation:
      'Allow with NotResource applies the granted actions to every resource that is not listed, in every account the identity can reach and including resources created later. IAM enforces what you write; scoping permissions to the resources a workload uses is your duty.',
    resolution: 'List the resources the statement should apply to in Resource; to exclude some from a broad grant, add a Deny statement for them.',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    responsibility: {
      layer: 'identity-access',
      resourceTypes: IDENTITY_POLICY_TYPES,
    },
    controls: [],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_iam_policy" "data" {\n  name = "data"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], NotResource = ["arn:aws:s3:::acme-secrets/*"] }]\n  })\n}\n' }],
        good: [{ code: 'resource "aws_iam_policy" "data" {\n  name = "data"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::acme-data/*"] }]\n  })\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Data:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            NotResource: arn:aws:s3:::acme-secrets/*\n' }],
        good: [{ code: 'Resources:\n  Data:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::acme-data/*\n' }],
      },
    },
  },
  check(ctx) {
    for (const p of identityPolicies((k) => ctx.resources(k))) {
      for (const st of p.document.statements) {
        if (st.effect !== 'Allow' || st.notResources.length === 0) continue;
        // "*" with NotResource is already an admin grant (aws-iam-wildcard-admin).
        if (st.notActions.length === 0 && st.actions.some((a) => !a.unknown && (a.value === '*' || a.value === '*:*'))) continue;
        const first = st.notResources[0]!;
        ctx.report({
          resource: p.resource,
          value: p.value,
          span: first.span ?? st.span ?? p.value.span,
          message: `Allow with NotResource applies to every resource except the ${st.notResources.length} listed, including ones created later`,
        });
      }
    }
  },
});
