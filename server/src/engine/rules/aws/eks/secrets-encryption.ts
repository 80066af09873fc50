import type { cluster } from '../../../model/aws/eks';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Cluster = KindResource<typeof cluster.fields>;

export default defineRule({
  meta: {
    id: 'aws-eks-secrets-encryption',
    provider: 'aws',
    service: 'eks',
    severity: 'medium',
    title: 'EKS cluster does not encrypt Kubernetes secrets with a KMS key you control',
    explanation:
      'Without an encryption_config for "secrets", Kubernetes Secrets in etcd are not envelope-encrypted with a KMS key of yours, so you cannot restrict, audit or revoke decryption through a key policy. AWS protects the etcd storage; choosing a customer managed key for secrets is your setting.',
    resolution: 'Add encryption_config { resources = ["secrets"] provider { key_arn = <KMS key ARN> } } (CloudFormation: EncryptionConfig with Resources: [secrets] and Provider.KeyArn).',
    links: ['https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-3'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_eks_cluster', 'AWS::EKS::Cluster'] },
    controls: ['aws-fsbp:EKS.3'],
    equivalents: { checkov: ['CKV_AWS_58'], trivy: ['AVD-AWS-0039', 'aws-eks-encrypt-secrets'], kics: ['63ebcb19-2739-4d3f-aa5c-e8bbb9b85281', '8e5ef52b-e673-4c3f-9b2e-99cdd0139059'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_eks_cluster" "main" {\n  name     = "main"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids = ["subnet-1", "subnet-2"]\n  }\n}\n' }],
        good: [
          {
            code: 'resource "aws_kms_key" "eks" {\n  enable_key_rotation = true\n}\n\nresource "aws_eks_cluster" "main" {\n  name     = "main"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids = ["subnet-1", "subnet-2"]\n  }\n\n  encryption_config {\n    resources = ["secrets"]\n    provider {\n      key_arn = aws_kms_key.eks.arn\n    }\n  }\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Main:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: arn:aws:iam::111122223333:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n' }],
        good: [
          {
            code: 'Resources:\n  Main:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: arn:aws:iam::111122223333:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n      EncryptionConfig:\n        - Resources: [secrets]\n          Provider:\n            KeyArn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    for (const c of ctx.resources<Cluster>('aws.eks.cluster')) {
      const enc = c.f.encryption;
      if (enc.value.origin === 'unknown') continue;
      let unknown = false;
      let covered = false;
      for (const item of enc.items) {
        if (item.f.resources.value.origin === 'unknown') unknown = true;
        for (const r of item.f.resources.items) {
          if (r.origin === 'unknown') unknown = true;
          else if (r.value === 'secrets') covered = true;
        }
      }
      if (covered || unknown) continue;
      const name = c.source.format === 'terraform' ? 'encryption_config' : 'EncryptionConfig';
      ctx.report({
        resource: c,
        value: enc.value,
        message:
          enc.value.origin === 'default'
            ? `${name} is not set: Kubernetes secrets are not envelope-encrypted with a KMS key you control`
            : `${name} does not list "secrets": Kubernetes secrets are not envelope-encrypted with a KMS key you control`,
      });
    }
  },
});
