// The project file's baseline in the editor (demarc.baseline.mode): accepted findings become hints marked "in the
// baseline" (dim), disappear (hide) or stay as they are (show); new ones, and old ones whose line is edited, are
// reported as usual. The baseline is written by the real CLI. Real engine, real connection in-process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { runScan } from '../../server/src/cli/commands/scan';
import { createEngine } from '../../server/src/lsp/engine';
import { pathToUri } from '../../server/src/lsp/uri';
import { startInProcess } from './helpers/in-process';

const OLD = `resource "aws_security_group" "admin" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
const NEW = `resource "aws_s3_bucket" "added_later" {
  bucket = "x"
}
`;
const HINT = 4;
const text = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

let ws: string;
before(async () => {
  ws = mkdtempSync(join(tmpdir(), 'demarc-lsp-baseline-')).replace(/\\/g, '/');
  writeFileSync(`${ws}/old.tf`, OLD);
  writeFileSync(`${ws}/.demarc.yaml`, 'baseline: demarc-baseline.json\n');
  const err: string[] = [];
  const code = await runScan(['--write-baseline', 'demarc-baseline.json', '.'], { stdout: () => {}, stderr: (t) => void err.push(t), cwd: ws, env: {}, isTTY: false }, {});
  assert.equal(code, 0, err.join(''));
  writeFileSync(`${ws}/new.tf`, NEW);
});
after(() => rmSync(ws, { recursive: true, force: true }));

async function scanned(mode?: string) {
  const s = startInProcess(createEngine(), { settings: { analysis: { debounceMs: 0 }, ...(mode ? { baseline: { mode } } : {}) } });
  await s.client.initialize(pathToUri(ws));
  await s.client.waitFor(() => s.client.progress.some((p) => p.value.kind === 'end'), 20_000, 'scan progress end');
  await s.client.waitFor(() => (s.client.diagnostics.get(pathToUri(`${ws}/new.tf`))?.diagnostics.length ?? 0) > 0, 5000, 'new.tf diagnostics');
  return s;
}

const of = (s: Awaited<ReturnType<typeof scanned>>, name: string): Diagnostic[] => s.client.diagnostics.get(pathToUri(`${ws}/${name}`))?.diagnostics ?? [];

test('dim (the default): accepted findings are hints marked "in the baseline"; new ones as usual; status counts only new ones', async () => {
  const s = await scanned();
  try {
    const old = of(s, 'old.tf');
    assert.ok(old.some((d) => d.code === 'aws-ec2-open-admin-ports'), JSON.stringify(old));
    for (const d of old) {
      assert.equal(d.severity, HINT, text(d));
      assert.match(text(d), / \(in the baseline\)$/);
    }
    const fresh = of(s, 'new.tf');
    assert.ok(fresh.length > 0 && fresh.every((d) => d.severity !== HINT && !text(d).includes('in the baseline')));
    await s.client.waitFor(() => s.client.statuses.some((p) => (p as { counts: { total: number } }).counts.total === fresh.length), 5000, `a status counting the ${fresh.length} new findings only`);

    // Editing the offending line makes that finding new again; the file's other findings stay accepted.
    const uri = pathToUri(`${ws}/old.tf`);
    const edited = OLD.replace('cidr_blocks = ["0.0.0.0/0"]', 'cidr_blocks = ["0.0.0.0/0"] # opened for the vendor');
    await s.client.open(uri, edited);
    const after = await s.client.diagnosticsFor(uri, 1, (ds) => ds.some((d) => d.code === 'aws-ec2-open-admin-ports' && d.severity !== HINT));
    assert.ok(after.some((d) => d.code === 'aws-ec2-open-admin-ports' && !text(d).includes('in the baseline')));
  } finally {
    await s.stop();
  }
});

test('hide: accepted findings are not shown; show: they are shown like any other', async () => {
  const hidden = await scanned('hide');
  try {
    assert.deepEqual(of(hidden, 'old.tf'), []);
    assert.ok(of(hidden, 'new.tf').length > 0);
  } finally {
    await hidden.stop();
  }
  const shown = await scanned('show');
  try {
    const old = of(shown, 'old.tf');
    assert.ok(old.some((d) => d.code === 'aws-ec2-open-admin-ports' && d.severity === 1), JSON.stringify(old));
    assert.ok(old.every((d) => !text(d).includes('in the baseline')));
  } finally {
    await shown.stop();
  }
});

test('a rewritten baseline applies at once; a malformed one is logged and not applied', async () => {
  const s = await scanned();
  const baseline = `${ws}/demarc-baseline.json`;
  const uri = pathToUri(`${ws}/old.tf`);
  try {
    assert.ok(of(s, 'old.tf').every((d) => d.severity === HINT));
    writeFileSync(baseline, '{"version": 1, "tool": "demarc", "findings": []}\n');
    await s.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(baseline), type: 2 }] });
    await s.client.waitFor(() => of(s, 'old.tf').some((d) => d.code === 'aws-ec2-open-admin-ports' && d.severity === 1), 5000, 'old.tf reported again');
    writeFileSync(baseline, '{"version": 1, "findings": [');
    await s.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(baseline), type: 2 }] });
    await s.client.waitFor(() => s.client.logs.some((l) => /is not valid JSON: line 1, column \d+: .*the editor shows its findings like any others/.test(l.message)), 5000, 'the log names the broken baseline');
    assert.ok(of(s, 'old.tf').some((d) => d.code === 'aws-ec2-open-admin-ports' && d.severity === 1), JSON.stringify(of(s, 'old.tf')) + uri);
  } finally {
    await s.stop();
  }
});
