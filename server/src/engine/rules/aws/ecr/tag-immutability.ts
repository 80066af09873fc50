import { repository } from '../../../model/aws/ecr';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-ecr-tag-immutability',
    provider: 'aws',
    service: 'ecr',
    severity: 'medium',
    title: 'ECR repository allows image tags to be overwritten',
    explanation:
      'With mutable tags anyone who can push may move a tag such as v1.4.2 to a different image, so what gets deployed can change without the tag changing. ECR enforces immutability once you ask for it; choosing it is your setting.',
    resolution: 'Set image_tag_mutability = "IMMUTABLE" (CloudFormation: ImageTagMutability: IMMUTABLE) and publish every build under a new tag.',
    links: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-2'],
    responsibility: { layer: 'application-code', resourceTypes: ['aws_ecr_repository', 'AWS::ECR::Repository'] },
    controls: ['aws-fsbp:ECR.2'],
    equivalents: { checkov: ['CKV_AWS_51'], trivy: ['AVD-AWS-0031', 'aws-ecr-enforce-immutable-repository'], kics: ['d1846b12-20c5-4d45-8798-fc35b79268eb', '33f41d31-86b1-46a4-81f7-9c9a671f59ac'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_ecr_repository" "app" {\n  name = "app"\n}\n', note: 'omitted: tags are mutable by default' }],
        good: [{ code: 'resource "aws_ecr_repository" "app" {\n  name                 = "app"\n  image_tag_mutability = "IMMUTABLE"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: MUTABLE\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: IMMUTABLE\n' }],
      },
    },
  },
  kind: repository,
  field: 'tagMutability',
  // MUTABLE_WITH_EXCLUSION keeps most tags mutable too.
  insecure: (v) => v.toUpperCase().startsWith('MUTABLE'),
  fix: 'IMMUTABLE',
  consequence: 'a pushed tag can later point at a different image',
});
