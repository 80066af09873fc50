// IAM identities and policies. Every identity policy document, wherever it is written, is reachable through
// `identityPolicies()` in adapt/terraform|cloudformation so rules check one list.
import { defineKind } from '../kind';

export const policy = defineKind({
  kind: 'aws.iam.policy',
  terraform: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'],
  cloudformation: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy'],
  fields: {
    document: { type: 'policy', terraform: ['policy'], cloudformation: ['PolicyDocument'] },
    // CloudFormation attaches AWS::IAM::Policy / ManagedPolicy to identities from the policy side.
    users: { type: 'strings', cloudformation: ['Users'] },
  },
});

const inline = {
  type: 'items' as const,
  terraform: ['inline_policy'],
  cloudformation: ['Policies'],
  fields: { document: { type: 'policy' as const, terraform: ['policy'], cloudformation: ['PolicyDocument'] } },
};

export const role = defineKind({
  kind: 'aws.iam.role',
  terraform: ['aws_iam_role'],
  cloudformation: ['AWS::IAM::Role'],
  fields: {
    trust: { type: 'policy', terraform: ['assume_role_policy'], cloudformation: ['AssumeRolePolicyDocument'] },
    inline,
    managedPolicyArns: { type: 'strings', terraform: ['managed_policy_arns'], cloudformation: ['ManagedPolicyArns'] },
  },
});

export const user = defineKind({
  kind: 'aws.iam.user',
  terraform: ['aws_iam_user'],
  cloudformation: ['AWS::IAM::User'],
  fields: { inline: { ...inline, terraform: undefined }, managedPolicyArns: { type: 'strings', cloudformation: ['ManagedPolicyArns'] } },
});

export const group = defineKind({
  kind: 'aws.iam.group',
  terraform: ['aws_iam_group'],
  cloudformation: ['AWS::IAM::Group'],
  fields: { inline: { ...inline, terraform: undefined }, managedPolicyArns: { type: 'strings', cloudformation: ['ManagedPolicyArns'] } },
});

/** Terraform attachments of a managed policy to roles, users or groups (CloudFormation lists ManagedPolicyArns on the identity). */
export const policyAttachment = defineKind({
  kind: 'aws.iam.policy-attachment',
  terraform: ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment'],
  cloudformation: [],
  fields: {
    policyArn: { type: 'string', terraform: ['policy_arn'] },
    user: { type: 'string', terraform: ['user'] },
    users: { type: 'strings', terraform: ['users'] },
  },
});

export const accessKey = defineKind({
  kind: 'aws.iam.access-key',
  terraform: ['aws_iam_access_key'],
  cloudformation: ['AWS::IAM::AccessKey'],
  fields: {
    status: {
      type: 'string',
      terraform: ['status'],
      cloudformation: ['Status'],
      default: { value: 'Active', reason: 'IAM creates access keys active' },
      doc: 'Active keys can sign API requests; Inactive keys cannot.',
    },
    pgpKey: { type: 'string', terraform: ['pgp_key'] },
  },
});

/** The account password policy for IAM users (Terraform only: CloudFormation has no resource for it). */
export const passwordPolicy = defineKind({
  kind: 'aws.iam.password-policy',
  terraform: ['aws_iam_account_password_policy'],
  cloudformation: [],
  fields: {
    minLength: {
      type: 'number',
      terraform: ['minimum_password_length'],
      default: { value: 6, reason: 'IAM requires 6 characters unless the policy says otherwise' },
      doc: 'Minimum number of characters in an IAM user password.',
    },
    reusePrevention: {
      type: 'number',
      terraform: ['password_reuse_prevention'],
      default: { value: 0, reason: 'IAM lets users reuse previous passwords unless the policy says otherwise' },
      doc: 'How many previous passwords a user may not reuse.',
    },
    requireSymbols: { type: 'bool', terraform: ['require_symbols'], default: { value: false, reason: 'IAM does not require symbols unless asked' } },
    requireNumbers: { type: 'bool', terraform: ['require_numbers'], default: { value: false, reason: 'IAM does not require numbers unless asked' } },
    requireUppercase: { type: 'bool', terraform: ['require_uppercase_characters'], default: { value: false, reason: 'IAM does not require uppercase letters unless asked' } },
    requireLowercase: { type: 'bool', terraform: ['require_lowercase_characters'], default: { value: false, reason: 'IAM does not require lowercase letters unless asked' } },
  },
});

import type { KindResource, PolicyValue } from '../kind';
import type { ModelResource } from '../resource';
import type { PolicyDocument } from '../../policy/document';

export interface IdentityPolicy {
  resource: ModelResource;
  document: PolicyDocument;
  value: PolicyValue['value'];
}

/** The resource types identityPolicies() reads policy documents from (for rule metadata). */
export const IDENTITY_POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];

/** Every identity-based policy document in the model: managed and inline policies on roles, users and groups. */
export function identityPolicies(resources: (kind: string) => ModelResource[]): IdentityPolicy[] {
  const out: IdentityPolicy[] = [];
  for (const p of resources('aws.iam.policy') as KindResource<typeof policy.fields>[]) {
    if (p.f.document.document) out.push({ resource: p, document: p.f.document.document, value: p.f.document.value });
  }
  for (const kind of ['aws.iam.role', 'aws.iam.user', 'aws.iam.group']) {
    for (const r of resources(kind) as KindResource<typeof role.fields>[]) {
      for (const item of r.f.inline.items) {
        const d = item.f.document;
        if (d.document) out.push({ resource: r, document: d.document, value: d.value });
      }
    }
  }
  return out;
}
