// The responsibility matrix from a real analysis of a fixture project, its renderings, `demarc report`, and
// the HTML report driven in headless Chromium (table, counts, filters, CSP), with a screenshot kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyze } from '../../server/src/engine/analyze';
import { parseProjectConfig } from '../../server/src/engine/config';
import { createNodeHost } from '../../server/src/host/node-host';
import { explainAttribute, explainResource, renderAttributeMarkdown, renderResourceMarkdown } from '../../server/src/engine/responsibility';
import { field } from '../../server/src/engine/evaluate/value';
import { FILTER_SCRIPT, WEBVIEW_SCRIPT, buildMatrix, matrixFromAnalysis, matrixFromReport, renderMatrixFragment, renderMatrixHtml, renderMatrixMarkdown, teamFor, type MatrixData } from '../../server/src/report';
import type { ReportResult } from '../../server/src/shared/protocol';
import { runReport } from '../../server/src/cli/commands/report';

const ROOT = resolve(__dirname, '../..').replace(/\\/g, '/');
const PROJECT = `${ROOT}/test/fixtures/report/project`;
const CHROMIUM = '/usr/bin/chromium';

function analyzeFixture() {
  const configPath = `${PROJECT}/.demarc.yaml`;
  const { config, problems } = parseProjectConfig(readFileSync(configPath, 'utf8'), configPath);
  assert.deepEqual(problems, []);
  const result = analyze([PROJECT], createNodeHost(), { config });
  return { result, config };
}

function buildFixtureMatrix(): MatrixData {
  const { result, config } = analyzeFixture();
  return matrixFromAnalysis(result, { cwd: PROJECT, roots: ['.'], config, generatedAt: '2026-01-01T00:00:00.000Z' });
}

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
function reportResultForFixture(): ReportResult {
  const { result, config } = analyzeFixture();
  const lines = (f: string) => result.files.get(f)?.lines;
  const resources: ReportResult['resources'] = [];
  for (const u of result.units)
    for (const r of u.sourceResources) {
      if (r.type === 'aws_s3_bucket_versioning') continue;
      const owner = teamFor(r, config.owners, config.root);
      const card = explainResource(r, u.findings, owner ? { lines, owner } : { lines });
      const range = lines(r.file)!.rangeOf(r.headerSpan.start, r.headerSpan.end);
      resources.push({ address: r.address, type: r.type, format: r.format, uri: 'file://' + r.file, range, findings: [], responsibility: JSON.parse(JSON.stringify(card)) });
    }
  resources.push({ address: 'aws_foo.bar', type: 'aws_foo', format: 'terraform', uri: `file://${PROJECT}/x.tf`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, findings: [] });
  return { generatedAt: '2026-01-01T00:00:00.000Z', roots: ['file://' + PROJECT], resources, counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 }, problems: [] };
}

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

test('HTML report in headless Chromium: rows, counts, filters, no CSP violations; screenshot kept', async () => {
  if (!existsSync(CHROMIUM)) assert.fail(`Chromium is missing at ${CHROMIUM}: install it with "apt-get update && apt-get install -y chromium"`);
  const { chromium } = await import('playwright-core');
  const data = buildFixtureMatrix();
  const dir = mkdtempSync(join(tmpdir(), 'demarc-html-'));
  const file = join(dir, 'report.html');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, renderMatrixHtml(data));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(5000);
    const cspErrors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto('file://' + file);

    const rowCount = await page.locator('#matrix tbody tr').count();
    assert.equal(rowCount, data.rows.length);
    assert.equal(await page.locator('#matrix thead th[scope="col"]').count(), 3 + data.layers.length);
    assert.equal(await page.locator('#matrix tbody th[scope="row"]').count(), data.rows.length);
    assert.equal(await page.textContent('#count-resources'), String(data.counts.resources));
    assert.equal(await page.textContent('#count-finding-cells'), String(data.counts.cells.finding));
    assert.equal(await page.locator('td.s-finding').count(), data.counts.cells.finding);
    assert.equal(await page.textContent('#visible-count'), `Showing 8 of 8 resources`);

    // Status filter: only rows with a finding cell stay visible, and the script updated the live count.
    const withFinding = data.rows.filter((r) => r.cells.some((c) => c.status === 'finding')).length;
    await page.selectOption('#f-status', 'finding');
    assert.equal(await page.locator('#matrix tbody tr:visible').count(), withFinding);
    assert.equal(await page.textContent('#visible-count'), `Showing ${withFinding} of 8 resources`);
    assert.ok((await page.locator('td.dim').count()) > 0, 'non-matching cells are dimmed');

    // Status + file filters combine; keyboard reaches the filters.
    await page.selectOption('#f-file', 'network/main.tf');
    const inNetwork = data.rows.filter((r) => r.displayFile === 'network/main.tf');
    assert.equal(await page.locator('#matrix tbody tr:visible').count(), inNetwork.filter((r) => r.cells.some((c) => c.status === 'finding')).length);
    await page.selectOption('#f-status', '');
    assert.equal(await page.locator('#matrix tbody tr:visible').count(), inNetwork.length);
    await page.selectOption('#f-team', 'data-eng');
    assert.equal(await page.locator('#matrix tbody tr:visible').count(), 0);
    await page.click('#f-reset');
    await page.waitForFunction("document.getElementById('visible-count').textContent === 'Showing 8 of 8 resources'");
    await page.focus('#f-file');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'f-service');

    // A finding cell links to its details.
    await page.click('#matrix tbody tr[data-row="1"] td.s-finding a');
    assert.match(page.url(), /#f-1$/);

    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.goto('file://' + file);
    await page.screenshot({ path: `${ROOT}/test-results/report.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${ROOT}/test-results/report-dark.png`, fullPage: true });
    assert.deepEqual(cspErrors, []);
    assert.deepEqual(requests, []);

    // The webview's own script (WEBVIEW_SCRIPT, inlined by client/src/views/matrix.ts) filters the same markup and posts open/finding messages.
    const web = matrixFromReport(reportResultForFixture(), (uri) => uri.replace('file://' + PROJECT + '/', ''));
    const webPage = await browser.newPage();
    webPage.setDefaultTimeout(5000);
    const shim = 'window.__posted = []; window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.__posted.push(m); } }; };';
    await webPage.setContent(
      `<!doctype html><html><head><style>${readFileSync(`${ROOT}/media/matrix.css`, 'utf8')}</style></head><body><main>${renderMatrixFragment(web, { interactive: 'webview' })}</main>` +
        `<script>${shim}</script><script>${WEBVIEW_SCRIPT}</script></body></html>`,
    );
    await webPage.selectOption('#f-owner', 'shared');
    await webPage.selectOption('#f-status', 'finding');
    const sharedNotMet = web.rows.filter((r) => r.cells.some((c) => c.owner === 'shared' && c.status === 'finding')).length;
    assert.ok(sharedNotMet >= 3, 'bucket, key and database have shared duties not met');
    assert.equal(await webPage.locator('#matrix tbody tr:visible').count(), sharedNotMet);
    await webPage.locator('button[data-action="finding"][data-layer="encryption-at-rest"]').first().focus();
    await webPage.keyboard.press('Enter');
    await webPage.locator('tbody tr:visible th button.open').first().click();
    const posted = (await webPage.evaluate('window.__posted')) as { type: string; row: number; layer?: string }[];
    assert.equal(posted.length, 2);
    assert.equal(posted[0]!.type, 'finding');
    assert.equal(posted[0]!.layer, 'encryption-at-rest');
    assert.equal(web.rows[posted[0]!.row]!.cells.find((c) => c.layer === 'encryption-at-rest')!.status, 'finding');
    assert.equal(posted[1]!.type, 'open');
    await webPage.screenshot({ path: `${ROOT}/test-results/matrix-webview.png`, fullPage: true });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
