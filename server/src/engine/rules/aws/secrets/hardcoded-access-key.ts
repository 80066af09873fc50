import type { ObjectVal, StringVal, Val } from '../../../evaluate/value';
import type { ModelResource, Value } from '../../../model/resource';
import type { SourceResource } from '../../../source';
import { defineRule, type RuleContext } from '../../rule';

/** One literal string found in a source resource, with the attribute name it sits under and its siblings. */
export interface Literal {
  source: SourceResource;
  /** Nearest attribute / object key above the string (`password`, `secret_key`, `MasterUserPassword`). */
  key: string;
  val: StringVal;
  parent?: ObjectVal;
}

// Attributes other rules already scan for credentials (aws-ec2-user-data-secrets, aws-lambda-environment-secrets);
// scanning them here too would report the same secret twice.
const COVERED_ELSEWHERE: Record<string, Set<string>> = {
  aws_instance: new Set(['user_data', 'user_data_base64']),
  aws_launch_template: new Set(['user_data']),
  aws_launch_configuration: new Set(['user_data', 'user_data_base64']),
  'AWS::EC2::Instance': new Set(['userdata']),
  'AWS::EC2::LaunchTemplate': new Set(['userdata']),
  'AWS::AutoScaling::LaunchConfiguration': new Set(['userdata']),
  aws_lambda_function: new Set(['environment']),
  'AWS::Lambda::Function': new Set(['environment']),
};

/**
 * Every statically known string in every source resource (resources, data sources, provider blocks), JSON strings
 * walked through their parsed structure. Unknown values are skipped: a reference or an unset variable is not a literal.
 */
export function literals(ctx: RuleContext): Literal[] {
  // Three rules read the same list in one run; the run hands every rule the same `sources` array.
  const cached = literalCache.get(ctx.sources);
  if (cached) return cached;
  const out: Literal[] = [];
  const walk = (source: SourceResource, v: Val, key: string, parent: ObjectVal | undefined, depth: number): void => {
    if (depth > 40) return;
    if (v.kind === 'string') {
      if (v.json) walk(source, v.json, key, parent, depth + 1);
      else out.push(parent ? { source, key, val: v, parent } : { source, key, val: v });
    } else if (v.kind === 'list') {
      for (const item of v.items) walk(source, item, key, parent, depth + 1);
    } else if (v.kind === 'object') {
      const covered = COVERED_ELSEWHERE[source.type];
      for (const [k, f] of v.fields) {
        if (covered?.has(k.toLowerCase())) continue;
        walk(source, f.value, k, v, depth + 1);
      }
    }
  };
  for (const s of ctx.sources) walk(s, s.body, '', undefined, 0);
  if (ctx.sources.length > 0) literalCache.set(ctx.sources, out);
  return out;
}
const literalCache = new WeakMap<readonly SourceResource[], Literal[]>();
const resourceIndex = new WeakMap<readonly ModelResource[], Map<SourceResource, ModelResource>>();

/** The model resource built from `source`, or a stand-in for sources no kind covers (providers, data sources…). */
export function resourceFor(ctx: RuleContext, source: SourceResource): ModelResource {
  // Looked up through a map built once per run: a scan through every resource per finding is quadratic in a module
  // full of literal credentials.
  let bySource = resourceIndex.get(ctx.all);
  if (!bySource) {
    bySource = new Map();
    for (const r of ctx.all) if (!bySource.has(r.source)) bySource.set(r.source, r);
    resourceIndex.set(ctx.all, bySource);
  }
  const found = bySource.get(source);
  if (found) return found;
  return { kind: `source:${source.type}`, address: source.address, source, parts: [], tags: { origin: 'default' } };
}

/** The literal as a model Value, so derived literals (variable defaults, parameter defaults) carry their chain. */
export function literalValue(l: Literal): Value<string> {
  const v: Value<string> = { origin: l.val.origin === 'derived' ? 'derived' : 'explicit', value: l.val.value };
  if (l.val.span) v.span = l.val.span;
  if (l.val.via) v.via = l.val.via;
  return v;
}

export const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/;
const SECRET_KEY_SHAPE = /^[A-Za-z0-9/+]{40}$/;
const SECRET_KEY_NAMES = /^(?:aws_)?secret(?:_access)?_key$|^secretaccesskey$/i;
const SECRET_KEY_IN_TEXT = /aws_secret_access_key["']?(?:\s*[=:]\s*|\s+)["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/i;
// AWS documents AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY; such values are not credentials, and
// flagging every tutorial snippet would teach people to ignore the rule.
const DOCUMENTED_EXAMPLE = /EXAMPLE/;

export default defineRule({
  meta: {
    id: 'aws-secrets-hardcoded-access-key',
    provider: 'aws',
    service: 'secrets',
    severity: 'critical',
    title: 'AWS access key written into the configuration',
    explanation:
      'A long-term access key in a template or Terraform file is copied into version control, CI logs, plan output and state, where anyone who can read them can act as that IAM user until the key is deactivated. AWS authenticates whoever presents the key; keeping keys out of code and rotating exposed ones is your duty.',
    resolution: 'Remove the key and deactivate it in IAM. Let Terraform and applications get temporary credentials from the environment (IAM roles, SSO profiles, OIDC in CI, instance or task roles), and keep any unavoidable secret in Secrets Manager.',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#securing_access-keys', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html'],
    // It scans every resource and provider block; these are the types whose credential duty it documents.
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_iam_access_key', 'AWS::IAM::AccessKey'] },
    controls: [],
    equivalents: { checkov: ['CKV_AWS_41'], kics: ['a88baa34-e2ad-44ea-ad6f-8cac87bc7c71'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'provider "aws" {\n  region     = "eu-west-1"\n  access_key = "AKIA2E0A8F3B244C9986"\n  secret_key = "7CE556A3BC234CC1FF9E8A5C324C0BB70AA21B6D"\n}\n' }],
        good: [
          { code: 'provider "aws" {\n  region  = "eu-west-1"\n  profile = "deploy"\n}\n' },
          { code: 'provider "aws" {\n  region     = "eu-west-1"\n  access_key = "AKIAIOSFODNN7EXAMPLE"\n}\n', note: 'AWS\'s documented example key is not a credential' },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  DeployKey:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: /ci/deploy-key-id\n      Type: String\n      Value: AKIA2E0A8F3B244C9986\n' }],
        good: [{ code: 'Resources:\n  DeployRole:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: /ci/deploy-role\n      Type: String\n      Value: arn:aws:iam::111122223333:role/deploy\n' }],
      },
    },
  },
  check(ctx) {
    const all = literals(ctx);
    const withKeyId = new Set<ObjectVal>();
    for (const l of all) {
      const m = ACCESS_KEY_ID.exec(l.val.value);
      if (!m || DOCUMENTED_EXAMPLE.test(m[0])) continue;
      if (l.parent) withKeyId.add(l.parent);
      ctx.report({ resource: resourceFor(ctx, l.source), value: literalValue(l), message: `${label(l)} contains an AWS access key id (${m[0].slice(0, 8)}…): remove it and deactivate the key` });
    }
    for (const l of all) {
      const text = l.val.value;
      const named = SECRET_KEY_NAMES.test(l.key) && SECRET_KEY_SHAPE.test(text.trim());
      const besideKeyId = l.parent !== undefined && withKeyId.has(l.parent) && SECRET_KEY_SHAPE.test(text.trim());
      const inText = SECRET_KEY_IN_TEXT.exec(text);
      const secret = named || besideKeyId ? text.trim() : inText?.[1];
      if (!secret || DOCUMENTED_EXAMPLE.test(secret)) continue;
      ctx.report({ resource: resourceFor(ctx, l.source), value: literalValue(l), message: `${label(l)} contains an AWS secret access key: remove it and deactivate the key` });
    }
  },
});

export function label(l: Literal): string {
  const where = l.source.type === 'provider.aws' ? 'provider "aws"' : l.source.address;
  return l.key ? `${l.key} of ${where}` : where;
}
