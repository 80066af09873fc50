import type { policy, policyAttachment, user } from '../../../model/aws/iam';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Policy = KindResource<typeof policy.fields>;
type Attachment = KindResource<typeof policyAttachment.fields>;
type User = KindResource<typeof user.fields>;

const MESSAGE = 'grant permissions to a group or role instead, where they stay consistent and easy to review and revoke';

export default defineRule({
  meta: {
    id: 'aws-iam-user-attached-policies',
    provider: 'aws',
    service: 'iam',
    severity: 'low',
    title: 'IAM policy is attached directly to a user',
    explanation:
      'Permissions given user by user drift apart, are hard to review and tend to outlive the job they were granted for; groups and roles keep access consistent and easy to revoke. How you organize permissions is yours to decide.',
    resolution: 'Attach the policy to an IAM group (and add the user to it) or to a role the user assumes; better, move people to IAM Identity Center.',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions', 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2'],
    responsibility: {
      layer: 'identity-access',
      resourceTypes: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment', 'AWS::IAM::User', 'AWS::IAM::UserPolicy', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
    },
    controls: ['aws-fsbp:IAM.2', 'cis-aws-v5:1.14'],
    equivalents: { checkov: ['CKV_AWS_40'], kics: ['b4378389-a9aa-44ee-91e7-ef183f11079e', 'edc95c10-7366-4f30-9b4b-f995c84eceb5', 'e4239438-e639-44aa-adb8-866e400e3ade'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_iam_user_policy_attachment" "alice" {\n  user       = "alice"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n' }],
        good: [{ code: 'resource "aws_iam_group_policy_attachment" "readers" {\n  group      = "readers"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/ReadOnlyAccess\n' }],
        good: [{ code: 'Resources:\n  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      Groups:\n        - readers\n' }],
      },
    },
  },
  check(ctx) {
    for (const p of ctx.resources<Policy>('aws.iam.policy')) {
      if (p.source.type === 'aws_iam_user_policy' || p.source.type === 'AWS::IAM::UserPolicy') ctx.report({ resource: p, message: `An inline policy grants permissions to this user directly: ${MESSAGE}` });
      else if (p.f.users.items.length > 0) ctx.report({ resource: p, value: p.f.users.value, message: `Users attaches this policy to users directly: ${MESSAGE}` });
    }
    for (const a of ctx.resources<Attachment>('aws.iam.policy-attachment')) {
      if (a.source.type === 'aws_iam_user_policy_attachment') ctx.report({ resource: a, message: `A managed policy is attached to a user directly: ${MESSAGE}` });
      else if (a.source.type === 'aws_iam_policy_attachment' && a.f.users.items.length > 0) ctx.report({ resource: a, value: a.f.users.value, message: `users attaches this policy to users directly: ${MESSAGE}` });
    }
    for (const u of ctx.resources<User>('aws.iam.user')) {
      if (u.f.inline.items.length > 0) ctx.report({ resource: u, value: u.f.inline.value, message: `Policies grants this user permissions directly: ${MESSAGE}` });
      if (u.f.managedPolicyArns.items.length > 0) ctx.report({ resource: u, value: u.f.managedPolicyArns.value, message: `ManagedPolicyArns attaches managed policies to this user directly: ${MESSAGE}` });
    }
  },
});
