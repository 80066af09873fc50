import type { SecurityGroup } from '../../../model/aws/vpc';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'aws-vpc-default-sg-rules',
    provider: 'aws',
    service: 'vpc',
    severity: 'high',
    title: 'Default security group allows traffic',
    explanation:
      'Every VPC has a default security group that cannot be deleted, and anything launched without an explicit group lands in it. AWS creates it allowing all traffic between its members and all outbound traffic; emptying it is your job, so that a forgotten group assignment fails closed instead of open.',
    resolution: 'Declare aws_default_security_group with no ingress or egress blocks (Terraform then removes every rule), and give each workload its own security group.',
    links: ['https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_default_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'] },
    controls: ['aws-fsbp:EC2.2', 'cis-aws-v5:5.5'],
    equivalents: { checkov: ['CKV2_AWS_12'], trivy: ['AVD-AWS-0173', 'aws-ec2-restrict-all-in-default-sg'], kics: ['46883ce1-dc3e-4b17-9195-c6a601624c73'] },
    fixable: false,
    formats: ['terraform'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_default_security_group" "default" {\n  vpc_id = "vpc-123"\n  ingress {\n    protocol  = "-1"\n    self      = true\n    from_port = 0\n    to_port   = 0\n  }\n}\n' }],
        good: [{ code: 'resource "aws_default_security_group" "default" {\n  vpc_id = "vpc-123"\n}\n', note: 'no rules: Terraform removes the ones AWS created' }],
      },
    },
  },
  check(ctx) {
    for (const sg of ctx.resources<SecurityGroup>('aws.ec2.security-group')) {
      if (!sg.isDefault) continue;
      for (const rule of sg.rules) {
        const where = rule.source === sg.source ? `an inline ${rule.direction} block` : `${rule.source.address}`;
        ctx.report({
          resource: sg,
          span: rule.span,
          message: `The default security group keeps ${rule.direction === 'ingress' ? 'an inbound' : 'an outbound'} rule (${where}): resources placed in it by default get this access`,
        });
      }
    }
  },
});
