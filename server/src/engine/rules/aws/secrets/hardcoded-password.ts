import { defineRule } from '../../rule';
import { type Literal, label, literalValue, literals, resourceFor } from './hardcoded-access-key';

// Attributes that hold a password or an equivalent shared secret: password, master_password, MasterUserPassword,
// db_password, AdminPassword, auth_token (ElastiCache AUTH), secret_string / SecretString (Secrets Manager value).
const PASSWORD_NAME = /password$|^passwd$|^(?:auth_token|authtoken|secret_string|secretstring)$/i;
// Values that are obviously not the real secret: templates, dynamic references, placeholders.
const PLACEHOLDER = /^(?:change[_-]?me|replace[_-]?me|todo|tbd|x{3,}|\*+|<[^>]*>|\$\{[^}]*\}|\{\{resolve:.*\}\}|%\{.*\}|null|none|n\/a)$/i;

/** Values supplied through *.tfvars are inputs kept outside the module (and usually outside version control). */
function fromTfvars(l: Literal): boolean {
  const last = l.val.via?.[l.val.via.length - 1];
  return last !== undefined && /\.tfvars(?:\.json)?$/.test(last.file);
}

export default defineRule({
  meta: {
    id: 'aws-secrets-hardcoded-password',
    provider: 'aws',
    service: 'secrets',
    severity: 'high',
    title: 'Password written into the configuration',
    explanation:
      'A literal password (or variable default) in a template or Terraform file is copied into version control, plan output and state, and the same value tends to stay unchanged for years. AWS uses whatever password it is handed; keeping it out of code is your duty.',
    resolution: 'Let the service manage the password (RDS/Aurora/Redshift manage_master_user_password, CloudFormation ManageMasterUserPassword), generate it with random_password or GenerateSecretString, or reference Secrets Manager / SSM SecureString ({{resolve:secretsmanager:…}}); then change the exposed password.',
    links: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html'],
    // It scans every resource and provider block; these are the types whose credential duty it documents.
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_db_instance', 'aws_secretsmanager_secret_version', 'AWS::RDS::DBInstance', 'AWS::SecretsManager::Secret'] },
    controls: [],
    equivalents: { kics: ['a88baa34-e2ad-44ea-ad6f-8cac87bc7c71'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  instance_class    = "db.t3.micro"\n  username          = "app"\n  password          = "Sup3r-S3cret!"\n  storage_encrypted = true\n}\n' }],
        good: [{ code: 'resource "aws_db_instance" "db" {\n  engine                      = "postgres"\n  instance_class              = "db.t3.micro"\n  username                    = "app"\n  manage_master_user_password = true\n  storage_encrypted           = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      MasterUsername: app\n      MasterUserPassword: Sup3r-S3cret!\n      StorageEncrypted: true\n' }],
        good: [{ code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      MasterUsername: app\n      MasterUserPassword: "{{resolve:secretsmanager:prod/db:SecretString:password}}"\n      StorageEncrypted: true\n' }],
      },
    },
  },
  check(ctx) {
    for (const l of literals(ctx)) {
      if (!PASSWORD_NAME.test(l.key)) continue;
      const v = l.val.value.trim();
      if (v === '' || PLACEHOLDER.test(v) || /\{\{resolve:/i.test(v) || fromTfvars(l)) continue;
      ctx.report({ resource: resourceFor(ctx, l.source), value: literalValue(l), message: `${label(l)} is a literal password: it is readable in the code, plan output and state` });
    }
  },
});
