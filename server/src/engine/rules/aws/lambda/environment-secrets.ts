import type { Val } from '../../../evaluate/value';
import type { fn } from '../../../model/aws/lambda';
import type { KindResource } from '../../../model/kind';
import type { Value } from '../../../model/resource';
import { defineRule } from '../../rule';

type Fn = KindResource<typeof fn.fields>;

// A variable named like a credential…
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CLIENT_?SECRET|CREDENTIALS?)/i;
// …unless the name says it holds a pointer to one (an ARN, a parameter name, a URL) or a setting about it.
const POINTER_NAME = /_(ARN|NAME|ID|PATH|URL|URI|ENDPOINT|PARAM|PARAMETER|REF|FILE|HEADER|TTL|EXPIRY|EXPIRATION|LENGTH|TYPE|REGION|ENABLED|VERSION|FIELD)$/i;
// Values that point at a secret store rather than holding the secret.
const POINTER_VALUE = /^(arn:|\{\{resolve:|\/|https?:\/\/|ssm:|secretsmanager:)/i;
const AWS_KEY_ID = /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/;

function looksLikeSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 6 || POINTER_VALUE.test(v)) return false;
  if (/^(true|false|yes|no|none|null|enabled|disabled)$/i.test(v) || /^\d+$/.test(v)) return false;
  return true;
}

function asValue(v: Val): Value<unknown> {
  const out: Value<unknown> = { origin: v.origin };
  if (v.span) out.span = v.span;
  if (v.via) out.via = v.via;
  if (v.kind === 'string') out.value = v.value;
  return out;
}

export default defineRule({
  meta: {
    id: 'aws-lambda-environment-secrets',
    provider: 'aws',
    service: 'lambda',
    severity: 'high',
    title: 'Lambda environment variable holds a hard-coded secret',
    explanation:
      'Environment variables are configuration, not a secret store: anyone allowed lambda:GetFunctionConfiguration can read them in plain text, and they sit in the template, version control and Terraform state. Lambda encrypts them at rest, but keeping credentials out of them is yours to do.',
    resolution: 'Store the secret in Secrets Manager or SSM Parameter Store (SecureString), pass only its name or ARN in the environment, and let the function read it at start-up (the Parameters and Secrets Lambda extension caches it). Rotate the exposed value.',
    links: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption', 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html'],
    responsibility: { layer: 'application-code', resourceTypes: ['aws_lambda_function', 'AWS::Lambda::Function', 'AWS::Serverless::Function'] },
    controls: [],
    equivalents: { checkov: ['CKV_AWS_45'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = "arn:aws:iam::111122223333:role/api"\n  runtime       = "python3.13"\n  handler       = "app.handler"\n  filename      = "api.zip"\n\n  environment {\n    variables = {\n      DB_PASSWORD = "s3cr3t-Passw0rd"\n    }\n  }\n}\n' }],
        good: [{ code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = "arn:aws:iam::111122223333:role/api"\n  runtime       = "python3.13"\n  handler       = "app.handler"\n  filename      = "api.zip"\n\n  environment {\n    variables = {\n      DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf"\n    }\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Api:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      Role: arn:aws:iam::111122223333:role/api\n      Code:\n        S3Bucket: acme-code\n        S3Key: api.zip\n      Environment:\n        Variables:\n          AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n' }],
        good: [{ code: 'Resources:\n  Api:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      Role: arn:aws:iam::111122223333:role/api\n      Code:\n        S3Bucket: acme-code\n        S3Key: api.zip\n      Environment:\n        Variables:\n          API_TOKEN: "{{resolve:secretsmanager:api-token}}"\n' }],
      },
    },
  },
  check(ctx) {
    for (const f of ctx.resources<Fn>('aws.lambda.function')) {
      const env = f.f.environment;
      const obj = env.val;
      if (env.origin === 'unknown' || obj?.kind !== 'object') continue;
      for (const [name, field] of obj.fields) {
        const v = field.value;
        // Only literal text: references and interpolations are resolved at deploy time from somewhere else.
        if (v.kind !== 'string' || (v.refs && v.refs.length > 0)) continue;
        let what: string | undefined;
        if (AWS_KEY_ID.test(v.value)) what = 'an AWS access key id';
        else if (SECRET_NAME.test(name) && !POINTER_NAME.test(name) && looksLikeSecret(v.value)) what = 'a literal value for a credential';
        if (!what) continue;
        ctx.report({
          resource: f,
          value: asValue(v),
          message: `Environment variable ${name} holds ${what}: anyone who can read the function configuration or the state can read it`,
        });
      }
    }
  },
});
