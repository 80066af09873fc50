import { IDENTITY_POLICY_TYPES, identityPolicies } from '../../../model/aws/iam';
import { coversAllResources } from '../../../policy/document';
import { defineRule } from '../../rule';

const SERVICE_STAR = /^[a-z0-9-]+:\*$/i;

export default defineRule({
  meta: {
    id: 'aws-iam-service-wildcard',
    provider: 'aws',
    service: 'iam',
    severity: 'low',
    title: 'IAM policy allows every action of a service ("service:*")',
    explanation:
      'A "service:*" action grants every current and future action of that service, usually far more than the workload uses (for S3: deleting buckets and rewriting bucket policies, not just reading objects). IAM enforces the grant you write; choosing the actions is yours.',
    resolution: 'List the actions the workload calls (IAM Access Analyzer can generate a policy from CloudTrail activity) instead of "service:*".',
    links: ['https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html'],
    responsibility: {
      layer: 'identity-access',
      resourceTypes: IDENTITY_POLICY_TYPES,
    },
    controls: ['aws-fsbp:IAM.21'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_iam_policy" "app" {\n  name = "app"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }]\n  })\n}\n' }],
        good: [{ code: 'resource "aws_iam_policy" "app" {\n  name = "app"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::acme-data/*" }]\n  })\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: dynamodb:*\n            Resource: arn:aws:dynamodb:eu-west-1:111122223333:table/orders\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: [dynamodb:GetItem, dynamodb:PutItem]\n            Resource: arn:aws:dynamodb:eu-west-1:111122223333:table/orders\n' }],
      },
    },
  },
  check(ctx) {
    for (const p of identityPolicies((k) => ctx.resources(k))) {
      for (const st of p.document.statements) {
        if (st.effect !== 'Allow') continue;
        // Broader rules already report "ec2:*" (aws-iam-broad-run-instances) and "iam:*" (aws-iam-pass-role-all)
        // when they apply to every resource without conditions.
        const reportedElsewhere = !st.condition && coversAllResources(st);
        for (const a of st.actions) {
          if (a.unknown || !SERVICE_STAR.test(a.value)) continue;
          const svc = a.value.split(':')[0]!.toLowerCase();
          if (reportedElsewhere && (svc === 'ec2' || svc === 'iam')) continue;
          ctx.report({ resource: p.resource, value: p.value, span: a.span ?? st.span ?? p.value.span, message: `"${a.value}" allows every current and future ${svc} action` });
        }
      }
    }
  },
});
