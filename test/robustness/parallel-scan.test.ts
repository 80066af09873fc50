// `demarc scan` with worker threads gives the same report as one thread, and survives a worker that dies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze';
import { createNodeHost } from '../../server/src/host/node-host';
import { analyzeForScan } from '../../server/src/cli/worker-pool';
import { generateWorkspace } from '../../bench/workspace';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const workerScript = join(root, 'dist/scan-worker.js');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-parallel-')).replace(/\\/g, '/');
  // 60 modules and 4 templates: above the 50-unit threshold at which the CLI starts threads.
  generateWorkspace(dir, { modules: 60, filesPerModule: 2, templates: 4, templateResources: 24 });
  // One broken file, so problems travel through the threads too.
  writeFileSync(join(dir, 'terraform/stack-7/broken.tf'), 'resource "aws_s3_bucket" "x" {\n  bucket = \n');
  return dir;
}

function scan(dir: string, args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [cli, 'scan', '.', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** The outputs carry the scan duration; everything else must match exactly. */
function withoutTiming(format: string, out: string): string {
  if (format === 'json') {
    const j = JSON.parse(out) as { summary?: { durationMs?: number } };
    if (j.summary) delete j.summary.durationMs;
    return JSON.stringify(j);
  }
  if (format === 'sarif') {
    const j = JSON.parse(out) as { runs: { invocations?: unknown[] }[] };
    for (const r of j.runs) delete r.invocations;
    return JSON.stringify(j);
  }
  return out.replace(/in \d+(\.\d+)? s/g, 'in N s');
}

test('the bundled CLI gives identical output with and without worker threads', { skip: !existsSync(workerScript) && 'dist/scan-worker.js not built (npm run build)', timeout: 120_000 }, () => {
  const dir = workspace();
  try {
    for (const format of ['json', 'sarif']) {
      const single = scan(dir, ['--format', format, '--jobs', '1', '--no-color']);
      const multi = scan(dir, ['--format', format, '--jobs', '3', '--no-color', '--verbose']);
      assert.equal(single.status, 1, single.stderr);
      assert.equal(multi.status, single.status, multi.stderr);
      assert.match(multi.stderr, /analyzed with 3 worker threads/);
      assert.equal(withoutTiming(format, multi.stdout), withoutTiming(format, single.stdout), `${format} output differs`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('findings and problems survive structured cloning unchanged (no functions, no class instances)', () => {
  const result = analyze([join(root, 'examples')].map((p) => p.replace(/\\/g, '/')), createNodeHost());
  assert.ok(result.findings.length > 10);
  for (const f of result.findings) assert.deepStrictEqual(structuredClone(f), f);
  for (const p of result.problems) assert.deepStrictEqual(structuredClone(p), p);
});

test('worker pool: same merged result as in-process, and a worker that dies hands its units back', { skip: !existsSync(workerScript) && 'dist/scan-worker.js not built', timeout: 120_000 }, async () => {
  const dir = workspace();
  const dying = join(dir, 'dying-worker.js');
  // Exits as soon as it gets work: every unit must then be analyzed on the main thread.
  writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(7));\n");
  try {
    const host = createNodeHost();
    const reference = await analyzeForScan([dir], host, {}, { jobs: 1 });
    assert.equal(reference.workers, 0);
    const threaded = await analyzeForScan([dir], host, {}, { jobs: 2, minUnits: 1, workerPath: workerScript });
    assert.equal(threaded.workers, 2);
    const dead = await analyzeForScan([dir], host, {}, { jobs: 2, minUnits: 1, workerPath: dying });
    for (const other of [threaded, dead]) {
      assert.deepStrictEqual(other.findings, reference.findings);
      assert.deepStrictEqual(other.problems, reference.problems);
      assert.deepStrictEqual([...other.files.keys()], [...reference.files.keys()]);
      assert.equal(other.files.get([...reference.files.keys()][0]!)!.lines.lineCount, reference.files.get([...reference.files.keys()][0]!)!.lines.lineCount);
    }
    assert.ok(reference.problems.some((p) => p.file.endsWith('broken.tf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--jobs takes a whole number of threads', { skip: !existsSync(cli) && 'dist/cli.js not built' }, () => {
  for (const bad of ['0', 'two', '1.5']) {
    const r = spawnSync(process.execPath, [cli, 'scan', '.', '--jobs', bad], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /--jobs: expected a whole number of threads/);
  }
});
