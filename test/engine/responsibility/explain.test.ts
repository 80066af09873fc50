// The card and its renderings, on hand-made resources (no parser involved), and `demarc explain`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceResource } from '../../../server/src/engine/source';
import type { Finding, Span } from '../../../server/src/engine/types';
import type { ObjectVal, Val } from '../../../server/src/engine/evaluate/value';
import { LineIndex } from '../../../server/src/engine/text';
import {
  explainAttribute,
  explainResource,
  renderAttributeMarkdown,
  renderResourceMarkdown,
  renderResourceText,
} from '../../../server/src/engine/responsibility';
import { run as explainCommand } from '../../../server/src/cli/commands/explain';

const TF_FILE = '/work/app/main.tf';
const TF_TEXT = `variable "tokens" {
  default = "optional"
}

resource "aws_instance" "web" {
  ami = "ami-123"
  metadata_options {
    http_tokens = var.tokens
  }
}
`;
const CFN_FILE = '/work/app/template.yaml';
const CFN_TEXT = `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
`;
const indexes = new Map([
  [TF_FILE, new LineIndex(TF_TEXT)],
  [CFN_FILE, new LineIndex(CFN_TEXT)],
]);
const lines = (f: string) => indexes.get(f);

function spanOf(file: string, text: string, needle: string): Span {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { file, start, end: start + needle.length };
}

function obj(fields: Record<string, Val>, block = false): ObjectVal {
  return { kind: 'object', origin: 'explicit', block, fields: new Map(Object.entries(fields).map(([key, value]) => [key, { key, value }])) };
}

const tokensVal: Val = {
  kind: 'string',
  value: 'optional',
  origin: 'derived',
  span: spanOf(TF_FILE, TF_TEXT, 'var.tokens'),
  via: [spanOf(TF_FILE, TF_TEXT, '"optional"')],
};

const instance: SourceResource = {
  format: 'terraform',
  mode: 'resource',
  file: TF_FILE,
  type: 'aws_instance',
  name: 'web',
  address: 'aws_instance.web',
  span: spanOf(TF_FILE, TF_TEXT, TF_TEXT.slice(TF_TEXT.indexOf('resource'))),
  headerSpan: spanOf(TF_FILE, TF_TEXT, 'resource "aws_instance" "web"'),
  body: obj({ ami: { kind: 'string', value: 'ami-123', origin: 'explicit' }, metadata_options: obj({ http_tokens: tokensVal }, true) }),
};

const bucket: SourceResource = {
  format: 'cloudformation',
  mode: 'resource',
  file: CFN_FILE,
  type: 'AWS::S3::Bucket',
  name: 'Data',
  address: 'Data',
  span: spanOf(CFN_FILE, CFN_TEXT, CFN_TEXT.slice(CFN_TEXT.indexOf('  Data:'))),
  headerSpan: spanOf(CFN_FILE, CFN_TEXT, 'Data'),
  body: obj({ VersioningConfiguration: obj({ Status: { kind: 'string', value: 'Enabled', origin: 'explicit', span: spanOf(CFN_FILE, CFN_TEXT, 'Enabled') } }) }),
};

function finding(ruleId: string, resource: string, file: string, line: number, message: string): Finding {
  return {
    ruleId,
    severity: 'high',
    ruleSeverity: 'high',
    message,
    file,
    span: { file, start: 0, end: 1 },
    range: { start: { line, character: 0 }, end: { line, character: 5 } },
    resource,
    related: [],
  };
}

test('resource card: a finding makes its layer "not met", a passing rule "met", the rest "not checked"', () => {
  const f = finding('aws-ec2-require-imdsv2', 'aws_instance.web', TF_FILE, 7, 'IMDSv1 is allowed');
  const other = finding('aws-ec2-require-imdsv2', 'aws_instance.other', TF_FILE, 20, 'not this one');
  const e = explainResource(instance, [f, other], { lines, owner: 'platform' });
  assert.equal(e.known, true);
  assert.equal(e.serviceModel, 'infrastructure');
  assert.equal(e.owner, 'platform');
  assert.equal(e.resource?.line, 5);
  assert.match(e.line, /^AWS secures .+ · You secure .+/);
  const byLayer = new Map(e.layers.map((l) => [l.layer, l]));
  assert.equal(byLayer.get('identity-access')?.status, 'not-met');
  assert.deepEqual(byLayer.get('identity-access')?.findings.map((x) => x.line), [8]);
  assert.equal(byLayer.get('encryption-at-rest')?.status, 'met', 'aws-ec2-ebs-encryption ran and found nothing');
  assert.deepEqual(byLayer.get('encryption-at-rest')?.rules, ['aws-ec2-ebs-encryption']);
  assert.equal(byLayer.get('guest-os')?.status, 'not-checked');
  assert.ok(e.awsLayers.some((l) => l.layer === 'virtualization'), 'virtualization is AWS alone for EC2');
  assert.ok(!e.layers.some((l) => l.owner === 'aws'));
  assert.equal(e.counts['not-met'], 1);
});

test('a rule switched off does not count as met; account facts mark a layer verified', () => {
  const e = explainResource(instance, [], {
    ruleRan: (id) => id !== 'aws-ec2-ebs-encryption',
    accountFacts: [{ layer: 'guest-os', text: 'SSM patch compliance: all instances compliant' }],
  });
  const byLayer = new Map(e.layers.map((l) => [l.layer, l]));
  assert.equal(byLayer.get('encryption-at-rest')?.status, 'not-checked');
  assert.equal(byLayer.get('guest-os')?.status, 'verified-in-account');
  assert.deepEqual(byLayer.get('guest-os')?.accountFacts, ['SSM patch compliance: all instances compliant']);

  // A fact saying the account does not enforce something is shown, but verifies nothing.
  const off = explainResource(instance, [], { accountFacts: [{ layer: 'encryption-in-transit', text: 'no account-wide TLS setting', verified: false }] });
  const transit = off.layers.find((l) => l.layer === 'encryption-in-transit')!;
  assert.equal(transit.status, 'not-checked');
  assert.deepEqual(transit.accountFacts, ['no account-wide TLS setting']);
  assert.match(renderResourceMarkdown(off, { detailed: true }), /☁️ account: no account-wide TLS setting/);
});

test('suppressed findings do not fail a layer', () => {
  const f = { ...finding('aws-s3-versioning', 'Data', CFN_FILE, 2, 'versioning'), suppressedBy: { tool: 'demarc', id: 'aws-s3-versioning', reason: 'scratch data', span: { file: CFN_FILE, start: 0, end: 1 } } };
  const e = explainResource(bucket, [f], { lines });
  assert.equal(e.layers.find((l) => l.layer === 'backup-resilience')?.status, 'met');
  assert.equal(e.suppressed, 1);
});

test('markdown card is short: header, one AWS/You line, a status table, a "more" command link', () => {
  const e = explainResource(instance, [finding('aws-ec2-require-imdsv2', 'aws_instance.web', TF_FILE, 7, 'IMDSv1 is allowed')], { lines });
  const md = renderResourceMarkdown(e, { commandLinks: true });
  const rows = md.split('\n');
  assert.match(rows[0]!, /^\*\*aws_instance\.web\*\* · `aws_instance` · Amazon EC2/);
  assert.ok(rows.some((r) => /^\*\*AWS secures\*\* .+ · \*\*You secure\*\* /.test(r)));
  assert.ok(rows.some((r) => r.startsWith('| ❌ | Identity and access | You | not met — aws-ec2-require-imdsv2 |')), md);
  assert.ok(rows.some((r) => r.startsWith('| ✅ | Encryption at rest | Shared | met |')), md);
  const link = /\(command:demarc\.explainResource\?([^ )]+)/.exec(md);
  assert.ok(link, 'more link');
  assert.deepEqual(JSON.parse(decodeURIComponent(link[1]!)), ['file:///work/app/main.tf', { line: 4, character: 0 }]);
  assert.ok(rows.length < 25, `card too long: ${rows.length} lines`);
  const detailed = renderResourceMarkdown(e, { detailed: true });
  assert.ok(!detailed.includes('command:'), 'the detailed card has no "more" link');
  assert.match(detailed, /`metadata_options\.http_tokens`|`aws_instance\.metadata_options\.http_tokens`/);
  assert.match(detailed, /\*\*AWS alone:\*\* Facilities and hardware/);
});

test('terminal card with and without color', () => {
  const e = explainResource(bucket, [], { lines });
  const plain = renderResourceText(e, { color: false });
  assert.ok(!plain.includes('\x1b['));
  assert.match(plain, /^Data \(AWS::S3::Bucket\) — Amazon S3, abstracted service/);
  assert.match(plain, /✓ met +Backup and resilience/);
  assert.match(plain, /→ AWS::S3::Bucket VersioningConfiguration\.Status/);
  assert.ok(renderResourceText(e, { color: true }).includes('\x1b[32m'));
});

test('attribute card: meaning, owner, default and where a derived value came from', () => {
  const e = explainAttribute(instance, ['metadata_options', 'http_tokens'], tokensVal, { lines, root: '/work/app' });
  assert.ok(e);
  assert.equal(e.owner, 'customer');
  assert.equal(e.layer, 'identity-access');
  assert.deepEqual(e.ruleIds, ['aws-ec2-require-imdsv2']);
  assert.equal(e.value.origin, 'derived');
  assert.equal(e.value.at, 'main.tf:8');
  assert.deepEqual(e.value.via, ['main.tf:2']);
  const md = renderAttributeMarkdown(e);
  assert.match(md, /^\*\*metadata_options\.http_tokens\*\* · Identity and access · owner: you/);
  assert.match(md, /Value: `"optional"` at main\.tf:8 \(from main\.tf:2\)/);
  assert.match(md, /When omitted: /);

  const absent = explainAttribute(bucket, ['PublicAccessBlockConfiguration', 'BlockPublicAcls'], undefined, { lines });
  assert.ok(absent);
  assert.equal(absent.value.origin, 'default');
  const amd = renderAttributeMarkdown(absent);
  assert.match(amd, /Not set: .*April 2023/);
  assert.match(amd, /Default changed 2023-04/);
  assert.match(amd, /\(https:\/\/docs\.aws\.amazon\.com\//);

  const unknown = explainAttribute(bucket, ['VersioningConfiguration', 'Status'], { kind: 'unknown', origin: 'unknown', reason: 'parameter without default' });
  assert.match(renderAttributeMarkdown(unknown!), /unknown \(parameter without default\).*no rule judges it/);
  assert.equal(explainAttribute(instance, ['ami'], undefined), undefined);
});

test('unknown types still get a card that says so', () => {
  const e = explainResource({ ...instance, type: 'aws_foo_bar', address: 'aws_foo_bar.x' }, []);
  assert.equal(e.known, false);
  assert.match(renderResourceMarkdown(e), /does not cover aws_foo_bar/);
});

async function runExplain(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await explainCommand(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: '/', env: {}, isTTY: false });
  return { code, out, err };
}

test('demarc explain: both names print the same card; json; unknown type exits 2 with suggestions', async () => {
  const tf = await runExplain(['aws_s3_bucket']);
  const cfn = await runExplain(['AWS::S3::Bucket']);
  assert.equal(tf.code, 0);
  assert.equal(cfn.code, 0);
  assert.equal(tf.out, cfn.out);
  assert.match(tf.out, /Terraform: aws_s3_bucket · CloudFormation: AWS::S3::Bucket/);
  assert.match(tf.out, /AWS secures /);
  assert.match(tf.out, /rule checks it +Backup and resilience/);

  const json = await runExplain(['AWS::EC2::Instance', '--format', 'json']);
  assert.equal(json.code, 0);
  const parsed = JSON.parse(json.out);
  assert.equal(parsed.query, 'AWS::EC2::Instance');
  assert.equal(parsed.terraform, 'aws_instance');
  assert.equal(parsed.serviceModel, 'infrastructure');
  assert.ok(parsed.layers.length > 5);

  const bad = await runExplain(['aws_s3_buckt']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown resource type "aws_s3_buckt"; closest: aws_s3_bucket/);
  assert.equal((await runExplain([])).code, 2);
  assert.equal((await runExplain(['aws_s3_bucket', '--format', 'xml'])).code, 2);
});
