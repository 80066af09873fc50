import type { group, policyAttachment, role, user } from '../../../model/aws/iam';
import type { KindResource } from '../../../model/kind';
import type { ModelResource, Value } from '../../../model/resource';
import { defineRule } from '../../rule';

type Attachment = KindResource<typeof policyAttachment.fields>;
type Identity = KindResource<typeof role.fields> | KindResource<typeof user.fields> | KindResource<typeof group.fields>;

// The AWS managed AdministratorAccess policy in any partition (aws, aws-cn, aws-us-gov…).
const ADMIN = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

export default defineRule({
  meta: {
    id: 'aws-iam-admin-policy-attached',
    provider: 'aws',
    service: 'iam',
    severity: 'high',
    title: 'AdministratorAccess managed policy is attached',
    explanation:
      'AdministratorAccess allows every action on every resource: whoever holds it, or compromises the workload or person that does, controls the account. AWS maintains the policy; deciding who gets it is yours.',
    resolution: 'Attach a policy limited to what the role, user or group needs; keep administrator access for a few break-glass roles that require MFA, ideally through IAM Identity Center.',
    links: ['https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    responsibility: {
      layer: 'identity-access',
      resourceTypes: ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment', 'aws_iam_role', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
    },
    controls: [],
    equivalents: { checkov: ['CKV_AWS_274'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_iam_role_policy_attachment" "ci" {\n  role       = "ci"\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n' }],
        good: [{ code: 'resource "aws_iam_role_policy_attachment" "ci" {\n  role       = "ci"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Ci:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { Service: codebuild.amazonaws.com }\n            Action: sts:AssumeRole\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/AdministratorAccess\n' }],
        good: [{ code: 'Resources:\n  Ci:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { Service: codebuild.amazonaws.com }\n            Action: sts:AssumeRole\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/ReadOnlyAccess\n' }],
      },
    },
  },
  check(ctx) {
    const check = (resource: ModelResource, v: Value<string>, holder: string) => {
      if (v.origin === 'unknown' || v.origin === 'default' || !ADMIN.test(v.value ?? '')) return;
      ctx.report({ resource, value: v, message: `AdministratorAccess is attached to ${holder}: it can do anything in the account` });
    };
    const holderOf: Record<string, string> = {
      aws_iam_role_policy_attachment: 'a role',
      aws_iam_user_policy_attachment: 'a user',
      aws_iam_group_policy_attachment: 'a group',
      aws_iam_policy_attachment: 'the listed identities',
    };
    for (const a of ctx.resources<Attachment>('aws.iam.policy-attachment')) check(a, a.f.policyArn, holderOf[a.source.type] ?? 'an identity');
    for (const [kind, holder] of [['aws.iam.role', 'this role'], ['aws.iam.user', 'this user'], ['aws.iam.group', 'this group']] as const) {
      for (const r of ctx.resources<Identity>(kind)) for (const item of r.f.managedPolicyArns.items) check(r, item, holder);
    }
  },
});
