import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySuppressions, commentsFromText, parseDemarcDirective } from '../../server/src/engine/suppress';
import { LineIndex } from '../../server/src/engine/text';
import type { Comment, FileKind, SourceFile, SourceResource } from '../../server/src/engine/source';
import type { Finding } from '../../server/src/engine/types';
import type { RuleMeta } from '../../server/src/engine/rules/meta';
import type { ObjectVal, Val } from '../../server/src/engine/evaluate/value';

// Two rules with the equivalents other scanners' suppressions are matched through.
const META: Record<string, Partial<RuleMeta>> = {
  'aws-s3-encryption-kms': { id: 'aws-s3-encryption-kms', equivalents: { checkov: ['CKV_AWS_145'], trivy: ['AVD-AWS-0132', 'aws-s3-encryption-customer-key'], kics: ['b0749c53-e3ff-4d09-bbe4-dca94e2e7a38'] } },
  'aws-s3-versioning': { id: 'aws-s3-versioning', equivalents: { checkov: ['CKV_AWS_21'], trivy: ['AVD-AWS-0090', 'aws-s3-enable-versioning'], kics: ['568a4d22-3517-44a6-a7ad-6a7eed88722c'] } },
  'aws-s3-block-public-access': { id: 'aws-s3-block-public-access', equivalents: { checkov: ['CKV2_AWS_6'], trivy: ['AVD-AWS-0086'] } },
};
const ruleMeta = (id: string) => META[id] as RuleMeta | undefined;
const TODAY = '2026-01-15';

function file(text: string, kind: FileKind = 'terraform', path = '/p/main.tf'): SourceFile {
  return { path, text, kind, lines: new LineIndex(text) };
}

/** A Terraform resource located by its header text; its span runs to the matching closing brace. */
function tfResource(f: SourceFile, type: string, name: string, metadata?: ObjectVal): SourceResource {
  const header = `resource "${type}" "${name}"`;
  const start = f.text.indexOf(header);
  assert.ok(start >= 0, `fixture lacks ${header}`);
  let depth = 0;
  let end = f.text.indexOf('{', start);
  for (let i = end; i < f.text.length; i++) {
    if (f.text[i] === '{') depth++;
    else if (f.text[i] === '}' && --depth === 0) {
      end = i + 1;
      break;
    }
  }
  const r: SourceResource = {
    format: 'terraform',
    mode: 'resource',
    file: f.path,
    type,
    name,
    address: `${type}.${name}`,
    span: { file: f.path, start, end },
    headerSpan: { file: f.path, start, end: start + header.length },
    body: { kind: 'object', origin: 'explicit', fields: new Map() },
  };
  if (metadata) r.metadata = metadata;
  return r;
}

/** A CloudFormation YAML resource: the logical id line down to the next line at the same indentation. */
function cfnResource(f: SourceFile, logicalId: string, metadata?: ObjectVal): SourceResource {
  const start = f.text.indexOf(`  ${logicalId}:`) + 2;
  const rest = f.text.slice(start);
  const next = rest.slice(1).search(/\n {2}[A-Za-z]/);
  const end = next === -1 ? f.text.length : start + next + 1;
  const r: SourceResource = {
    format: 'cloudformation',
    mode: 'resource',
    file: f.path,
    type: 'AWS::S3::Bucket',
    name: logicalId,
    address: logicalId,
    span: { file: f.path, start, end },
    headerSpan: { file: f.path, start, end: start + logicalId.length },
    body: { kind: 'object', origin: 'explicit', fields: new Map() },
  };
  if (metadata) r.metadata = metadata;
  return r;
}

/** A finding on the first occurrence of `needle` (after `after`, when given). */
function finding(f: SourceFile, ruleId: string, resource: string, needle: string, after = 0): Finding {
  const start = f.text.indexOf(needle, after);
  assert.ok(start >= 0, `fixture lacks ${needle}`);
  const end = start + needle.length;
  return { ruleId, severity: 'high', ruleSeverity: 'high', message: `${ruleId} finding`, file: f.path, span: { file: f.path, start, end }, range: f.lines.rangeOf(start, end), resource, related: [] };
}

function run(f: SourceFile, resources: SourceResource[], findings: Finding[], opts: { comments?: Comment[]; today?: string } = {}) {
  const comments = new Map<string, Comment[]>();
  if (opts.comments) comments.set(f.path, opts.comments);
  return applySuppressions(findings, { files: [f], comments, resources }, { today: opts.today ?? TODAY, ruleMeta });
}

function plain(v: unknown): Val {
  if (typeof v === 'string') return { kind: 'string', origin: 'explicit', value: v };
  if (typeof v === 'number') return { kind: 'number', origin: 'explicit', value: v };
  if (Array.isArray(v)) return { kind: 'list', origin: 'explicit', items: v.map(plain) };
  const fields = new Map(Object.entries(v as object).map(([k, x]) => [k, { key: k, value: plain(x) }]));
  return { kind: 'object', origin: 'explicit', fields };
}

const BUCKET_TF = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_s3_bucket" "data" {
  bucket = "data"
}
`;

test('demarc:ignore above a resource covers every finding on it, and only that resource', () => {
  const f = file(`# demarc:ignore aws-s3-versioning -- logs are written once, versioning adds nothing\n${BUCKET_TF}`);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const data = tfResource(f, 'aws_s3_bucket', 'data');
  const r = run(f, [logs, data], [finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', 'resource "aws_s3_bucket" "logs"'), finding(f, 'aws-s3-versioning', 'aws_s3_bucket.data', 'resource "aws_s3_bucket" "data"')]);
  assert.equal(r.findings[0]!.suppressedBy?.tool, 'demarc');
  assert.equal(r.findings[0]!.suppressedBy?.reason, 'logs are written once, versioning adds nothing');
  assert.equal(r.findings[1]!.suppressedBy, undefined);
  assert.deepEqual(r.problems, []);
});

test('suppressed findings are returned, not dropped, and other rules on the resource stay', () => {
  const f = file(`// demarc:ignore aws-s3-versioning -- ok\n${BUCKET_TF}`);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const r = run(f, [logs], [finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', '"logs"'), finding(f, 'aws-s3-encryption-kms', 'aws_s3_bucket.logs', 'bucket = "logs"')]);
  assert.equal(r.findings.length, 2);
  assert.ok(r.findings[0]!.suppressedBy);
  assert.equal(r.findings[1]!.suppressedBy, undefined);
});

test('a trailing comment on the header line covers the resource; on an attribute line, only that line', () => {
  const text = `resource "aws_s3_bucket" "logs" { # demarc:ignore aws-s3-encryption-kms -- SSE-S3 is enough here
  bucket = "logs" # demarc:ignore aws-s3-versioning -- write-once
  acl    = "private"
}
`;
  const f = file(text);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const r = run(f, [logs], [
    finding(f, 'aws-s3-encryption-kms', 'aws_s3_bucket.logs', 'acl'),
    finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', '"logs"', 40),
    finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', 'acl'),
  ]);
  assert.equal(r.findings[0]!.suppressedBy?.id, 'aws-s3-encryption-kms');
  assert.equal(r.findings[1]!.suppressedBy?.id, 'aws-s3-versioning');
  assert.equal(r.findings[2]!.suppressedBy, undefined, 'the attribute suppression must not spill onto other lines');
});

test('a comment above a nested block covers the whole block, /* */ comments included', () => {
  const text = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  /* demarc:ignore aws-s3-versioning -- archived bucket */
  versioning {
    enabled = false
  }
  tags = {}
}
`;
  const f = file(text);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const r = run(f, [logs], [finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', 'enabled = false'), finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', 'tags')]);
  assert.ok(r.findings[0]!.suppressedBy, 'finding inside the block is covered');
  assert.equal(r.findings[1]!.suppressedBy, undefined, 'the line after the block is not');
  assert.deepEqual(r.problems, []);
});

test('several ids, and `*` for every rule', () => {
  const f = file(`# demarc:ignore aws-s3-versioning, aws-s3-encryption-kms -- sandbox\n${BUCKET_TF.replace('resource "aws_s3_bucket" "data"', '# demarc:ignore * -- throwaway\nresource "aws_s3_bucket" "data"')}`);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const data = tfResource(f, 'aws_s3_bucket', 'data');
  const r = run(f, [logs, data], [
    finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', '"logs"'),
    finding(f, 'aws-s3-encryption-kms', 'aws_s3_bucket.logs', '"logs"'),
    finding(f, 'aws-s3-block-public-access', 'aws_s3_bucket.logs', '"logs"'),
    finding(f, 'aws-s3-block-public-access', 'aws_s3_bucket.data', '"data"'),
  ]);
  assert.deepEqual(r.findings.map((x) => Boolean(x.suppressedBy)), [true, true, false, true]);
});

test('until= in the future suppresses; in the past it is reported as expired and the finding stays', () => {
  const text = `# demarc:ignore aws-s3-versioning until=2026-02-01 -- migration ticket OPS-12\n${BUCKET_TF}`;
  const f = file(text);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const mk = () => [finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', '"logs"')];
  const before = run(f, [logs], mk(), { today: '2026-02-01' });
  assert.equal(before.findings[0]!.suppressedBy?.until, '2026-02-01');
  assert.deepEqual(before.problems, []);
  const after = run(f, [logs], mk(), { today: '2026-02-02' });
  assert.equal(after.findings[0]!.suppressedBy, undefined);
  assert.equal(after.problems.length, 1);
  const p = after.problems[0]!;
  assert.equal(p.code, 'suppression-expired');
  assert.equal(p.severity, 'warning');
  assert.equal(p.file, '/p/main.tf');
  assert.deepEqual(p.range?.start, { line: 0, character: 0 });
  assert.match(p.message, /expired on 2026-02-01/);
});

test('today defaults to the real date: a suppression that ended in 2001 is expired', () => {
  const f = file(`# demarc:ignore aws-s3-versioning until=2001-01-01 -- old\n${BUCKET_TF}`);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const r = applySuppressions([finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', '"logs"')], { files: [f], comments: new Map(), resources: [logs] }, { ruleMeta });
  assert.equal(r.findings[0]!.suppressedBy, undefined);
  assert.equal(r.problems[0]!.code, 'suppression-expired');
});

test('a suppression without a reason still applies but is reported', () => {
  const f = file(`# demarc:ignore aws-s3-versioning\n${BUCKET_TF}`);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const r = run(f, [logs], [finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', '"logs"')]);
  assert.ok(r.findings[0]!.suppressedBy);
  assert.deepEqual(r.problems.map((p) => [p.code, p.range?.start.line]), [['suppression-no-reason', 0]]);
});

test('an unknown rule id and a bad date are reported with the comment position', () => {
  const f = file(`# demarc:ignore aws-s3-versoning -- typo\n${BUCKET_TF}\n# demarc:ignore aws-s3-versioning until=2026-13-01 -- bad date\nresource "aws_s3_bucket" "x" {\n}\n`);
  const r = run(f, [tfResource(f, 'aws_s3_bucket', 'logs'), tfResource(f, 'aws_s3_bucket', 'x')], []);
  const codes = r.problems.map((p) => [p.code, p.range?.start.line]);
  assert.deepEqual(codes, [
    ['suppression-unknown-rule', 0],
    ['suppression-invalid', 9],
  ]);
  assert.match(r.problems[0]!.message, /aws-s3-versoning/);
  assert.match(r.problems[1]!.message, /2026-13-01/);
});

test('a blank line between the comment and the resource breaks the association', () => {
  const f = file(`# demarc:ignore aws-s3-versioning -- detached\n\n${BUCKET_TF}`);
  const r = run(f, [tfResource(f, 'aws_s3_bucket', 'logs')], [finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', '"logs"')]);
  assert.equal(r.findings[0]!.suppressedBy, undefined);
});

test('a Checkov/Trivy id inside demarc:ignore maps to the equivalent rule only', () => {
  const f = file(`# demarc:ignore CKV_AWS_21 -- migrating from checkov\n${BUCKET_TF}`);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const r = run(f, [logs], [finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', '"logs"'), finding(f, 'aws-s3-encryption-kms', 'aws_s3_bucket.logs', '"logs"')]);
  assert.deepEqual(r.findings.map((x) => Boolean(x.suppressedBy)), [true, false]);
  assert.deepEqual(r.problems, []);
});

test('checkov:skip inside the resource suppresses only the rule listing that Checkov id', () => {
  const text = `resource "aws_s3_bucket" "logs" {
  # checkov:skip=CKV_AWS_145:SSE-S3 is accepted for logs
  bucket = "logs"
}
`;
  const f = file(text);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const r = run(f, [logs], [finding(f, 'aws-s3-encryption-kms', 'aws_s3_bucket.logs', 'resource'), finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', 'resource')]);
  assert.deepEqual(r.findings[0]!.suppressedBy && { tool: r.findings[0]!.suppressedBy.tool, id: r.findings[0]!.suppressedBy.id, reason: r.findings[0]!.suppressedBy.reason }, { tool: 'checkov', id: 'CKV_AWS_145', reason: 'SSE-S3 is accepted for logs' });
  assert.equal(r.findings[1]!.suppressedBy, undefined);
});

test('tfsec:ignore (long id) and trivy:ignore (AVD id) above a block or attribute, with :exp:', () => {
  const text = `#tfsec:ignore:aws-s3-enable-versioning
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_s3_bucket" "data" {
  # trivy:ignore:AVD-AWS-0132:exp:2025-01-01
  bucket = "data"
  acl    = "private" # trivy:ignore:AVD-AWS-0132:exp:2027-01-01
}
`;
  const f = file(text);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const data = tfResource(f, 'aws_s3_bucket', 'data');
  const r = run(f, [logs, data], [
    finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', 'bucket = "logs"'),
    finding(f, 'aws-s3-encryption-kms', 'aws_s3_bucket.logs', 'bucket = "logs"'),
    finding(f, 'aws-s3-encryption-kms', 'aws_s3_bucket.data', 'bucket = "data"'),
    finding(f, 'aws-s3-encryption-kms', 'aws_s3_bucket.data', 'acl'),
  ]);
  assert.deepEqual(r.findings.map((x) => x.suppressedBy?.tool ?? null), ['tfsec', null, null, 'trivy']);
  assert.deepEqual(r.problems.map((p) => [p.code, p.range?.start.line]), [['suppression-expired', 6]]);
});

test('kics-scan ignore-line, ignore-block and whole-file ignore', () => {
  const text = `resource "aws_s3_bucket" "logs" {
  # kics-scan ignore-line
  bucket = "logs"
  acl    = "private"
}

# kics-scan ignore-block
resource "aws_s3_bucket" "data" {
  bucket = "data"
}
`;
  const f = file(text);
  const logs = tfResource(f, 'aws_s3_bucket', 'logs');
  const data = tfResource(f, 'aws_s3_bucket', 'data');
  const r = run(f, [logs, data], [
    finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', 'bucket = "logs"'),
    finding(f, 'aws-s3-versioning', 'aws_s3_bucket.logs', 'acl'),
    finding(f, 'aws-s3-versioning', 'aws_s3_bucket.data', 'bucket = "data"'),
  ]);
  assert.deepEqual(r.findings.map((x) => x.suppressedBy?.tool ?? null), ['kics', null, 'kics']);

  const whole = file(`# kics-scan ignore\n${BUCKET_TF}`);
  const w = run(whole, [tfResource(whole, 'aws_s3_bucket', 'data')], [finding(whole, 'aws-s3-versioning', 'aws_s3_bucket.data', 'bucket = "data"')]);
  assert.equal(w.findings[0]!.suppressedBy?.tool, 'kics');

  const disable = file(`# kics-scan disable=568a4d22-3517-44a6-a7ad-6a7eed88722c\n${BUCKET_TF}`);
  const d = run(disable, [], [finding(disable, 'aws-s3-versioning', 'aws_s3_bucket.data', '"data"'), finding(disable, 'aws-s3-encryption-kms', 'aws_s3_bucket.data', '"data"')]);
  assert.deepEqual(d.findings.map((x) => Boolean(x.suppressedBy)), [true, false]);
});

test('YAML comments in a CloudFormation template: above the logical id and on a property line', () => {
  const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  # demarc:ignore aws-s3-versioning -- scratch bucket
  Scratch:
    Type: AWS::S3::Bucket
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs # demarc:ignore aws-s3-encryption-kms -- SSE-S3 is fine
      Tags: []
`;
  const f = file(text, 'cloudformation-yaml', '/p/template.yaml');
  const scratch = cfnResource(f, 'Scratch');
  const logs = cfnResource(f, 'Logs');
  const findings = [
    finding(f, 'aws-s3-versioning', 'Scratch', 'Scratch:'),
    finding(f, 'aws-s3-versioning', 'Logs', 'Logs:'),
    finding(f, 'aws-s3-encryption-kms', 'Logs', 'BucketName'),
    finding(f, 'aws-s3-encryption-kms', 'Logs', 'Tags'),
  ];
  // With the parser's comment list (as the YAML evaluator provides it) and with the fallback scan.
  for (const comments of [commentsFromText(f.path, text, f.kind), undefined]) {
    const r = run(f, [scratch, logs], findings, comments ? { comments } : {});
    assert.deepEqual(r.findings.map((x) => Boolean(x.suppressedBy)), [true, false, true, false]);
    assert.deepEqual(r.problems, []);
  }
});

test('CloudFormation Metadata: demarc, checkov, cfn_nag and cfn-lint entries', () => {
  const text = `{
  "Resources": {
    "A": { "Type": "AWS::S3::Bucket" },
    "B": { "Type": "AWS::S3::Bucket" },
    "C": { "Type": "AWS::S3::Bucket" }
  }
}
`;
  const f = file(text, 'cloudformation-json', '/p/t.json');
  const res = (id: string, md: unknown): SourceResource => {
    const start = text.indexOf(`"${id}"`);
    return { format: 'cloudformation', mode: 'resource', file: f.path, type: 'AWS::S3::Bucket', name: id, address: id, span: { file: f.path, start, end: text.indexOf('}', start) + 1 }, headerSpan: { file: f.path, start, end: start + 3 }, body: { kind: 'object', origin: 'explicit', fields: new Map() }, metadata: plain(md) as ObjectVal };
  };
  const a = res('A', { demarc: { ignore: [{ id: 'aws-s3-versioning', reason: 'write-once', until: '2027-01-01' }, { id: 'aws-s3-encryption-kms' }] } });
  const b = res('B', { checkov: { skip: [{ id: 'CKV_AWS_21', comment: 'legacy' }] }, cfn_nag: { rules_to_suppress: [{ id: 'aws-s3-encryption-kms', reason: 'named by our id' }, { id: 'W35', reason: 'not ours' }] } });
  const c = res('C', { 'cfn-lint': { config: { ignore_checks: ['aws-s3-versioning'] } }, demarc: { ignore: [{ id: 'aws-s3-encryption-kms', reason: 'x', until: '2020-01-01' }] } });
  const fx = (rule: string, addr: string) => finding(f, rule, addr, `"${addr}"`);
  const r = run(f, [a, b, c], [
    fx('aws-s3-versioning', 'A'),
    fx('aws-s3-encryption-kms', 'A'),
    fx('aws-s3-versioning', 'B'),
    fx('aws-s3-encryption-kms', 'B'),
    fx('aws-s3-block-public-access', 'B'),
    fx('aws-s3-versioning', 'C'),
    fx('aws-s3-encryption-kms', 'C'),
  ]);
  assert.deepEqual(r.findings.map((x) => x.suppressedBy?.tool ?? null), ['demarc', 'demarc', 'checkov', 'cfn_nag', null, 'cfn-lint', null]);
  assert.equal(r.findings[0]!.suppressedBy?.until, '2027-01-01');
  assert.deepEqual(r.problems.map((p) => p.code).sort(), ['suppression-expired', 'suppression-no-reason']);
  for (const p of r.problems) assert.equal(p.file, '/p/t.json');
});

test('parseDemarcDirective', () => {
  assert.deepEqual(parseDemarcDirective(' a-b,c-d until=2026-03-01 -- because  '), { ids: ['a-b', 'c-d'], until: '2026-03-01', reason: 'because' });
  assert.deepEqual(parseDemarcDirective(' x -- reason with -- dashes */'), { ids: ['x'], reason: 'reason with -- dashes' });
  assert.match(parseDemarcDirective(' -- only a reason').error ?? '', /at least one rule id/);
  assert.match(parseDemarcDirective(' x until=tomorrow').error ?? '', /not a valid YYYY-MM-DD/);
});

test('a suppression above a module call covers the resources that module creates', () => {
  const root = file('# demarc:ignore aws-s3-versioning -- the module is vendored and frozen\nmodule "logs" {\n  source = "./modules/logs"\n}\n\nmodule "other" {\n  source = "./modules/logs"\n}\n');
  const mod = file('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n', 'terraform', '/p/modules/logs/main.tf');
  const mk = (address: string) => ({ ...finding(mod, 'aws-s3-versioning', address, 'resource'), resource: address });
  const r = applySuppressions([mk('module.logs.aws_s3_bucket.b'), mk('module.other.aws_s3_bucket.b')], { files: [root, mod], comments: new Map(), resources: [] }, { today: TODAY, ruleMeta });
  assert.deepEqual(r.findings.map((x) => Boolean(x.suppressedBy)), [true, false]);
});
