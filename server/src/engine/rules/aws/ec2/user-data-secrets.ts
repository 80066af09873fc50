import type { KindResource } from '../../../model/kind';
import type { instance, launchConfiguration, launchTemplate } from '../../../model/aws/ec2';
import type { ModelResource, Value } from '../../../model/resource';
import { defineRule, type RuleContext } from '../../rule';

type WithUserData = KindResource<typeof instance.fields> | KindResource<typeof launchTemplate.fields> | KindResource<typeof launchConfiguration.fields>;

// What gives a credential away in a boot script: AWS key ids, the secret key's usual names next to a value, private keys.
const PATTERNS: [RegExp, string][] = [
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+=]{40}\b/i, 'an AWS secret access key'],
  [/-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/, 'a private key'],
];

export default defineRule({
  meta: {
    id: 'aws-ec2-user-data-secrets',
    provider: 'aws',
    service: 'ec2',
    severity: 'critical',
    title: 'EC2 user data contains credentials',
    explanation:
      'User data is not secret: anyone who can describe the instance or launch template, and every process on the instance through the metadata service, can read it, and it is kept in the template history and in state files. AWS delivers it as given; keeping credentials out of it is yours to do.',
    resolution: 'Remove the credentials. Give the instance an IAM role (instance profile) for AWS access, and fetch other secrets at boot from Secrets Manager or SSM Parameter Store; rotate the exposed keys.',
    links: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
    ],
    responsibility: {
      layer: 'identity-access',
      resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'],
    },
    controls: [],
    equivalents: {
      checkov: ['CKV_AWS_46'],
      trivy: ['AVD-AWS-0029', 'aws-ec2-no-secrets-in-user-data', 'AVD-AWS-0129', 'aws-ec2-no-secrets-in-launch-template-user-data', 'AVD-AWS-0122', 'aws-ec2-no-sensitive-info'],
    },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_instance" "web" {\n  ami       = "ami-12345678"\n  user_data = <<-EOT\n    #!/bin/bash\n    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n  EOT\n}\n' }],
        good: [{ code: 'resource "aws_instance" "web" {\n  ami                  = "ami-12345678"\n  iam_instance_profile = "web"\n  user_data            = <<-EOT\n    #!/bin/bash\n    aws s3 cp s3://acme-config/app.conf /etc/app.conf\n  EOT\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        UserData:\n          Fn::Base64: |\n            #!/bin/bash\n            export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        UserData:\n          Fn::Base64: |\n            #!/bin/bash\n            yum -y update\n' }],
      },
    },
  },
  check(ctx) {
    for (const kind of ['aws.ec2.instance', 'aws.ec2.launch-template', 'aws.ec2.launch-configuration']) {
      for (const r of ctx.resources<WithUserData>(kind)) {
        scan(ctx, r, r.f.userData);
        if ('userDataBase64' in r.f) scan(ctx, r, r.f.userDataBase64);
      }
    }
  },
});

function scan(ctx: RuleContext, resource: ModelResource, v: Value<string>): void {
  if (v.origin === 'unknown' || v.origin === 'default' || !v.value) return;
  const text = decoded(v.value);
  const found = PATTERNS.filter(([re]) => re.test(text)).map(([, what]) => what);
  if (found.length === 0) return;
  ctx.report({ resource, value: v, message: `User data contains ${found.join(' and ')}: anyone who can read the instance's configuration can read it` });
}

/** user_data may already be base64 (base64encode(), or CloudFormation text that was encoded by hand). */
function decoded(s: string): string {
  const t = s.trim();
  if (t.length >= 16 && t.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(t)) {
    const d = Buffer.from(t, 'base64').toString('utf8');
    if (/^[\x09\x0a\x0d\x20-\x7e]*$/.test(d)) return `${s}\n${d}`;
  }
  return s;
}
