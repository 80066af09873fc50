import { defineRule } from '../../rule';
import { label, literalValue, literals, resourceFor } from './hardcoded-access-key';

const PEM_PRIVATE_KEY = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/;

export default defineRule({
  meta: {
    id: 'aws-secrets-hardcoded-private-key',
    provider: 'aws',
    service: 'secrets',
    severity: 'critical',
    title: 'Private key written into the configuration',
    explanation:
      'A private key pasted into a template or Terraform file ends up in version control, plan output and state, so whoever can read those can impersonate the server, sign as the certificate holder or log in with the key. AWS stores what it is given; keeping private keys out of code is your duty.',
    resolution: 'Remove the key and replace it (the old one must be treated as compromised). Import certificates into ACM or keep the key in Secrets Manager and pass a reference; for EC2 key pairs upload only the public key.',
    links: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html', 'https://docs.aws.amazon.com/acm/latest/userguide/import-certificate.html'],
    // It scans every resource and provider block; these are the types whose credential duty it documents.
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_key_pair', 'aws_secretsmanager_secret_version', 'AWS::SecretsManager::Secret'] },
    controls: [],
    equivalents: { kics: ['a88baa34-e2ad-44ea-ad6f-8cac87bc7c71'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_iam_server_certificate" "web" {\n  name             = "web"\n  certificate_body = file("web.crt")\n  private_key      = <<-EOT\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgwMbRvI0MBZhpI\n    -----END RSA PRIVATE KEY-----\n  EOT\n}\n' }],
        good: [{ code: 'resource "aws_iam_server_certificate" "web" {\n  name             = "web"\n  certificate_body = file("web.crt")\n  private_key      = file("web.key")\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Key:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      SecretString: |\n        -----BEGIN OPENSSH PRIVATE KEY-----\n        b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n        -----END OPENSSH PRIVATE KEY-----\n' }],
        good: [{ code: 'Resources:\n  Key:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Description: deploy key, value set out of band\n' }],
      },
    },
  },
  check(ctx) {
    for (const l of literals(ctx)) {
      if (!PEM_PRIVATE_KEY.test(l.val.value)) continue;
      ctx.report({ resource: resourceFor(ctx, l.source), value: literalValue(l), message: `${label(l)} contains a private key: remove it and replace the key` });
    }
  },
});
