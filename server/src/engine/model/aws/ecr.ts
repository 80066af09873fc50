// ECR repositories and repository policies.
import { defineKind } from '../kind';

export const repository = defineKind({
  kind: 'aws.ecr.repository',
  terraform: ['aws_ecr_repository'],
  cloudformation: ['AWS::ECR::Repository'],
  fields: {
    scanOnPush: {
      type: 'bool',
      terraform: ['image_scanning_configuration', 'scan_on_push'],
      cloudformation: ['ImageScanningConfiguration', 'ScanOnPush'],
      default: { value: false, reason: 'ECR does not scan pushed images unless asked' },
      doc: 'Scan each image for known vulnerabilities when it is pushed (basic scanning).',
    },
    tagMutability: {
      type: 'string',
      terraform: ['image_tag_mutability'],
      cloudformation: ['ImageTagMutability'],
      default: { value: 'MUTABLE', reason: 'ECR creates repositories with mutable tags unless asked' },
      doc: 'Whether an existing image tag can be pointed at another image.',
    },
    policy: { type: 'policy', cloudformation: ['RepositoryPolicyText'] },
  },
});

export const repositoryPolicy = defineKind({
  kind: 'aws.ecr.repository-policy',
  terraform: ['aws_ecr_repository_policy'],
  cloudformation: [],
  fields: {
    policy: { type: 'policy', terraform: ['policy'] },
  },
});
