// A named pipe in the workspace: the real server over stdio scans everything else and reports the pipe, instead of
// blocking forever in a read (which would also freeze hovers and diagnostics of open files).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToUri } from '../../server/src/lsp/uri';
import { LspClient } from './helpers/lsp-client';

const root = new URL('../..', import.meta.url).pathname;
const skip = process.platform === 'win32';
let ws = '';
let client: LspClient | undefined;

before(() => {
  if (skip) return;
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, `build failed:\n${build.stderr}`);
  ws = mkdtempSync(join(tmpdir(), 'demarc-pipes-')).replace(/\\/g, '/');
  writeFileSync(`${ws}/main.tf`, 'resource "aws_s3_bucket" "data" {\n  bucket = "d"\n}\n');
  for (const name of ['pipe.tf', 'pipe.yaml', 'terraform.tfvars']) execFileSync('mkfifo', [`${ws}/${name}`]);
});

after(async () => {
  await client?.shutdown();
  if (ws) rmSync(ws, { recursive: true, force: true });
});

test('the workspace scan finishes past named pipes and says what they are', { skip }, async () => {
  client = LspClient.spawnStdio(join(root, 'dist/server.js'), { settings: { analysis: { debounceMs: 0 } } });
  await client.initialize(pathToUri(ws));
  await client.waitFor(() => client!.progress.some((p) => p.value.kind === 'end'), 20_000, 'the end of the workspace scan');
  const main = await client.diagnosticsFor(pathToUri(`${ws}/main.tf`), undefined, (ds) => ds.some((d) => d.code === 'aws-s3-versioning'));
  assert.ok(main.length > 0);
  for (const name of ['pipe.tf', 'terraform.tfvars']) {
    const ds = await client.diagnosticsFor(pathToUri(`${ws}/${name}`), undefined, (d) => d.length > 0);
    assert.ok(ds.some((d) => d.code === 'file-unreadable' && /not a regular file/.test(JSON.stringify(d.message))), `${name}: ${JSON.stringify(ds)}`);
  }
  // Still answering: open the file and hover on the bucket.
  const uri = pathToUri(`${ws}/main.tf`);
  await client.open(uri, 'resource "aws_s3_bucket" "data" {\n  bucket = "d"\n}\n');
  await client.diagnosticsFor(uri, 1);
  const hover = await client.hover(uri, { line: 0, character: 12 });
  assert.match(JSON.stringify(hover?.contents ?? ''), /aws_s3_bucket/);
});
