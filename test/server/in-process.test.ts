// The LSP glue (analysis loop, diagnostics, hover, code actions, scan) against a real vscode-languageserver
// connection in-process, with the small test engine of helpers/toy-engine.ts. The real engine is exercised by
// stdio.test.ts over a spawned server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { pathToUri } from '../../server/src/lsp/uri';
import { startInProcess } from './helpers/in-process';
import { applyEdits, editsFor } from './helpers/lsp-client';
import { toyEngine } from './helpers/toy-engine';

const BUCKET = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  acl = "public-read"
}
`;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'demarc-lsp-')).replace(/\\/g, '/');
});
after(() => rmSync(dir, { recursive: true, force: true }));

function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => String(d.code)).sort();
}

describe('in-process server (toy engine)', () => {
  test('diagnostics for the opened version, hover, quick fix through resolve, diagnostic gone', async () => {
    const ws = join(dir, 'a');
    mkdirSync(ws);
    const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 10 } } });
    try {
      const init = await s.client.initialize(pathToUri(ws), { scanOnStart: false });
      assert.equal(init.capabilities.hoverProvider, true);
      assert.deepEqual(init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.demarc'], resolveProvider: true });
      const uri = pathToUri(`${ws}/main.tf`);
      await s.client.open(uri, BUCKET);
      const ds = await s.client.diagnosticsFor(uri, 1, (d) => d.length === 2);
      assert.deepEqual(codes(ds), ['toy-public-acl', 'toy-versioning']);
      const acl = ds.find((d) => d.code === 'toy-public-acl')!;
      assert.deepEqual(acl.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 21 } });
      assert.equal(acl.codeDescription?.href, 'https://rules.example/toy-public-acl');
      assert.equal((acl.data as { version: number }).version, 1);

      const hover = await s.client.hover(uri, { line: 2, character: 12 });
      const md = (hover!.contents as { value: string }).value;
      assert.match(md, /toy-public-acl/);
      assert.match(md, /Set to `"public-read"` here/);
      assert.match(md, /Set acl to "private"/);
      const header = await s.client.hover(uri, { line: 0, character: 12 });
      assert.match((header!.contents as { value: string }).value, /Bucket versioning is off/);

      const actions = await s.client.codeActions(uri, acl.range, [acl]);
      assert.deepEqual(actions.map((a) => a.title), ['Set acl to "private"', 'Suppress toy-public-acl for this resource', 'Show documentation for toy-public-acl', 'Fix all auto-fixable Demarc problems']);
      const fix = actions[0]!;
      assert.equal(fix.isPreferred, true);
      assert.equal(fix.edit, undefined, 'edits are computed lazily');
      const resolved = await s.client.resolve(fix);
      const { edits, version } = editsFor(resolved.edit, uri);
      assert.equal(version, 1);
      const fixed = applyEdits(BUCKET, edits);
      assert.match(fixed, /acl = "private"/);
      const v2 = await s.client.replace(uri, fixed);
      const after2 = await s.client.diagnosticsFor(uri, v2);
      assert.deepEqual(codes(after2), ['toy-versioning']);

      // The diagnostic of version 1 cannot be applied to version 2.
      const stale = await s.client.resolve(fix);
      assert.equal(stale.edit, undefined);
      assert.match(stale.disabled!.reason, /changed/);
    } finally {
      await s.stop();
    }
  });

  test('suppress action inserts a comment above the resource; fix-all applies every safe fix', async () => {
    const ws = join(dir, 'b');
    mkdirSync(ws);
    const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 10 } } });
    try {
      await s.client.initialize(pathToUri(ws), { scanOnStart: false });
      const uri = pathToUri(`${ws}/main.tf`);
      const text = `# header\n${BUCKET}`;
      await s.client.open(uri, text);
      const ds = await s.client.diagnosticsFor(uri, 1, (d) => d.length === 2);
      const acl = ds.find((d) => d.code === 'toy-public-acl')!;
      const actions = await s.client.codeActions(uri, acl.range, [acl]);
      const suppress = await s.client.resolve(actions.find((a) => a.title.startsWith('Suppress'))!);
      const suppressed = applyEdits(text, editsFor(suppress.edit, uri).edits);
      assert.equal(suppressed, `# header\n# demarc:ignore toy-public-acl -- reason: explain why\n${BUCKET}`);
      const v2 = await s.client.replace(uri, suppressed);
      assert.deepEqual(codes(await s.client.diagnosticsFor(uri, v2)), ['toy-versioning']);

      // Hover on the suppression comment names the rule and what it suppresses.
      const h = await s.client.hover(uri, { line: 1, character: 5 });
      const md = (h!.contents as { value: string }).value;
      assert.match(md, /Suppression/);
      assert.match(md, /Bucket ACL is public/);
      assert.match(md, /Suppresses 1 finding/);

      const v3 = await s.client.replace(uri, text);
      const again = await s.client.diagnosticsFor(uri, v3, (d) => d.length === 2);
      const all = await s.client.codeActions(uri, again[0]!.range, [], ['source.fixAll.demarc']);
      assert.equal(all.length, 1);
      assert.ok(all[0]!.edit, 'fix-all requested on its own is resolved eagerly (code actions on save)');
      const fixedAll = applyEdits(text, editsFor(all[0]!.edit, uri).edits);
      assert.match(fixedAll, /acl = "private"\n  versioning = true\n\}/);
      const v4 = await s.client.replace(uri, fixedAll);
      assert.deepEqual(await s.client.diagnosticsFor(uri, v4), []);
    } finally {
      await s.stop();
    }
  });

  test('rapid edits are debounced: only the last version is analyzed and published', async () => {
    const ws = join(dir, 'c');
    mkdirSync(ws);
    const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 80 } } });
    try {
      await s.client.initialize(pathToUri(ws), { scanOnStart: false });
      const uri = pathToUri(`${ws}/main.tf`);
      await s.client.open(uri, BUCKET);
      await s.client.diagnosticsFor(uri, 1);
      const before = s.client.publishCount;
      let last = 1;
      for (let i = 0; i < 20; i++) last = await s.client.change(uri, [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 11 } }, text: 'x' }]);
      const ds = await s.client.diagnosticsFor(uri, last);
      assert.equal(ds.length, 2);
      // Superseded versions never reach the client.
      assert.ok(s.client.publishCount - before <= 2, `published ${s.client.publishCount - before} times for 20 edits`);
    } finally {
      await s.stop();
    }
  });

  test('a syntax problem is one diagnostic; an engine failure is logged and the server keeps serving', async () => {
    const ws = join(dir, 'd');
    mkdirSync(ws);
    const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 10 } } });
    try {
      await s.client.initialize(pathToUri(ws), { scanOnStart: false });
      const broken = pathToUri(`${ws}/broken.tf`);
      const otherWs = join(dir, 'd2');
      mkdirSync(otherWs);
      await s.client.open(broken, 'resource "aws_s3_bucket" "x" {\n  acl = "private"\n');
      const ds = await s.client.diagnosticsFor(broken, 1, (d) => d.length === 1);
      assert.equal(ds[0]!.code, 'toy-syntax');
      assert.equal(ds[0]!.source, 'demarc');

      const boom = pathToUri(`${otherWs}/boom.tf`);
      await s.client.open(boom, '# BOOM\n');
      await s.client.waitFor(() => s.client.logs.some((l) => /toy engine exploded/.test(l.message)), 5000, 'the failure in the log');
      // A rule that failed is logged with its id, not shown as a diagnostic.
      const ruleFail = pathToUri(`${ws}/rulefail.tf`);
      await s.client.open(ruleFail, '# RULEFAIL\n' + BUCKET);
      await s.client.waitFor(() => s.client.logs.some((l) => /toy-versioning failed and was skipped/.test(l.message)), 5000, 'the rule failure in the log');
      // Still alive: a new valid edit gets diagnostics.
      const v2 = await s.client.replace(broken, BUCKET);
      assert.deepEqual(codes(await s.client.diagnosticsFor(broken, v2)), ['toy-public-acl', 'toy-versioning']);
    } finally {
      await s.stop();
    }
  });

  test('closing a file that only existed in the editor clears its diagnostics', async () => {
    const ws = join(dir, 'e');
    mkdirSync(ws);
    const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 10 } } });
    try {
      await s.client.initialize(pathToUri(ws), { scanOnStart: false });
      const uri = pathToUri(`${ws}/scratch.tf`);
      await s.client.open(uri, BUCKET);
      await s.client.diagnosticsFor(uri, 1, (d) => d.length === 2);
      await s.client.close(uri);
      await s.client.waitFor(() => s.client.diagnostics.get(uri)?.diagnostics.length === 0, 5000, 'cleared diagnostics');
    } finally {
      await s.stop();
    }
  });

  test('severity overrides and rule exclusions from settings; settings refresh on didChangeConfiguration', async () => {
    const ws = join(dir, 'f');
    mkdirSync(ws);
    const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 10 }, severityOverrides: { 'toy-versioning': 'off', 'toy-public-acl': 'low' } } });
    try {
      await s.client.initialize(pathToUri(ws), { scanOnStart: false });
      const uri = pathToUri(`${ws}/main.tf`);
      await s.client.open(uri, BUCKET);
      const ds = await s.client.diagnosticsFor(uri, 1, (d) => d.length === 1);
      assert.equal(ds[0]!.code, 'toy-public-acl');
      assert.equal(ds[0]!.severity, 3 /* Information */);
      s.client.settings = { analysis: { debounceMs: 10 } };
      await s.client.notify('workspace/didChangeConfiguration', { settings: null });
      await s.client.diagnosticsFor(uri, 1, (d) => d.length === 2);
      s.client.settings = { enable: false };
      await s.client.notify('workspace/didChangeConfiguration', { settings: null });
      await s.client.diagnosticsFor(uri, undefined, (d) => d.length === 0);
    } finally {
      await s.stop();
    }
  });

  test('workspace scan on start with progress; watched file changes re-analyze; status notifications', async () => {
    const ws = join(dir, 'g');
    for (let i = 0; i < 5; i++) {
      mkdirSync(`${ws}/m${i}`, { recursive: true });
      writeFileSync(`${ws}/m${i}/main.tf`, BUCKET);
    }
    const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 10 } } });
    try {
      await s.client.initialize(pathToUri(ws));
      await s.client.waitFor(() => s.client.progress.some((p) => p.value.kind === 'end'), 10_000, 'scan progress end');
      assert.ok(s.client.createdProgressTokens.length >= 1);
      const pcts = s.client.progress.filter((p) => p.value.kind === 'report').map((p) => p.value.percentage);
      assert.deepEqual(pcts, [20, 40, 60, 80, 100]);
      for (let i = 0; i < 5; i++) assert.equal(s.client.diagnostics.get(pathToUri(`${ws}/m${i}/main.tf`))?.diagnostics.length, 2);
      assert.ok(s.client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));

      writeFileSync(`${ws}/m0/main.tf`, BUCKET.replace('public-read', 'private'));
      await s.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(`${ws}/m0/main.tf`), type: 2 }] });
      await s.client.waitFor(() => s.client.diagnostics.get(pathToUri(`${ws}/m0/main.tf`))?.diagnostics.length === 1, 5000, 're-analysis after a disk change');
      await s.client.waitFor(() => s.client.statuses.some((p) => (p as { counts: { total: number } }).counts.total === 9), 5000, 'status with 9 findings');

      const report = await s.client.request<{ resources: { address: string; findings: unknown[] }[]; counts: { total: number } }>('demarc/report', {});
      assert.equal(report.resources.length, 5);
      assert.equal(report.counts.total, 9);

      // Requested scan, cancelled through the request's cancellation: completes as not completed or finishes fast.
      const scan = await s.client.request<{ completed: boolean; units: number }>('demarc/scanWorkspace', {});
      assert.equal(scan.units, 5);
      assert.equal(scan.completed, true);
    } finally {
      await s.stop();
    }
  });

  test('run: onSave analyzes edits only when the document is saved', async () => {
    const ws = join(dir, 'i');
    mkdirSync(ws);
    const s = startInProcess(toyEngine(), { settings: { run: 'onSave', analysis: { debounceMs: 0 } } });
    try {
      await s.client.initialize(pathToUri(ws), { scanOnStart: false });
      const uri = pathToUri(`${ws}/main.tf`);
      await s.client.open(uri, BUCKET);
      await s.client.diagnosticsFor(uri, 1, (d) => d.length === 2);
      const v2 = await s.client.replace(uri, BUCKET.replace('public-read', 'private'));
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(s.client.diagnostics.get(uri)!.version, 1, 'no analysis while typing');
      await s.client.notify('textDocument/didSave', { textDocument: { uri } });
      assert.deepEqual(codes(await s.client.diagnosticsFor(uri, v2)), ['toy-versioning']);
    } finally {
      await s.stop();
    }
  });

  test('demarc.exclude globs silence files relative to the workspace folder', async () => {
    const ws = join(dir, 'j');
    mkdirSync(`${ws}/vendor/mod`, { recursive: true });
    const s = startInProcess(toyEngine(), { settings: { exclude: ['vendor/**'], analysis: { debounceMs: 0 } } });
    try {
      await s.client.initialize(pathToUri(ws), { scanOnStart: false });
      const skipped = pathToUri(`${ws}/vendor/mod/main.tf`);
      const kept = pathToUri(`${ws}/main.tf`);
      await s.client.open(skipped, BUCKET);
      await s.client.open(kept, BUCKET);
      assert.equal((await s.client.diagnosticsFor(kept, 1)).length, 2);
      assert.deepEqual(await s.client.diagnosticsFor(skipped, 1), []);
    } finally {
      await s.stop();
    }
  });

  test('the workspace scan stops when the client cancels its progress', async () => {
    const ws = join(dir, 'k');
    for (let i = 0; i < 400; i++) {
      mkdirSync(`${ws}/m${i}`, { recursive: true });
      writeFileSync(`${ws}/m${i}/main.tf`, BUCKET);
    }
    const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 10 } } });
    try {
      await s.client.initialize(pathToUri(ws));
      await s.client.waitFor(() => s.client.progress.some((p) => p.value.kind === 'begin'), 10_000, 'scan begin');
      const token = s.client.progress.find((p) => p.value.kind === 'begin')!.token;
      await s.client.notify('window/workDoneProgress/cancel', { token });
      await s.client.waitFor(() => s.client.progress.some((p) => p.value.kind === 'end'), 10_000, 'scan end');
      const last = s.client.progress.filter((p) => p.value.kind === 'report').at(-1)?.value.percentage ?? 0;
      assert.ok(last < 100, `the scan went on to ${last}%`);
      // The server is still responsive after a cancelled scan.
      const uri = pathToUri(`${ws}/m0/main.tf`);
      await s.client.open(uri, BUCKET);
      assert.equal((await s.client.diagnosticsFor(uri, 1)).length, 2);
    } finally {
      await s.stop();
    }
  });

  test('a minimal client (no pull configuration, no resolve, no documentChanges, no folders events) is served too', async () => {
    const ws = join(dir, 'l');
    mkdirSync(ws);
    const s = startInProcess(toyEngine(), { capabilities: { workspace: {}, window: {}, textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } } });
    try {
      await s.client.initialize(pathToUri(ws), { scanOnStart: false });
      // Push-style settings, as clients without workspace/configuration send them.
      await s.client.notify('workspace/didChangeConfiguration', { settings: { demarc: { analysis: { debounceMs: 0 }, severityOverrides: { 'toy-versioning': 'off' } } } });
      const uri = pathToUri(`${ws}/main.tf`);
      await s.client.open(uri, BUCKET);
      const ds = await s.client.diagnosticsFor(uri, 1, (d) => d.length > 0);
      assert.deepEqual(codes(ds), ['toy-public-acl']);
      const actions = await s.client.codeActions(uri, ds[0]!.range, ds);
      const fix = actions.find((a) => a.isPreferred)!;
      assert.ok(fix.edit?.changes?.[uri], 'the edit comes with the action, in the `changes` form');
      assert.equal(applyEdits(BUCKET, fix.edit.changes[uri]!).includes('acl = "private"'), true);
    } finally {
      await s.stop();
    }
  });

  test('untrusted workspace: nothing outside the workspace folders is read', async () => {
    const ws = join(dir, 'h');
    mkdirSync(ws);
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    writeFileSync(`${outside}/main.tf`, BUCKET);
    const s = startInProcess(toyEngine(), { settings: { analysis: { debounceMs: 10 } } });
    try {
      await s.client.initialize(pathToUri(ws), { trusted: false, scanOnStart: false });
      const scan = await s.client.request<{ units: number }>('demarc/scanWorkspace', { folders: [pathToUri(outside)] });
      assert.equal(scan.units, 0);
      await s.client.waitFor(() => s.client.statuses.length > 0, 5000, 'a status');
      assert.equal((s.client.statuses.at(-1) as { trusted: boolean }).trusted, false);
    } finally {
      await s.stop();
    }
  });
});

