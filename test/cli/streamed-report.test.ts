// The streamed report of `demarc scan` (render-unit.ts → report-writer.ts): byte for byte what the one-piece
// formatters (formatJson, formatSarif, formatText over the whole analysis) produce, whatever the number of threads,
// the order units finish in, a worker dying mid-scan, or the findings' text living in memory or in a spool file.
// The same for `demarc report`'s matrix (matrix-unit.ts → spooled-rows.ts) against the one-piece matrix renderers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { analyze, analyzeUnit, discover } from '../../server/src/engine/analyze';
import { severityRank, type Severity } from '../../server/src/engine/types';
import { createNodeHost } from '../../server/src/host/node-host';
import { makeStyle } from '../../server/src/cli/color';
import { formatJson } from '../../server/src/cli/format/json';
import { formatSarif } from '../../server/src/cli/format/sarif';
import { formatText } from '../../server/src/cli/format/text';
import type { ScanReport } from '../../server/src/cli/format/report';
import { renderUnit, type RenderOptions, type ScanFormat } from '../../server/src/cli/render-unit';
import { ReportCollector, type ReportFrame } from '../../server/src/cli/report-writer';
import { Spool } from '../../server/src/cli/spool';
import { generateWorkspace } from '../../bench/workspace';
import { REPO, type RunOptions } from './helpers';
import { runScan } from '../../server/src/cli/commands/scan';
import { runReport, type ReportDeps } from '../../server/src/cli/commands/report';
import { SpooledRows } from '../../server/src/cli/spooled-rows';
import { parseProjectConfig, type ProjectConfig } from '../../server/src/engine/config';
import { matrixFromAnalysis, matrixRowJson, renderMatrixHtml, renderMatrixJson, renderMatrixMarkdown, type MatrixData, type RowKey } from '../../server/src/report';

const FIXTURES = `${REPO}/test/fixtures`;
const FORMATS: ScanFormat[] = ['json', 'sarif', 'text'];
let tmp: string;
/** A worker bundle of its own: dist/ is rebuilt by other test files running at the same time. */
let workerScript: string;
/** Mixed generated workspace with a broken file, a module call, and suppressions: large enough for a spool file. */
let workspace: string;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'demarc-stream-')).replace(/\\/g, '/');
  workerScript = `${tmp}/scan-worker.js`;
  await esbuild.build({ entryPoints: [`${REPO}/server/src/cli/worker.ts`], outfile: workerScript, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error', external: ['vscode', 'aws-crt', '@aws-sdk/signature-v4-crt'] });
  workspace = `${tmp}/ws`;
  generateWorkspace(workspace, { modules: 24, filesPerModule: 2, templates: 6, templateResources: 12 });
  writeFileSync(`${workspace}/terraform/stack-3/broken.tf`, 'resource "aws_s3_bucket" "x" {\n  bucket = \n');
  cpSync(`${FIXTURES}/cli/suppressions`, `${workspace}/suppressions`, { recursive: true });
  cpSync(`${FIXTURES}/terraform/modules`, `${workspace}/modules`, { recursive: true });
  cpSync(`${FIXTURES}/cloudformation`, `${workspace}/cloudformation-fixtures`, { recursive: true });
  // Multi-byte UTF-8 in paths: byte lengths and character offsets differ.
  cpSync(`${FIXTURES}/cli/basic`, `${workspace}/données-ü`, { recursive: true });
});

after(() => rmSync(tmp, { recursive: true, force: true }));

/** What the CLI printed before the report was streamed: the whole analysis through the one-piece formatters. */
const analyses = new Map<string, ReturnType<typeof analyze>>();
function onePiece(root: string, format: ScanFormat, o: { threshold?: Severity; quiet?: boolean; verbose?: boolean } = {}): string {
  const result = analyses.get(root) ?? analyze([root], createNodeHost());
  analyses.set(root, result);
  const threshold = o.threshold ?? 'low';
  const report: ScanReport = {
    cwd: root,
    toolVersion: JSON.parse(readFileSync(`${REPO}/package.json`, 'utf8')).version,
    threshold,
    findings: result.findings.filter((f) => severityRank(f.severity) >= severityRank(threshold)),
    problems: result.problems,
    skipped: result.skipped,
    files: result.files,
    filesScanned: result.files.size,
    durationMs: 0,
  };
  if (format === 'json') return formatJson(report);
  if (format === 'sarif') return formatSarif(report);
  return formatText(report, { style: makeStyle(false), quiet: Boolean(o.quiet), verbose: Boolean(o.verbose) });
}

async function scan(root: string, args: string[], deps: NonNullable<RunOptions['deps']> = {}) {
  // runScan without `deps.host`: the real file system, so worker threads are allowed.
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: root, env: {}, isTTY: false };
  const code = await runScan(['.', ...args], io, { now: () => 0, ...deps });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

test('streamed output equals the one-piece formatters, in one thread and in two, in memory and spooled', { timeout: 180_000 }, async () => {
  for (const root of [workspace, `${FIXTURES}/cli/suppressions`, `${FIXTURES}/bad-input`]) {
    for (const format of FORMATS) {
      for (const extra of format === 'text' ? [[], ['--verbose'], ['--quiet'], ['--severity', 'high']] : [[], ['--severity', 'medium']]) {
        const threshold = extra[0] === '--severity' ? (extra[1] as Severity) : undefined;
        const expected = onePiece(root, format, { ...(threshold ? { threshold } : {}), quiet: extra.includes('--quiet'), verbose: extra.includes('--verbose') });
        const label = `${root.slice(tmp.length)} ${format} ${extra.join(' ')}`;
        // --verbose changes only the text output; elsewhere it makes the scan say how many threads it used.
        const args = ['--format', format, ...extra, ...(format === 'text' ? [] : ['--verbose'])];
        const one = await scan(root, [...args, '--jobs', '1']);
        assert.equal(one.stdout, expected, `one thread: ${label}`);
        // Thresholds and --quiet are applied by the same code in every thread: one thread covers them.
        if (extra.length > 0 && extra[0] !== '--verbose') continue;
        const two = await scan(root, [...args, '--jobs', '2'], { workerPath: workerScript, parallelMinUnits: 1, spoolMemoryLimit: 2048 });
        if (args.includes('--verbose')) assert.match(two.stderr, /analyzed with 2 worker threads/, label);
        assert.equal(two.stdout, expected, `two threads, spool file: ${label}`);
        assert.equal(two.code, one.code, label);
        assert.equal(two.stderr.replace(/analyzed with 2 worker threads\n/, ''), one.stderr, label);
      }
    }
  }
});

test('the workspace used above has what the report must get right: module calls, suppressions, problems, non-ASCII', () => {
  const result = analyze([workspace], createNodeHost());
  const { units } = discover([workspace], createNodeHost());
  assert.ok(result.units.length < units.length, 'a called module folder is reported through its caller only');
  assert.ok(result.findings.some((f) => f.suppressedBy));
  assert.ok(result.findings.some((f) => f.fix));
  assert.ok(result.findings.some((f) => f.related.length > 0));
  assert.ok(result.problems.some((p) => p.file.endsWith('broken.tf')));
  assert.ok(result.findings.some((f) => f.file.includes('/données-ü/')), 'multi-byte UTF-8 in some output');
});

test('units finishing in any order give the same report; fingerprints count occurrences in report order', async () => {
  const host = createNodeHost();
  const { units, problems } = discover([workspace], host);
  for (const format of FORMATS) {
    const render: RenderOptions = { format, cwd: workspace, threshold: 'low', color: false, quiet: false, verbose: true };
    const rendered = units.map((u) => renderUnit(analyzeUnit(u, host), render));
    const frame: ReportFrame = { render, toolVersion: '9.9.9', skipped: [], durationMs: 0 };
    const write = async (order: number[], memoryLimit: number) => {
      const spool = new Spool(memoryLimit);
      const c = new ReportCollector(units, spool);
      for (const i of order) c.add(i, rendered[i]!);
      const chunks: Buffer[] = [];
      await c.write(c.finish(problems, host), frame, (chunk) => void chunks.push(Buffer.from(chunk)));
      assert.equal(spool.onDisk, memoryLimit < 1000, 'the spool moved to a file when over its limit');
      spool.close();
      return Buffer.concat(chunks).toString('utf8');
    };
    const inOrder = units.map((_, i) => i);
    const reference = await write(inOrder, 1 << 30);
    assert.equal(await write([...inOrder].reverse(), 1 << 30), reference, `${format}: reversed`);
    // A fixed shuffle: every unit's position moved.
    const shuffled = inOrder.map((i) => (i * 7 + 3) % inOrder.length);
    assert.equal(new Set(shuffled).size, inOrder.length);
    assert.equal(await write(shuffled, 512), reference, `${format}: shuffled, spooled to a file`);
  }
});

test('a unit reported twice is a bug, not a silently doubled finding', () => {
  const host = createNodeHost();
  const { units } = discover([`${FIXTURES}/cli/basic`], host);
  const render: RenderOptions = { format: 'json', cwd: FIXTURES, threshold: 'low', color: false, quiet: false, verbose: false };
  const c = new ReportCollector(units, new Spool());
  c.add(0, renderUnit(analyzeUnit(units[0]!, host), render));
  assert.throws(() => c.add(0, renderUnit(analyzeUnit(units[0]!, host), render)), /reported twice/);
});

test('a worker that dies mid-scan: its units are redone on the main thread and the report is unchanged', { timeout: 120_000 }, async () => {
  // Does the first batch like the real worker, then exits on the second (before answering it).
  const dying = `${tmp}/dying-worker.js`;
  writeFileSync(dying, `let n = 0;\nrequire('node:worker_threads').parentPort.on('message', (m) => { if (m.type === 'units' && ++n === 2) process.exit(7); });\nrequire(${JSON.stringify(workerScript)});\n`);
  for (const format of ['json', 'sarif'] as const) {
    const expected = onePiece(workspace, format);
    const r = await scan(workspace, ['--format', format, '--jobs', '2', '--verbose'], { workerPath: dying, parallelMinUnits: 1, spoolMemoryLimit: 4096 });
    assert.match(r.stderr, /analyzed with 2 worker threads/);
    assert.equal(r.stdout, expected, format);
    assert.equal(r.code, 1);
  }
});

test('standard output streams in chunks, waiting for the stream to drain; --output writes the same bytes', async () => {
  const chunks: Buffer[] = [];
  let waiting = 0;
  const io = {
    stdout: () => assert.fail('raw chunks go through writeStdout'),
    writeStdout: async (chunk: Uint8Array) => {
      chunks.push(Buffer.from(chunk));
      waiting++;
      await new Promise((resolve) => setImmediate(resolve));
    },
    stderr: () => {},
    cwd: workspace,
    env: {},
    isTTY: false,
  };
  const code = await runScan(['.', '--format', 'sarif'], io, { now: () => 0 });
  assert.equal(code, 1);
  assert.ok(chunks.length > 1, `a large report is written in several chunks (got ${chunks.length})`);
  assert.ok(chunks.every((c) => c.length <= 256 * 1024));
  assert.equal(waiting, chunks.length);
  const streamed = Buffer.concat(chunks).toString('utf8');
  assert.equal(streamed, onePiece(workspace, 'sarif'));
  const file = `${tmp}/out/report.sarif`;
  const r = await scan(workspace, ['--format', 'sarif', '--output', file]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /wrote /);
  assert.equal(readFileSync(file, 'utf8'), streamed);
});

test('spool: bytes read back exactly, from memory and after moving to a file, in any order', () => {
  for (const limit of [1 << 20, 100]) {
    const spool = new Spool(limit);
    const pieces: { at: number; bytes: Buffer }[] = [];
    for (let i = 0; i < 400; i++) {
      const bytes = Buffer.from(`${i}:${'é✓x'.repeat(i % 37)}|`);
      pieces.push({ at: spool.append(bytes), bytes });
    }
    assert.equal(spool.onDisk, limit === 100);
    for (const k of [...pieces.keys()].map((i) => (i * 11) % pieces.length)) {
      const p = pieces[k]!;
      assert.deepEqual(Buffer.from(spool.read(p.at, p.bytes.length)), p.bytes, `piece ${k}`);
    }
    spool.close();
  }
});

test('spool: without a usable temporary folder the findings stay in memory and the scan still completes', () => {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = `${tmp}/no/such/folder`;
  try {
    const spool = new Spool(10);
    const a = spool.append(Buffer.from('first piece, over the limit'));
    const b = spool.append(Buffer.from('second'));
    assert.equal(spool.onDisk, false);
    assert.equal(spool.read(a, 5).toString(), 'first');
    assert.equal(spool.read(b, 6).toString(), 'second');
    spool.close();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
});

/** A spool file writer that runs out of space after `room` bytes, as a full disk does (partial write, then ENOSPC). */
function fillsUpAfter(room: number) {
  let used = 0;
  return (fd: number, bytes: Uint8Array, position: number) => {
    const fits = Math.max(0, Math.min(bytes.length, room - used));
    if (fits > 0) writeSync(fd, bytes, 0, fits, position);
    used += fits;
    if (fits < bytes.length) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
}

test('spool: when the temporary file cannot grow, what it holds stays there and the rest is kept in memory', () => {
  for (const room of [0, 150, 1000]) {
    const spool = new Spool(100, fillsUpAfter(room));
    const pieces: { at: number; bytes: Buffer }[] = [];
    for (let i = 0; i < 120; i++) {
      const bytes = Buffer.from(`${i}:${'é✓'.repeat(i % 7)}|`);
      pieces.push({ at: spool.append(bytes), bytes });
    }
    for (const k of [...pieces.keys()].map((i) => (i * 13) % pieces.length)) assert.deepEqual(Buffer.from(spool.read(pieces[k]!.at, pieces[k]!.bytes.length)), pieces[k]!.bytes, `room ${room}, piece ${k}`);
    if (room === 0) {
      // The move to a file failed outright: everything stayed in memory.
      assert.equal(spool.onDisk, false);
      assert.match(spool.warning ?? '', /cannot use a temporary file in .*no space left on the device.*held in memory/);
    } else {
      assert.equal(spool.onDisk, true);
      assert.match(spool.warning ?? '', /temporary file in .* could not grow \(no space left on the device\); the rest of the report is held in memory/);
    }
    spool.close();
  }
  const fine = new Spool(10);
  fine.append(Buffer.from('over the limit, into a file'));
  assert.equal(fine.warning, undefined);
  fine.close();
});

test('demarc scan and demarc report finish with the same output when the temporary folder fills up, and say so', async () => {
  const expectedScan = onePiece(workspace, 'json');
  const s = await scan(workspace, ['--format', 'json', '--jobs', '1'], { spoolMemoryLimit: 2048, spoolWrite: fillsUpAfter(5000) });
  assert.equal(s.stdout, expectedScan);
  assert.match(s.stderr, /^demarc scan: the temporary file in .* could not grow \(no space left on the device\)/m);
  const expectedReport = renderMatrixHtml(onePieceMatrix(workspace));
  const r = await report(workspace, ['--format', 'html', '--jobs', '1'], { spoolMemoryLimit: 2048, spoolWrite: fillsUpAfter(5000) });
  assert.equal(r.code, 0);
  assert.equal(r.stdout, expectedReport);
  assert.match(r.stderr, /^demarc report: the temporary file in .* could not grow/m);
});

/** `demarc report` through runReport on the real file system (so worker threads are allowed), at a fixed time. */
async function report(root: string, args: string[], deps: Omit<ReportDeps, 'host' | 'now'> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: root, env: {}, isTTY: false };
  const code = await runReport(['.', ...args], io, { now: () => new Date('2026-01-01T00:00:00Z'), ...deps });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** The matrix the way the language server and the tests make it: the whole analysis, every row in memory. */
function onePieceMatrix(root: string, config?: ProjectConfig): MatrixData {
  const result = analyze([root], createNodeHost(), config ? { config } : {});
  return matrixFromAnalysis(result, { cwd: root, roots: ['.'], generatedAt: '2026-01-01T00:00:00.000Z', ruleRan: (id) => config?.rules[id] !== 'off', ...(config ? { config } : {}) });
}

test('demarc report: rows spooled and read back, in one thread and in two, equal the one-piece matrix in every format', { timeout: 180_000 }, async () => {
  const project = `${FIXTURES}/report/project`;
  const configPath = `${project}/.demarc.yaml`;
  const { config } = parseProjectConfig(readFileSync(configPath, 'utf8'), configPath);
  // The real worker, counting its starts in a file: the two-thread runs below must really use two threads.
  const marker = `${tmp}/report-worker-starts`;
  const counting = `${tmp}/counting-worker.js`;
  writeFileSync(counting, `require('node:fs').appendFileSync(${JSON.stringify(marker)}, 'w');\nrequire(${JSON.stringify(workerScript)});\n`);
  for (const [root, cfg] of [[workspace, undefined], [project, config]] as const) {
    const data = onePieceMatrix(root, cfg);
    assert.ok(data.rows.length > 0);
    const expected = { json: renderMatrixJson(data), html: renderMatrixHtml(data), markdown: renderMatrixMarkdown(data) };
    for (const format of ['json', 'html', 'markdown'] as const) {
      const label = `${root.slice(REPO.length)} ${format}`;
      const one = await report(root, ['--format', format, '--jobs', '1']);
      assert.equal(one.code, 0, one.stderr);
      assert.equal(one.stdout, expected[format], `one thread, rows in memory: ${label}`);
      writeFileSync(marker, '');
      const two = await report(root, ['--format', format, '--jobs', '2'], { workerPath: counting, parallelMinUnits: 1, spoolMemoryLimit: 2048 });
      assert.equal(two.code, 0, two.stderr);
      assert.equal(readFileSync(marker, 'utf8'), 'ww', `${label}: two worker threads started`);
      assert.equal(two.stdout, expected[format], `two threads, rows in a spool file: ${label}`);
    }
  }
  // A worker that dies after its first batch: its units are redone on the main thread, the matrix is unchanged.
  const dying = `${tmp}/dying-report-worker.js`;
  writeFileSync(dying, `let n = 0;\nrequire('node:worker_threads').parentPort.on('message', (m) => { if (m.type === 'units' && ++n === 2) process.exit(7); });\nrequire(${JSON.stringify(workerScript)});\n`);
  const dead = await report(workspace, ['--format', 'json', '--jobs', '2'], { workerPath: dying, parallelMinUnits: 1, spoolMemoryLimit: 2048 });
  assert.equal(dead.code, 0, dead.stderr);
  assert.equal(dead.stdout, renderMatrixJson(onePieceMatrix(workspace)), 'a worker died mid-report');
  // Text that looks like the index hole of pre-rendered HTML rows stays text (teams and paths are escaped).
  const odd = `${tmp}/odd-<#>`;
  cpSync(project, odd, { recursive: true });
  writeFileSync(`${odd}/.demarc.yaml`, 'version: 1\nowners:\n  - path: network/**\n    team: "net-<#>-&"\n');
  const oddConfig = parseProjectConfig(readFileSync(`${odd}/.demarc.yaml`, 'utf8'), `${odd}/.demarc.yaml`).config;
  const oddData = onePieceMatrix(odd, oddConfig);
  assert.ok(oddData.teams.includes('net-<#>-&'));
  const oddTwo = await report(odd, ['--format', 'html', '--jobs', '2'], { workerPath: workerScript, parallelMinUnits: 1, spoolMemoryLimit: 2048 });
  assert.equal(oddTwo.stdout, renderMatrixHtml(oddData));
  assert.ok(oddTwo.stdout.includes('net-&lt;#&gt;-&amp;'));
  // What the comparison above must cover: a called module folder reported through its caller only, teams.
  const { units } = discover([workspace], createNodeHost());
  assert.ok(analyze([workspace], createNodeHost()).units.length < units.length);
  assert.ok(onePieceMatrix(project, config).teams.length > 0);
});

test('spooled rows: matrix order whatever order units arrive in, ties in unit order, dropped units left out, read twice', () => {
  const key = (displayFile: string, line: number, address: string): RowKey => ({ address, displayFile, line, service: 's3', serviceName: 'Amazon S3' });
  const row = (k: RowKey, n: number) => JSON.stringify({ ...k, n });
  for (const limit of [1 << 20, 64]) {
    const rows = new SpooledRows('json', new Spool(limit));
    // Unit 2 arrives first; units 0 and 2 have a tie on (file, line, address).
    rows.add([row(key('b.tf', 1, 'x'), 20)], key('b.tf', 1, 'x'), 2);
    rows.add([row(key('a.tf', 9, 'y'), 21)], key('a.tf', 9, 'y'), 2);
    rows.add([row(key('b.tf', 1, 'x'), 0)], key('b.tf', 1, 'x'), 0);
    rows.add([row(key('a.tf', 10, 'a'), 1)], key('a.tf', 10, 'a'), 0);
    rows.add([row(key('a.tf', 1, 'z'), 10)], key('a.tf', 1, 'z'), 1);
    rows.finish((unit) => unit !== 1);
    const order = () => [...rows].map((r) => (r as unknown as { n: number }).n);
    assert.deepEqual(order(), [21, 1, 0, 20], `limit ${limit}`);
    assert.deepEqual(order(), [21, 1, 0, 20], `limit ${limit}: a second pass reads the same rows`);
    assert.deepEqual(rows.keys.map((k) => k.line), [9, 10, 1, 1]);
    assert.equal(rows.length, 4);
    assert.equal(rows.pieces('html-row'), undefined, 'JSON rows have no HTML pieces');
    rows.close();
  }
  // HTML and Markdown rows: a main piece and a findings piece ('' for none), multi-byte text kept whole.
  for (const format of ['html', 'markdown'] as const) {
    const rows = new SpooledRows(format, new Spool(32));
    rows.add(['row b ✓', ''], key('b.tf', 1, 'x'), 0);
    rows.add(['row a é', 'findings a\nsecond line ü'], key('a.tf', 1, 'x'), 1);
    rows.finish(() => true);
    const [main, findings] = format === 'html' ? (['html-row', 'html-findings'] as const) : (['md-row', 'md-findings'] as const);
    assert.deepEqual([...rows.pieces(main)!], ['row a é', 'row b ✓'], format);
    assert.deepEqual([...rows.pieces(findings)!], ['findings a\nsecond line ü', ''], format);
    assert.equal(rows.pieces('json'), undefined);
    assert.throws(() => [...rows], /kept as .* text, not as rows/);
    rows.close();
  }
});

test('a row in the JSON report: matrixRowJson is the row as JSON.stringify of the whole matrix indents it', () => {
  const data = onePieceMatrix(workspace);
  const whole = JSON.stringify(data, null, 2);
  for (const r of data.rows) {
    const text = matrixRowJson(r);
    assert.equal(text, JSON.stringify(r, null, 2).replace(/\n/g, '\n    '));
    assert.ok(whole.includes(`\n    ${text}`));
  }
  const odd = { ...data.rows[0]!, address: 'a\n"b"\u2028', line1: '' };
  assert.equal(matrixRowJson(odd), JSON.stringify(odd, null, 2).replace(/\n/g, '\n    '));
});
