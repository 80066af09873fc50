// The language server's workspace scan hands large units to worker threads (lsp/scan-pool.ts). Here the pool is a
// stand-in the test controls (the toy engine, run when the test says), to pin what the server does around it: which
// units go to it, that a result is dropped when the editor opened one of its files meanwhile, and that a failing
// worker leaves the unit to be analyzed in-process. test/server/stdio.test.ts runs the real worker threads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyzeOptions, Unit, UnitResult } from '../../server/src/engine/analyze';
import { SCAN_WORKER_MIN_BYTES } from '../../server/src/lsp/analysis';
import { createFsHost } from '../../server/src/lsp/host';
import type { ScanPool } from '../../server/src/lsp/scan-pool';
import { pathToUri } from '../../server/src/lsp/uri';
import { startInProcess } from './helpers/in-process';
import { toyEngine } from './helpers/toy-engine';

const BUCKET = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  acl = "public-read"\n}\n';
// Padded past the size that sends a unit to the workers.
const BIG = BUCKET + `# ${'x'.repeat(SCAN_WORKER_MIN_BYTES)}\n`;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'demarc-pool-')).replace(/\\/g, '/');
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A pool that records the units it gets and answers (with the toy engine, reading the disk) when released. */
function heldPool(fail: (unit: Unit) => boolean = () => false) {
  const engine = toyEngine();
  const got: { unit: Unit; options: AnalyzeOptions; release: () => void }[] = [];
  let made = 0;
  let closed = 0;
  const pool: ScanPool = {
    threads: 1,
    analyze(unit, options) {
      return new Promise<UnitResult>((resolve, reject) => {
        got.push({ unit, options, release: () => (fail(unit) ? reject(new Error('worker died')) : resolve(engine.analyzeUnit(unit, createFsHost(), options))) });
      });
    },
    close: () => void closed++,
  };
  return { got, pool, factory: () => (made++, pool), made: () => made, closed: () => closed };
}

function workspace(name: string, files: Record<string, string>): string {
  const ws = join(dir, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(ws, rel, '..'), { recursive: true });
    writeFileSync(join(ws, rel), text);
  }
  return ws;
}

test('only large units go to the workers, which are asked for no fix edits; the threads end with the scan', async () => {
  const ws = workspace('sizes', { 'big/main.tf': BIG, 'small/main.tf': BUCKET });
  const held = heldPool();
  const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 0 } } }, { scanPool: held.factory });
  try {
    await s.client.initialize(pathToUri(ws), { scanOnStart: false });
    const scan = s.client.request<{ units: number; completed: boolean }>('demarc/scanWorkspace', {});
    await s.client.waitFor(() => held.got.length === 1, 5000, 'the large unit in the pool');
    assert.equal(held.got[0]!.unit.path, `${ws}/big`);
    assert.equal(held.got[0]!.options.fixes, false);
    // The small unit was analyzed here meanwhile.
    await s.client.diagnosticsFor(pathToUri(`${ws}/small/main.tf`), undefined, (d) => d.length === 2);
    held.got[0]!.release();
    const result = await scan;
    assert.deepEqual([result.units, result.completed], [2, true]);
    const big = s.client.diagnostics.get(pathToUri(`${ws}/big/main.tf`))!;
    assert.deepEqual(big.diagnostics.map((d) => d.code).sort(), ['toy-public-acl', 'toy-versioning']);
    assert.equal(held.made(), 1);
    assert.equal(held.closed(), 1, 'the threads end with the scan');
  } finally {
    await s.stop();
  }
});

test('a file opened while its unit is in a worker: the worker read the disk, so the editor text is analyzed instead', async () => {
  const ws = workspace('opened', { 'big/main.tf': BIG });
  const held = heldPool();
  const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 0 } } }, { scanPool: held.factory });
  try {
    await s.client.initialize(pathToUri(ws), { scanOnStart: false });
    const scan = s.client.request('demarc/scanWorkspace', {});
    await s.client.waitFor(() => held.got.length === 1, 5000, 'the unit in the pool');
    const uri = pathToUri(`${ws}/big/main.tf`);
    // The editor's text has a private bucket: only the versioning finding.
    await s.client.open(uri, BIG.replace('public-read', 'private'));
    held.got[0]!.release();
    await scan;
    const ds = await s.client.diagnosticsFor(uri, 1, (d) => d.length === 1);
    assert.deepEqual(ds.map((d) => d.code), ['toy-versioning']);
    // Nothing published later brings back the disk's finding.
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(s.client.diagnostics.get(uri)!.diagnostics.map((d) => d.code), ['toy-versioning']);
    assert.equal(s.client.diagnostics.get(uri)!.version, 1);
  } finally {
    await s.stop();
  }
});

test('a worker that fails: the unit is analyzed in-process and its diagnostics are published all the same', async () => {
  const ws = workspace('failing', { 'a/main.tf': BIG, 'b/main.tf': BIG });
  const held = heldPool((unit) => unit.path.endsWith('/a'));
  const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 0 } } }, { scanPool: held.factory });
  try {
    await s.client.initialize(pathToUri(ws), { scanOnStart: false });
    const scan = s.client.request<{ units: number }>('demarc/scanWorkspace', {});
    await s.client.waitFor(() => held.got.length === 2, 5000, 'both units in the pool');
    for (const g of held.got) g.release();
    assert.equal((await scan).units, 2);
    for (const m of ['a', 'b']) {
      const ds = s.client.diagnostics.get(pathToUri(`${ws}/${m}/main.tf`))!.diagnostics;
      assert.deepEqual(ds.map((d) => d.code).sort(), ['toy-public-acl', 'toy-versioning'], m);
      assert.equal((ds[0]!.data as { fixable: boolean }).fixable, true, `${m}: fixable`);
    }
  } finally {
    await s.stop();
  }
});
