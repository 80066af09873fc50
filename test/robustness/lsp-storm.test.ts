// 100 didChange notifications sent at once to the real server over stdio: it stays up, answers, and the
// diagnostics it finally publishes are those of the final text (same as opening that text fresh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { pathToUri } from '../../server/src/lsp/uri';
import { LspClient } from '../server/helpers/lsp-client';
import { generateTerraform } from '../../bench/lsp';

const root = new URL('../..', import.meta.url).pathname;
const serverJs = join(root, 'dist/server.js');

const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`;

test('100 concurrent didChange notifications: server alive, final diagnostics match the final text', { skip: !existsSync(serverJs) && 'dist/server.js not built', timeout: 120_000 }, async () => {
  const ws = mkdtempSync(join(tmpdir(), 'demarc-storm-')).replace(/\\/g, '/');
  const client = LspClient.spawnStdio(serverJs, { settings: { analysis: { debounceMs: 0 } } });
  try {
    await client.initialize(pathToUri(ws), { scanOnStart: false });
    const uri = pathToUri(`${ws}/main.tf`);
    const { text } = generateTerraform(300);
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1, () => true, 60_000);

    // Edits that change the findings: flip `encrypted = true` ↔ `false` and insert/delete whole blocks, some of
    // them leaving the file broken for a while, all sent without waiting for anything.
    const sends: Promise<number>[] = [];
    for (let i = 0; i < 100; i++) {
      const current = client.text(uri)!;
      const lines = current.split('\n');
      const line = (i * 37) % Math.max(1, lines.length - 1);
      if (i % 3 === 0) {
        sends.push(client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `resource "aws_ebs_volume" "storm_${i}" {\n  availability_zone = "us-east-1a"\n  size = ${i}\n}\n` }]));
      } else if (i % 3 === 1) {
        sends.push(client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '}{ "broken' }]));
      } else {
        const prev = lines[line]!;
        sends.push(client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: prev.length } }, text: prev.replace('}{ "broken', '') }]));
      }
    }
    const versions = await Promise.all(sends);
    const last = versions.at(-1)!;
    assert.equal(last, 101);
    const final = await client.diagnosticsFor(uri, last, () => true, 60_000);
    assert.equal(client.diagnostics.get(uri)?.version, last);

    // The server is alive and answering requests.
    assert.ok(client.child && client.child.exitCode === null, 'server process exited');
    const hover = await client.hover(uri, { line: 0, character: 12 });
    assert.ok(hover !== undefined);

    // The same text opened fresh as another document gives the same diagnostics.
    const finalText = client.text(uri)!;
    const twin = pathToUri(`${ws}/twin/main.tf`);
    await client.open(twin, finalText);
    const expected = await client.diagnosticsFor(twin, 1, () => true, 60_000);
    assert.ok(expected.length > 0);
    assert.deepEqual(final.map(key).sort(), expected.map(key).sort());
  } finally {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
  }
});
