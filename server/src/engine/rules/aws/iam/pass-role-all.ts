import { IDENTITY_POLICY_TYPES, identityPolicies } from '../../../model/aws/iam';
import { actionsGranting, coversAllResources } from '../../../policy/document';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'aws-iam-pass-role-all',
    provider: 'aws',
    service: 'iam',
    severity: 'high',
    title: 'IAM policy lets its holder pass any role to AWS services',
    explanation:
      'iam:PassRole on every role lets the holder hand the most privileged role in the account to a Lambda function, EC2 instance or other service it can create, and act with that role\'s permissions: a classic privilege escalation. IAM checks the PassRole grants you write; scoping them is yours.',
    resolution: 'Limit iam:PassRole to the ARNs of the roles the workload must pass, and add an iam:PassedToService condition naming the service.',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService'],
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
        bad: [{ code: 'resource "aws_iam_role_policy" "deploy" {\n  role = "deploy"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["lambda:CreateFunction", "iam:PassRole"], Resource = "*" }]\n  })\n}\n' }],
        good: [{ code: 'resource "aws_iam_role_policy" "deploy" {\n  role = "deploy"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["iam:PassRole"], Resource = "arn:aws:iam::111122223333:role/app-lambda" }]\n  })\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Deploy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: iam:PassRole\n            Resource: "*"\n' }],
        good: [{ code: 'Resources:\n  Deploy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: iam:PassRole\n            Resource: arn:aws:iam::111122223333:role/app-lambda\n            Condition:\n              StringEquals:\n                iam:PassedToService: lambda.amazonaws.com\n' }],
      },
    },
  },
  check(ctx) {
    for (const p of identityPolicies((k) => ctx.resources(k))) {
      for (const st of p.document.statements) {
        // NotAction statements are aws-iam-allow-not-action's finding; conditions (iam:PassedToService…) scope the grant.
        if (st.effect !== 'Allow' || st.condition || st.notActions.length > 0 || !coversAllResources(st)) continue;
        const granting = actionsGranting(st, 'iam:PassRole').filter((a) => a.value !== '*' && a.value !== '*:*');
        if (granting.length === 0) continue; // "*" alone is aws-iam-wildcard-admin's finding
        const a = granting[0]!;
        ctx.report({ resource: p.resource, value: p.value, span: a.span ?? st.span ?? p.value.span, message: `"${a.value}" on every resource${a.value.toLowerCase() === 'iam:passrole' ? '' : ' includes iam:PassRole'}: any role can be passed to a service, including administrator roles` });
      }
    }
  },
});
