// The responsibility matrix from a real analysis of a fixture project, its renderings and `demarc report`. The HTML
// report driven in headless Chromium is among the real-client suites (test/e2e/report-chromium.test.ts), which run
// after scripts/e2e-setup.sh has installed Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainAttribute, explainResource, renderAttributeMarkdown, renderResourceMarkdown } from '../../server/src/engine/responsibility';
import { field } from '../../server/src/engine/evaluate/value';
import { FILTER_SCRIPT, WEBVIEW_SCRIPT, buildMatrix, matrixFromReport, renderMatrixFragment, renderMatrixHtml, renderMatrixHtmlChunks, renderMatrixJson, renderMatrixJsonChunks, renderMatrixMarkdown, type MatrixData } from '../../server/src/report';
import { runReport } from '../../server/src/cli/commands/report';
import { PROJECT, analyzeFixture, buildFixtureMatrix, reportResultForFixture } from './fixture';

test('matrix: every resource once (companions folded in), cells by owner and status, teams and unowned', () => {
  const data = buildFixtureMatrix();
  const addresses = data.rows.map((r) => r.address);
  assert.deepEqual(addresses, [
    'aws_vpc.main',
    'aws_security_group.fail_ssh_open',
    'aws_security_group.pass_https_only',
    'aws_s3_bucket.data',
    'aws_kms_key.fail_no_rotation',
    'aws_sqs_queue.jobs',
    'FailDatabase',
    'PassTrail',
  ]);
  const row = (a: string) => data.rows.find((r) => r.address === a)!;
  const cell = (a: string, layer: string) => row(a).cells.find((c) => c.layer === layer)!;
  assert.equal(cell('aws_security_group.fail_ssh_open', 'network-configuration').status, 'finding');
  assert.equal(cell('aws_security_group.pass_https_only', 'network-configuration').status, 'met');
  // The versioning companion is joined into its bucket, and its rule counts for the bucket's row.
  assert.equal(cell('aws_s3_bucket.data', 'backup-resilience').status, 'met');
  assert.equal(cell('aws_s3_bucket.data', 'runtime-platform').status, 'aws');
  assert.equal(cell('FailDatabase', 'encryption-at-rest').status, 'finding');
  assert.equal(cell('FailDatabase', 'network-configuration').owner, 'customer');
  assert.equal(cell('PassTrail', 'logging-monitoring').status, 'met');
  assert.equal(cell('aws_vpc.main', 'guest-os').status, 'n/a');
  // Owners: a path glob and a tag.
  assert.equal(row('aws_vpc.main').team, 'platform-network');
  assert.equal(row('aws_s3_bucket.data').team, 'data-eng');
  assert.deepEqual(data.unowned.map((u) => u.address), ['aws_kms_key.fail_no_rotation', 'aws_sqs_queue.jobs', 'FailDatabase', 'PassTrail']);
  // Counts agree with the cells.
  const all = data.rows.flatMap((r) => r.cells);
  assert.equal(data.counts.cells.finding, all.filter((c) => c.status === 'finding').length);
  assert.equal(data.counts.findings, data.rows.reduce((n, r) => n + r.findingCount, 0));
  assert.ok(data.counts.cells.finding >= 5, JSON.stringify(data.counts));
  assert.equal(data.counts.resources, 8);
  assert.equal(data.layers[0]!.id, 'guest-os');
});

test('cards and attribute hovers on parsed fixtures in both formats', () => {
  const { result } = analyzeFixture();
  const all = result.units.flatMap((u) => u.sourceResources.map((r) => ({ r, u })));
  const lines = (f: string) => result.files.get(f)?.lines;

  const sg = all.find((x) => x.r.address === 'aws_security_group.fail_ssh_open')!;
  const sgCard = explainResource(sg.r, sg.u.findings, { lines });
  assert.equal(sgCard.layers.find((l) => l.layer === 'network-configuration')?.status, 'not-met');
  assert.match(renderResourceMarkdown(sgCard), /\| ❌ \| Network configuration \| You \| not met — aws-ec2-open-admin-ports \|/);
  const ingress = field(sg.r.body, 'ingress');
  const first = ingress?.kind === 'list' ? ingress.items[0] : ingress;
  const cidrs = field(first, 'cidr_blocks');
  const attr = explainAttribute(sg.r, ['ingress', '0', 'cidr_blocks'], cidrs, { lines, root: PROJECT });
  assert.ok(attr);
  assert.equal(attr.owner, 'customer');
  assert.equal(attr.value.origin, 'explicit');
  assert.equal(attr.value.at, 'network/main.tf:13');
  assert.match(renderAttributeMarkdown(attr), /Value: `\["0\.0\.0\.0\/0"\]` at network\/main\.tf:13/);

  const db = all.find((x) => x.r.address === 'FailDatabase')!;
  const dbCard = explainResource(db.r, db.u.findings, { lines });
  assert.equal(dbCard.serviceModel, 'container');
  assert.equal(dbCard.layers.find((l) => l.layer === 'encryption-at-rest')?.status, 'not-met');
  assert.equal(dbCard.resource?.line, 4);
  const enc = explainAttribute(db.r, ['StorageEncrypted'], field(db.r.body, 'StorageEncrypted'), { lines, root: PROJECT });
  assert.equal(enc?.value.at, 'templates/db.yaml:11');
  assert.deepEqual(enc?.ruleIds, ['aws-rds-encryption']);
  const omitted = explainAttribute(db.r, ['BackupRetentionPeriod'], undefined);
  assert.equal(omitted?.value.origin, 'default');
  assert.match(omitted!.whenOmitted, /1 day/);
});

/** What the language server answers to `demarc/report` for the fixture (cards passed through as JSON). */
test('webview matrix from the server report: same rows, teams from the cards, unknown types marked', () => {
  const data = matrixFromReport(reportResultForFixture(), (uri) => uri.replace('file://' + PROJECT + '/', ''));
  const fromAnalysis = buildFixtureMatrix();
  const row = data.rows.find((r) => r.address === 'aws_security_group.fail_ssh_open')!;
  assert.equal(row.displayFile, 'network/main.tf');
  assert.equal(row.team, 'platform-network');
  assert.deepEqual(
    row.cells.map((c) => c.status),
    fromAnalysis.rows.find((r) => r.address === row.address)!.cells.map((c) => c.status),
  );
  const unknown = data.rows.find((r) => r.address === 'aws_foo.bar')!;
  assert.equal(unknown.known, false);
  assert.ok(unknown.cells.every((c) => c.status === 'unknown'));
  assert.ok(data.ownersConfigured);
  const html = renderMatrixFragment(data, { interactive: 'webview' });
  assert.match(html, /<button type="button" data-action="finding" data-row="\d+" data-layer="network-configuration"/);
});

test('markdown and JSON renderings carry the same matrix', () => {
  const data = buildFixtureMatrix();
  const md = renderMatrixMarkdown(data);
  assert.match(md, /^# Demarc responsibility matrix/);
  assert.match(md, /\*\*8\*\* resources/);
  assert.match(md, /\| `aws_security_group\.fail_ssh_open` \| network\/main\.tf:5 \| platform-network \| — \| — \| — \| ❌ 1 you \|/);
  assert.match(md, /## Resources without an owner \(4\)/);
  const json = JSON.parse(JSON.stringify(data)) as MatrixData;
  assert.equal(json.rows.length, 8);
});

test('the account row: facts and account-only issues in HTML and Markdown', () => {
  const data = buildFixtureMatrix();
  data.account = {
    account: '123456789012',
    arn: 'arn:aws:iam::123456789012:user/ci',
    region: 'eu-west-1',
    checkedAt: '2026-01-01T00:00:00Z',
    facts: [
      { title: 'EBS encryption by default', known: true, text: 'on, key alias/aws/ebs' },
      { title: 'GuardDuty', known: false, text: 'unknown (AccessDenied: needs guardduty:ListDetectors)' },
    ],
    issues: [{ severity: 'critical', title: 'The root user has no MFA', detail: 'Enable MFA.', control: 'aws-fsbp:IAM.9' }],
  };
  const html = renderMatrixHtml(data);
  assert.match(html, /<h2 id="account-h">Account 123456789012 \(eu-west-1\)<\/h2>/);
  assert.match(html, /<th scope="row">GuardDuty<\/th><td class="s-not-checked">unknown \(AccessDenied/);
  const md = renderMatrixMarkdown(data);
  assert.match(md, /## Account 123456789012 \(eu-west-1\)/);
  assert.match(md, /- \*\*critical\*\* The root user has no MFA — Enable MFA\. \(aws-fsbp:IAM\.9\)/);
});

test('an empty project still renders a valid report', () => {
  const empty = buildMatrix([], { roots: ['.'], ownersConfigured: false, generatedAt: '2026-01-01T00:00:00Z' });
  assert.equal(empty.counts.resources, 0);
  assert.match(renderMatrixHtml(empty), /No AWS resources were found\./);
  assert.match(renderMatrixMarkdown(empty), /No AWS resources were found\./);
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runReport(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: PROJECT, env: {}, isTTY: false }, { now: () => new Date('2026-01-01T00:00:00Z') });
  return { code, out, err };
}

test('demarc report: formats, output file, bad input', async () => {
  const json = await cli(['--format', 'json']);
  assert.equal(json.code, 0, json.err);
  const data = JSON.parse(json.out) as MatrixData;
  assert.equal(data.counts.resources, 8);
  assert.equal(data.generatedAt, '2026-01-01T00:00:00.000Z');
  assert.equal(data.rows[0]!.displayFile, 'network/main.tf');

  const dir = mkdtempSync(join(tmpdir(), 'demarc-report-'));
  try {
    const out = join(dir, 'sub', 'matrix.md');
    const md = await cli(['.', '--format', 'markdown', '--output', out]);
    assert.equal(md.code, 0, md.err);
    assert.match(md.err, /8 resources, \d+ findings/);
    assert.match(readFileSync(out, 'utf8'), /^# Demarc responsibility matrix/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal((await cli(['no-such-folder'])).code, 2);
  assert.equal((await cli(['--format', 'pdf'])).code, 2);
  const noConfig = await cli(['--no-config', '--format', 'json']);
  assert.equal((JSON.parse(noConfig.out) as MatrixData).ownersConfigured, false);
});

test('HTML report is self-contained with a strict CSP', () => {
  const html = renderMatrixHtml(buildFixtureMatrix());
  assert.ok(!/(src|href)=["']https?:/i.test(html), 'no external assets');
  assert.ok(!/<link /i.test(html));
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.ok(csp);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'/);
  assert.ok(!csp.includes('unsafe-inline'));
  // The webview's script carries the very same filter code.
  assert.ok(WEBVIEW_SCRIPT.startsWith(FILTER_SCRIPT), 'the webview script starts with FILTER_SCRIPT verbatim');
});

test('the JSON report written a row at a time is byte-identical to JSON.stringify of the whole matrix', () => {
  const full = buildFixtureMatrix();
  const withAccount: MatrixData = {
    ...full,
    account: { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/ci', region: 'eu-west-1', checkedAt: '2026-01-01T00:00:00Z', facts: [{ title: 'GuardDuty', known: false, text: 'unknown "quoted"\nline' }], issues: [] },
  };
  const oneRow: MatrixData = { ...full, rows: full.rows.slice(0, 1) };
  const empty = buildMatrix([], { roots: ['.'], ownersConfigured: false, generatedAt: '2026-01-01T00:00:00Z' });
  for (const [name, data] of [['fixture', full], ['with account', withAccount], ['one row', oneRow], ['empty', empty]] as const) {
    const chunks = [...renderMatrixJsonChunks(data)];
    assert.equal(chunks.join(''), renderMatrixJson(data), name);
    if (data.rows.length > 1) assert.ok(chunks.length >= data.rows.length, `${name}: written in pieces`);
  }
});

test('the HTML report is assembled from pieces, a table row each, around the same fragment', () => {
  const data = buildFixtureMatrix();
  const chunks = [...renderMatrixHtmlChunks(data)];
  assert.ok(chunks.length >= data.rows.length + 2, `${chunks.length} pieces`);
  const html = chunks.join('');
  assert.equal(html, renderMatrixHtml(data));
  assert.ok(html.includes(`<main>\n${renderMatrixFragment(data, { interactive: 'report' })}\n</main>`));
  assert.ok(html.startsWith('<!doctype html>') && html.endsWith('</html>\n'));
});
