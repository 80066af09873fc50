// Memory stays flat across 10,000 open/edit/close cycles through a real LSP connection (in-process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pathToUri } from '../../server/src/lsp/uri';
import { realOrToyEngine } from './helpers/engine';
import { startInProcess } from './helpers/in-process';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const TEXT = (i: number) => `resource "aws_s3_bucket" "b${i}" {
  bucket = "logs-${i}"
  acl = "public-read"
}

resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}
`;

test('10,000 open/edit/close cycles keep the heap flat', { timeout: 600_000 }, async (t) => {
  const { engine, real, why } = await realOrToyEngine();
  if (!real) t.diagnostic(`real engine not loadable (${why}); measured with the test engine`);
  const dir = mkdtempSync(join(tmpdir(), 'demarc-mem-')).replace(/\\/g, '/');
  const s = startInProcess(engine, { settings: { analysis: { debounceMs: 0 } } });
  try {
    await s.client.initialize(pathToUri(dir), { scanOnStart: false });
    const cycle = async (i: number) => {
      // Ten folders in rotation: the server sees many distinct files and units come and go.
      const uri = pathToUri(`${dir}/m${i % 10}/file${i}.tf`);
      await s.client.open(uri, TEXT(i));
      const v = await s.client.change(uri, [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 12 } }, text: 'x' }]);
      // Let the server catch up now and then, so the test measures retained state, not a backlog of messages.
      const sync = i % 100 === 99;
      if (sync) await s.client.diagnosticsFor(uri, v, (d) => d.length > 0, 20_000);
      await s.client.close(uri);
      if (sync) await s.client.waitFor(() => s.client.diagnostics.get(uri)?.diagnostics.length === 0, 20_000, `clear of ${uri}`);
    };
    for (let i = 0; i < 1000; i++) await cycle(i);
    // What the test client records grows with the test, not the server: drop it before measuring.
    const forgetClientSide = () => {
      s.client.diagnostics.clear();
      s.client.statuses.length = 0;
      s.client.logs.length = 0;
    };
    forgetClientSide();
    const start = heapMb();
    for (let i = 1000; i < 10_000; i++) {
      await cycle(i);
      if (i % 1000 === 999) forgetClientSide();
    }
    const end = heapMb();
    t.diagnostic(`heapUsed after warm-up ${start.toFixed(1)} MB, after 10,000 cycles ${end.toFixed(1)} MB (growth ${(end - start).toFixed(1)} MB)`);
    assert.ok(end - start < 30, `heap grew by ${(end - start).toFixed(1)} MB`);
    const deps = s.server.deps()!;
    assert.equal([...deps.host.openPaths()].length, 0, 'no document left in the overlay');
    assert.ok(deps.analysis.allEntries().length <= 10, `${deps.analysis.allEntries().length} units still cached`);
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
