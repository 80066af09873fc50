import type { repository } from '../../../model/aws/ecr';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Repo = KindResource<typeof repository.fields>;

// Registry-level scanning rules (basic or Amazon Inspector enhanced) can cover repositories whatever their own flag says.
const REGISTRY_SCANNING = new Set(['aws_ecr_registry_scanning_configuration', 'AWS::ECR::RegistryScanningConfiguration']);

export default defineRule({
  meta: {
    id: 'aws-ecr-scan-on-push',
    provider: 'aws',
    service: 'ecr',
    severity: 'high',
    title: 'ECR repository does not scan images on push',
    explanation:
      'Without scanning, images with known vulnerable packages are stored and deployed without anyone being told. ECR and Amazon Inspector provide the scanners; turning scanning on, for the repository or the whole registry, and acting on the findings is your duty.',
    resolution: 'Add image_scanning_configuration { scan_on_push = true } (CloudFormation: ImageScanningConfiguration.ScanOnPush: true), or configure registry-wide scanning with aws_ecr_registry_scanning_configuration.',
    links: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-1'],
    responsibility: { layer: 'application-code', resourceTypes: ['aws_ecr_repository', 'aws_ecr_registry_scanning_configuration', 'AWS::ECR::Repository', 'AWS::ECR::RegistryScanningConfiguration'] },
    controls: ['aws-fsbp:ECR.1'],
    equivalents: { checkov: ['CKV_AWS_163'], trivy: ['AVD-AWS-0030', 'aws-ecr-enable-image-scans'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_ecr_repository" "app" {\n  name                 = "app"\n  image_tag_mutability = "IMMUTABLE"\n}\n' }],
        good: [
          { code: 'resource "aws_ecr_repository" "app" {\n  name                 = "app"\n  image_tag_mutability = "IMMUTABLE"\n\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n' },
          {
            code: 'resource "aws_ecr_repository" "app" {\n  name                 = "app"\n  image_tag_mutability = "IMMUTABLE"\n}\n\nresource "aws_ecr_registry_scanning_configuration" "main" {\n  scan_type = "ENHANCED"\n\n  rule {\n    scan_frequency = "CONTINUOUS_SCAN"\n    repository_filter {\n      filter      = "*"\n      filter_type = "WILDCARD"\n    }\n  }\n}\n',
            note: 'registry-wide scanning',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  App:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: false\n' }],
        good: [{ code: 'Resources:\n  App:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: true\n' }],
      },
    },
  },
  check(ctx) {
    if (ctx.sources.some((s) => REGISTRY_SCANNING.has(s.type))) return;
    for (const r of ctx.resources<Repo>('aws.ecr.repository')) {
      const v = r.f.scanOnPush;
      if (v.origin === 'unknown' || v.value !== false) continue;
      const name = r.source.format === 'terraform' ? 'scan_on_push' : 'ScanOnPush';
      ctx.report({
        resource: r,
        value: v,
        message: `${name} is ${v.origin === 'default' ? 'not set' : 'false'}: pushed images are not checked for known vulnerabilities`,
        fix: v.site ? { title: `Set ${name} to true`, actions: [{ type: 'set', site: v.site, value: true }] } : undefined,
      });
    }
  },
});
