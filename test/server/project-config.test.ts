// The editor reads the same .demarc.yaml as demarc scan (rules, severities, exclusions), and again when it changes.
// Real engine, real connection in-process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../server/src/lsp/engine';
import { pathToUri } from '../../server/src/lsp/uri';
import { startInProcess } from './helpers/in-process';

let ws: string;
before(() => {
  ws = mkdtempSync(join(tmpdir(), 'demarc-lsp-config-')).replace(/\\/g, '/');
  writeFileSync(`${ws}/main.tf`, 'resource "aws_s3_bucket" "data" {\n  bucket = "d"\n}\n');
  writeFileSync(`${ws}/.demarc.yaml`, 'rules:\n  aws-s3-versioning: off\n  aws-s3-access-logging: high\n');
});
after(() => rmSync(ws, { recursive: true, force: true }));

test('rules turned off or re-rated in .demarc.yaml apply in the editor, and follow edits of the file', async () => {
  const s = startInProcess(createEngine(), { settings: { analysis: { debounceMs: 0 } } });
  const uri = pathToUri(`${ws}/main.tf`);
  const codes = () => (s.client.diagnostics.get(uri)?.diagnostics ?? []).map((d) => `${d.code}:${d.severity}`).sort();
  try {
    await s.client.initialize(pathToUri(ws));
    await s.client.waitFor(() => s.client.progress.some((p) => p.value.kind === 'end'), 20_000, 'scan progress end');
    await s.client.waitFor(() => codes().length > 0, 5000, 'main.tf diagnostics');
    assert.ok(!codes().some((c) => c.startsWith('aws-s3-versioning:')), codes().join(' '));
    assert.ok(codes().includes('aws-s3-access-logging:1'), `high is an error: ${codes().join(' ')}`);
    writeFileSync(`${ws}/.demarc.yaml`, 'rules: {}\n');
    await s.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(`${ws}/.demarc.yaml`), type: 2 }] });
    await s.client.waitFor(() => codes().some((c) => c.startsWith('aws-s3-versioning:')), 5000, 'versioning back once the project file no longer turns it off');
    assert.ok(codes().includes('aws-s3-access-logging:3'), `its own severity (low, information) again: ${codes().join(' ')}`);
  } finally {
    await s.stop();
  }
});
