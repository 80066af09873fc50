import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { makeSourceFile } from '../../server/src/engine/files';
import type { Finding, Fix } from '../../server/src/engine/types';
import {
  findingToDiagnostic,
  fingerprint,
  fixToWorkspaceEdit,
  nonOverlappingFixes,
  problemToDiagnostic,
  stripSnippet,
  toChangesEdit,
  toDiagnosticSeverity,
} from '../../server/src/lsp/convert';
import { normalizeSettings, DEFAULT_SETTINGS, SETTINGS_MANIFEST } from '../../server/src/shared/settings';
import { uriToPath, pathToUri, isInside } from '../../server/src/lsp/uri';

const text = 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n';
const file = makeSourceFile('/ws/main.tf', text, 'terraform');
const aclStart = text.indexOf('"public-read"');

function finding(over: Partial<Finding> = {}): Finding {
  const span = { file: file.path, start: aclStart, end: aclStart + '"public-read"'.length };
  return {
    ruleId: 'aws-s3-no-public-acl',
    severity: 'high',
    ruleSeverity: 'high',
    message: 'Bucket ACL grants public read',
    file: file.path,
    span,
    range: file.lines.rangeOf(span.start, span.end),
    resource: 'aws_s3_bucket.b',
    related: [{ file: '/ws/vars.tf', span: { file: '/ws/vars.tf', start: 0, end: 3 }, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, message: 'the value comes from here' }],
    fix: { title: 'Make the ACL private', edits: [{ file: file.path, start: span.start, end: span.end, newText: '"private"' }] },
    ...over,
  };
}

const ctx = {
  uri: 'file:///ws/main.tf',
  version: 7,
  helpUri: (id: string) => `https://docs.example/${id}`,
  uriOf: (p: string) => pathToUri(p),
  overrides: {},
};

test('severity map: critical/high → Error, medium → Warning, low → Information, info → Hint', () => {
  assert.equal(toDiagnosticSeverity('critical'), DiagnosticSeverity.Error);
  assert.equal(toDiagnosticSeverity('high'), DiagnosticSeverity.Error);
  assert.equal(toDiagnosticSeverity('medium'), DiagnosticSeverity.Warning);
  assert.equal(toDiagnosticSeverity('low'), DiagnosticSeverity.Information);
  assert.equal(toDiagnosticSeverity('info'), DiagnosticSeverity.Hint);
});

test('finding → diagnostic carries code, href, related information and data for code actions', () => {
  const d = findingToDiagnostic(finding(), ctx)!;
  assert.equal(d.source, 'demarc');
  assert.equal(d.code, 'aws-s3-no-public-acl');
  assert.deepEqual(d.codeDescription, { href: 'https://docs.example/aws-s3-no-public-acl' });
  assert.deepEqual(d.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 21 } });
  assert.equal(d.severity, DiagnosticSeverity.Error);
  assert.equal(d.relatedInformation?.[0]?.location.uri, 'file:///ws/vars.tf');
  assert.equal(d.relatedInformation?.[0]?.location.range.start.line, 2);
  // The rule id is the diagnostic's code and the file its document: data does not repeat them.
  assert.deepEqual(d.data, { fixable: true, fingerprint: fingerprint(finding()), resource: 'aws_s3_bucket.b', version: 7 });
  assert.equal(d.code, 'aws-s3-no-public-acl');
  assert.ok(!fingerprint(finding()).includes('/ws/'), 'the fingerprint leaves the path out');
});

test('severity overrides change the severity or turn the rule off; suppressed findings are not shown', () => {
  assert.equal(findingToDiagnostic(finding(), { ...ctx, overrides: { 'aws-s3-no-public-acl': 'low' } })!.severity, DiagnosticSeverity.Information);
  assert.equal(findingToDiagnostic(finding(), { ...ctx, overrides: { 'aws-s3-no-public-acl': 'off' } }), undefined);
  assert.equal(findingToDiagnostic(finding({ suppressedBy: { tool: 'demarc', id: 'aws-s3-no-public-acl', reason: 'ok', span: { file: file.path, start: 0, end: 1 } } }), ctx), undefined);
});

test('problem → diagnostic uses the span through the file when it has no range', () => {
  const d = problemToDiagnostic({ file: file.path, span: { file: file.path, start: aclStart, end: aclStart + 1 }, severity: 'error', code: 'hcl-syntax', message: 'Expected a value' }, file);
  assert.equal(d.code, 'hcl-syntax');
  assert.equal(d.source, 'demarc');
  assert.equal(d.severity, DiagnosticSeverity.Error);
  assert.deepEqual(d.range.start, { line: 1, character: 8 });
});

test('stripSnippet turns tab stops into plain text and keeps Terraform interpolation', () => {
  assert.equal(stripSnippet('kms_key_id = "${1:arn:aws:kms:REGION:ACCOUNT:key/ID}"'), 'kms_key_id = "arn:aws:kms:REGION:ACCOUNT:key/ID"');
  assert.equal(stripSnippet('name = "${var.prefix}-logs"$0'), 'name = "${var.prefix}-logs"');
  assert.equal(stripSnippet('a ${1:outer ${2:inner}} b'), 'a outer inner b');
  assert.equal(stripSnippet('cost \\$5 ${1}'), 'cost $5 ');
});

test('fix → versioned WorkspaceEdit, and the `changes` form for clients without documentChanges', () => {
  const f = finding();
  const edit = fixToWorkspaceEdit([f.fix!], (p) => (p === file.path ? { uri: 'file:///ws/main.tf', file, version: 7 } : undefined))!;
  assert.deepEqual(edit.documentChanges, [
    { textDocument: { uri: 'file:///ws/main.tf', version: 7 }, edits: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 21 } }, newText: '"private"' }] },
  ]);
  assert.deepEqual(Object.keys(toChangesEdit(edit).changes!), ['file:///ws/main.tf']);
  // An edit to a file the analysis did not read cannot be placed.
  assert.equal(fixToWorkspaceEdit([{ title: 'x', edits: [{ file: '/elsewhere.tf', start: 0, end: 0, newText: 'x' }] }], () => undefined), undefined);
});

test('fix-all keeps non-overlapping fixes, drops ones that need input', () => {
  const a: Fix = { title: 'a', edits: [{ file: 'f', start: 0, end: 5, newText: 'x' }] };
  const b: Fix = { title: 'b', edits: [{ file: 'f', start: 3, end: 8, newText: 'y' }] };
  const c: Fix = { title: 'c', edits: [{ file: 'f', start: 10, end: 12, newText: 'z' }] };
  const d: Fix = { title: 'd', needsInput: true, edits: [{ file: 'f', start: 20, end: 20, newText: 'w' }] };
  assert.deepEqual(nonOverlappingFixes([c, b, a, d]).map((f) => f.title), ['a', 'c']);
});

test('settings: defaults, validation of wrong types, manifest covers every setting', () => {
  assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
  const s = normalizeSettings({ enable: 'yes', run: 'onSave', severityOverrides: { a: 'low', b: 'nope', c: 'off' }, rules: { exclude: ['x', 3] }, analysis: { debounceMs: 0, maxFileSize: -1 } });
  assert.equal(s.enable, true);
  assert.equal(s.run, 'onSave');
  assert.deepEqual(s.severityOverrides, { a: 'low', c: 'off' });
  assert.deepEqual(s.rules.exclude, ['x']);
  assert.equal(s.analysis.debounceMs, 0);
  assert.equal(s.analysis.maxFileSize, DEFAULT_SETTINGS.analysis.maxFileSize);
  assert.equal(s.baseline.mode, 'dim');
  assert.equal(normalizeSettings({ baseline: { mode: 'hide' } }).baseline.mode, 'hide');
  assert.equal(normalizeSettings({ baseline: { mode: 'loud' } }).baseline.mode, 'dim');
  assert.deepEqual(Object.keys(SETTINGS_MANIFEST).sort(), [
    'demarc.analysis.debounceMs', 'demarc.analysis.maxFileSize', 'demarc.aws.connect', 'demarc.aws.profile', 'demarc.aws.region',
    'demarc.baseline.mode', 'demarc.enable', 'demarc.exclude', 'demarc.rules.exclude', 'demarc.run', 'demarc.severityOverrides', 'demarc.trace.server',
  ]);
});

test('uri ↔ path', () => {
  assert.equal(uriToPath('file:///home/u/a%20b/main.tf'), '/home/u/a b/main.tf');
  assert.equal(uriToPath('untitled:Untitled-1'), undefined);
  assert.equal(pathToUri('/home/u/a b/main.tf'), 'file:///home/u/a%20b/main.tf');
  assert.ok(isInside('/ws/a/b.tf', '/ws'));
  assert.ok(!isInside('/wsx/b.tf', '/ws'));
});
