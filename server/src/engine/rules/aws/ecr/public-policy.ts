import { defineRule } from '../../rule';
import { reportPublicStatements } from '../kms/public-policy';

type WithPolicy = Parameters<typeof reportPublicStatements>[1];

export default defineRule({
  meta: {
    id: 'aws-ecr-public-policy',
    provider: 'aws',
    service: 'ecr',
    severity: 'high',
    title: 'ECR repository policy allows anyone, without conditions',
    explanation:
      'A repository policy statement that allows Principal "*" with no Condition lets any AWS account pull the images (and whatever code or secrets are baked into them) or, with push actions, replace them. ECR enforces the policy as written; whom it admits is your responsibility.',
    resolution: 'Name the accounts that need the images, or restrict the statement with aws:PrincipalOrgID; publish deliberately public images through ECR Public instead.',
    links: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_ecr_repository_policy', 'AWS::ECR::Repository'] },
    controls: [],
    equivalents: { checkov: ['CKV_AWS_32'], kics: ['e86e26fc-489e-44f0-9bcd-97305e4ba69a', '75be209d-1948-41f6-a8c8-e22dd0121134'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          {
            code: 'resource "aws_ecr_repository" "app" {\n  name                 = "app"\n  image_tag_mutability = "IMMUTABLE"\n}\n\nresource "aws_ecr_repository_policy" "app" {\n  repository = aws_ecr_repository.app.name\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = "*", Action = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }]\n  })\n}\n',
          },
        ],
        good: [
          {
            code: 'resource "aws_ecr_repository" "app" {\n  name                 = "app"\n  image_tag_mutability = "IMMUTABLE"\n}\n\nresource "aws_ecr_repository_policy" "app" {\n  repository = aws_ecr_repository.app.name\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }]\n  })\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [
          {
            code: 'Resources:\n  App:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action:\n              - ecr:BatchGetImage\n              - ecr:GetDownloadUrlForLayer\n',
          },
        ],
        good: [
          {
            code: 'Resources:\n  App:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action:\n              - ecr:BatchGetImage\n              - ecr:GetDownloadUrlForLayer\n            Condition:\n              StringEquals:\n                aws:PrincipalOrgID: o-abc123\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    for (const r of ctx.resources<WithPolicy>('aws.ecr.repository')) reportPublicStatements(ctx, r, 'repository');
    for (const p of ctx.resources<WithPolicy>('aws.ecr.repository-policy')) reportPublicStatements(ctx, p, 'repository');
  },
});
