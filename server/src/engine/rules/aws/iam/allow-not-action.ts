import { IDENTITY_POLICY_TYPES, identityPolicies } from '../../../model/aws/iam';
import { coversAllResources } from '../../../policy/document';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'aws-iam-allow-not-action',
    provider: 'aws',
    service: 'iam',
    severity: 'high',
    title: 'IAM policy allows every action except a few (Allow with NotAction)',
    explanation:
      'Allow with NotAction grants every action of every service that is not listed, including actions AWS adds later; on all resources it is one short list away from administrator access. IAM evaluates what you write; writing allow-lists is your duty.',
    resolution: 'Replace NotAction with an explicit Action list. To carve out exceptions from broad access, keep a narrow Allow and add a Deny statement instead.',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
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
        bad: [{ code: 'resource "aws_iam_policy" "ops" {\n  name = "ops"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", NotAction = ["iam:*", "organizations:*"], Resource = "*" }]\n  })\n}\n' }],
        good: [{ code: 'resource "aws_iam_policy" "ops" {\n  name = "ops"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["cloudwatch:GetMetricData", "logs:FilterLogEvents"], Resource = "*" }]\n  })\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Ops:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            NotAction: iam:*\n            Resource: "*"\n' }],
        good: [{ code: 'Resources:\n  Ops:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: cloudwatch:GetMetricData\n            Resource: "*"\n' }],
      },
    },
  },
  check(ctx) {
    for (const p of identityPolicies((k) => ctx.resources(k))) {
      for (const st of p.document.statements) {
        if (st.effect !== 'Allow' || st.notActions.length === 0) continue;
        const all = coversAllResources(st);
        const first = st.notActions[0]!;
        ctx.report({
          resource: p.resource,
          value: p.value,
          span: first.span ?? st.span ?? p.value.span,
          severity: all ? undefined : 'medium',
          message: `Allow with NotAction grants every action of every service except the ${st.notActions.length} listed${all ? ', on every resource' : ''}`,
        });
      }
    }
  },
});
