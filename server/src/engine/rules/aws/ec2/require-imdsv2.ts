import type { KindResource } from '../../../model/kind';
import type { instance, launchTemplate } from '../../../model/aws/ec2';
import { defineRule } from '../../rule';

type Instance = KindResource<typeof instance.fields>;
type Template = KindResource<typeof launchTemplate.fields>;

export default defineRule({
  meta: {
    id: 'aws-ec2-require-imdsv2',
    provider: 'aws',
    service: 'ec2',
    severity: 'high',
    title: 'EC2 instance metadata service does not require IMDSv2',
    explanation:
      'The metadata service hands out the instance role\'s credentials. With IMDSv1 allowed, a server-side request forgery in any application on the instance can read them with a plain GET. AWS provides IMDSv2; requiring it is your configuration.',
    resolution: 'Set metadata_options { http_tokens = "required" } (CloudFormation: a launch template with MetadataOptions.HttpTokens: required).',
    links: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-8'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_instance', 'aws_launch_template', 'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'] },
    controls: ['aws-fsbp:EC2.8', 'aws-fsbp:EC2.170', 'cis-aws-v5:5.7'],
    equivalents: { checkov: ['CKV_AWS_79'], trivy: ['AVD-AWS-0028', 'AVD-AWS-0130', 'aws-ec2-enforce-http-token-imds', 'aws-ec2-enforce-launch-config-http-token-imds'], kics: ['c306ac53-ee5b-41d3-86a9-0fd2722b4e67', 'a4f5f706-80fd-4c96-9a24-6ab317d33d24'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [
          { code: 'resource "aws_instance" "web" {\n  ami           = "ami-12345678"\n  instance_type = "t3.micro"\n}\n' },
          { code: 'resource "aws_launch_template" "web" {\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n' },
        ],
        good: [{ code: 'resource "aws_instance" "web" {\n  ami           = "ami-12345678"\n  instance_type = "t3.micro"\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        InstanceType: t3.micro\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        MetadataOptions:\n          HttpTokens: required\n' }],
      },
    },
  },
  check(ctx) {
    for (const r of [...ctx.resources<Instance>('aws.ec2.instance'), ...ctx.resources<Template>('aws.ec2.launch-template')]) {
      const tokens = r.f.httpTokens;
      const isInstance = r.kind === 'aws.ec2.instance';
      if (isInstance && (r as Instance).f.launchTemplate.origin !== 'default' && tokens.origin === 'default') continue; // the template decides
      if (r.source.format === 'cloudformation' && isInstance) {
        ctx.report({ resource: r, message: 'This instance has no launch template, and only a launch template can require IMDSv2 in CloudFormation', fix: undefined });
        continue;
      }
      if (tokens.origin === 'unknown' || tokens.value === 'required') continue;
      const name = r.source.format === 'terraform' ? 'http_tokens' : 'HttpTokens';
      ctx.report({
        resource: r,
        value: tokens,
        message: tokens.origin === 'default' ? `${name} is not set, so IMDSv1 stays allowed` : `${name} is "${tokens.value}", so IMDSv1 stays allowed`,
        fix: tokens.site ? { title: `Require IMDSv2 (${name} = "required")`, actions: [{ type: 'set', site: tokens.site, value: 'required' }] } : undefined,
      });
    }
  },
});
