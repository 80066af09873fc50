import type { accessKey } from '../../../model/aws/iam';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type AccessKey = KindResource<typeof accessKey.fields>;

export default defineRule({
  meta: {
    id: 'aws-iam-access-key',
    provider: 'aws',
    service: 'iam',
    severity: 'medium',
    title: 'IAM user access key is created in code',
    explanation:
      'An access key is a long-lived credential that works from anywhere until someone rotates or deletes it; a key created by Terraform also has its secret in the state file (in plain text unless pgp_key is set), and one created by CloudFormation has to be passed on through outputs or parameters. Issuing and guarding such credentials is your responsibility.',
    resolution: 'Use roles with temporary credentials instead: instance profiles, task roles, IAM Roles Anywhere, or OIDC federation for CI. If a key is unavoidable, create it outside infrastructure code, store it in Secrets Manager and rotate it.',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_iam_access_key', 'AWS::IAM::AccessKey'] },
    controls: [],
    equivalents: { kics: ['7081f85c-b94d-40fd-8b45-a4f1cac75e46'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_iam_access_key" "ci" {\n  user = "ci"\n}\n' }],
        good: [{ code: 'resource "aws_iam_access_key" "ci" {\n  user   = "ci"\n  status = "Inactive"\n}\n', note: 'a deactivated key kept only until it is deleted' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Key:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: ci\n' }],
        good: [{ code: 'Resources:\n  Key:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: ci\n      Status: Inactive\n' }],
      },
    },
  },
  check(ctx) {
    for (const k of ctx.resources<AccessKey>('aws.iam.access-key')) {
      const status = k.f.status;
      if (status.origin === 'unknown' || status.value !== 'Active') continue;
      const state = k.source.format === 'terraform' ? (k.f.pgpKey.origin === 'default' ? ' and its secret is stored in plain text in the Terraform state' : ' and its encrypted secret is kept in the Terraform state') : '';
      ctx.report({ resource: k, value: status.origin === 'default' ? undefined : status, message: `An active long-lived access key is created${state}` });
    }
  },
});
