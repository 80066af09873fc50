import { ruleTester } from '../../../../helpers/rule-tester';

const PEM = '-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn\\n-----END RSA PRIVATE KEY-----';

ruleTester('aws-secrets-hardcoded-private-key', {
  valid: [
    { name: 'certificate and public key only', format: 'terraform', code: 'resource "aws_key_pair" "deploy" {\n  key_name   = "deploy"\n  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy"\n}\n\nresource "aws_iam_server_certificate" "web" {\n  name             = "web"\n  certificate_body = "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----"\n  private_key      = tls_private_key.web.private_key_pem\n}\n\nresource "tls_private_key" "web" {\n  algorithm = "RSA"\n}\n' },
    { name: 'unknown', format: 'terraform', code: 'variable "key" {\n  type      = string\n  sensitive = true\n}\n\nresource "aws_iam_server_certificate" "web" {\n  name             = "web"\n  certificate_body = "x"\n  private_key      = var.key\n}\n' },
  ],
  invalid: [
    {
      format: 'terraform',
      code: `resource "aws_iam_server_certificate" "web" {\n  name             = "web"\n  certificate_body = "x"\n  private_key      = "${PEM}"\n}\n`,
      errors: [{ line: 4, column: 22, message: /private_key of aws_iam_server_certificate\.web contains a private key/, severity: 'critical' }],
      output: null,
    },
    {
      name: 'heredoc from a local',
      format: 'terraform',
      code: 'locals {\n  key = <<-EOT\n    -----BEGIN OPENSSH PRIVATE KEY-----\n    b3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n    -----END OPENSSH PRIVATE KEY-----\n  EOT\n}\n\nresource "aws_secretsmanager_secret_version" "v" {\n  secret_id     = "deploy"\n  secret_string = local.key\n}\n',
      errors: [{ line: 11, column: 19, relatedLines: [2] }],
    },
    {
      format: 'cloudformation',
      code: 'Resources:\n  Key:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      SecretString: |\n        -----BEGIN EC PRIVATE KEY-----\n        MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\n        -----END EC PRIVATE KEY-----\n',
      errors: [{ line: 5, column: 21 }],
    },
  ],
});
