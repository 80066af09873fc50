import { launchConfiguration } from '../../../model/aws/ec2';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-ec2-launch-config-imdsv2',
    provider: 'aws',
    service: 'ec2',
    severity: 'high',
    title: 'Launch configuration does not require IMDSv2',
    explanation:
      'Every instance an Auto Scaling group starts from this launch configuration exposes its role credentials through the metadata service. With IMDSv1 allowed, a server-side request forgery in any application on those instances can read them with a plain GET; requiring session tokens is your configuration.',
    resolution: 'Set metadata_options { http_tokens = "required" } (CloudFormation: MetadataOptions.HttpTokens: required), or better, move the group to a launch template.',
    links: ['https://docs.aws.amazon.com/autoscaling/ec2/userguide/create-launch-config.html#launch-configurations-imds', 'https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-3'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_launch_configuration', 'AWS::AutoScaling::LaunchConfiguration'] },
    controls: ['aws-fsbp:AutoScaling.3'],
    equivalents: { checkov: ['CKV_AWS_79'], trivy: ['AVD-AWS-0130', 'aws-ec2-enforce-launch-config-http-token-imds'], kics: ['c306ac53-ee5b-41d3-86a9-0fd2722b4e67'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_launch_configuration" "web" {\n  image_id      = "ami-12345678"\n  instance_type = "t3.micro"\n}\n', note: 'omitted: IMDSv1 stays allowed' }],
        good: [{ code: 'resource "aws_launch_configuration" "web" {\n  image_id      = "ami-12345678"\n  instance_type = "t3.micro"\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: t3.micro\n      MetadataOptions:\n        HttpTokens: optional\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: t3.micro\n      MetadataOptions:\n        HttpTokens: required\n' }],
      },
    },
  },
  kind: launchConfiguration,
  field: 'httpTokens',
  insecure: (v) => v !== 'required',
  // With the metadata endpoint turned off there is nothing to steal from.
  skip: (r) => r.f.httpEndpoint.origin !== 'unknown' && r.f.httpEndpoint.value === 'disabled',
  fix: 'required',
  consequence: 'instances launched from it still answer IMDSv1 requests',
});
