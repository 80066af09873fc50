// The real server (dist/server.js, real engine) over a real LSP stdio connection.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { pathToUri } from '../../server/src/lsp/uri';
import { applyEdits, editsFor, loadCaretFixture, LspClient, positionAt } from './helpers/lsp-client';

const root = new URL('../..', import.meta.url).pathname;
const fixtures = join(root, 'test/fixtures/lsp');

let ws: string;
let client: LspClient;
const carets = new Map<string, { text: string; carets: number[] }>();

function uriOf(rel: string): string {
  return pathToUri(`${ws}/${rel}`);
}

function byRule(ds: Diagnostic[], ruleId: string): Diagnostic[] {
  return ds.filter((d) => d.code === ruleId);
}

function hoverText(h: Awaited<ReturnType<LspClient['hover']>>): string {
  const c = h?.contents as { value?: string } | undefined;
  return c?.value ?? '';
}

before(() => {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, `build failed:\n${build.stderr}`);
  // A copy of the fixtures with caret markers removed, so the disk and the open documents agree.
  ws = mkdtempSync(join(tmpdir(), 'demarc-stdio-')).replace(/\\/g, '/');
  cpSync(fixtures, ws, { recursive: true });
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const f = loadCaretFixture(p);
        carets.set(relative(ws, p).replace(/\\/g, '/'), f);
        writeFileSync(p, f.text);
      }
    }
  };
  walk(ws);
  client = LspClient.spawnStdio(join(root, 'dist/server.js'), { settings: { analysis: { debounceMs: 20 } } });
});

after(async () => {
  await client?.shutdown();
  if (ws) rmSync(ws, { recursive: true, force: true });
});

describe('language server over stdio', () => {
  test('initialize announces incremental sync, hover, lazy code actions, commands and folders', async () => {
    const init = await client.initialize(pathToUri(ws));
    const caps = init.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.demarc'], resolveProvider: true });
    assert.deepEqual(caps.executeCommandProvider, { commands: ['demarc.applyFix'] });
    assert.equal(init.serverInfo?.name, 'demarc');
  });

  test('workspace scan on start reports progress and publishes diagnostics for files not open', async () => {
    await client.waitFor(() => client.progress.some((p) => p.value.kind === 'end'), 20_000, 'end of the scan');
    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    const pcts = client.progress.filter((p) => p.value.kind === 'report').map((p) => p.value.percentage!);
    assert.deepEqual(pcts, [...pcts].sort((a, b) => a - b));
    assert.equal(pcts.at(-1), 100);
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const cfn = client.diagnostics.get(uriOf('cloudformation/template.yaml'));
    assert.ok(cfn && byRule(cfn.diagnostics, 'aws-ec2-ebs-encryption').length === 1, 'template analyzed by the scan');
    assert.equal(cfn!.version, undefined, 'a file on disk has no document version');
    // The scan leaves fix edits of closed files unwritten (they are dropped once published), yet says which are
    // fixable, so the quick fix is offered and computed when asked for.
    assert.equal((byRule(cfn!.diagnostics, 'aws-ec2-ebs-encryption')[0]!.data as { fixable: boolean }).fixable, true);
  });

  test('opened Terraform: diagnostics with ranges, rule ids, versions, related information; suppressed finding absent', async () => {
    const { text } = carets.get('terraform/main.tf')!;
    const uri = uriOf('terraform/main.tf');
    await client.open(uri, text);
    const ds = await client.diagnosticsFor(uri, 1, (d) => d.length > 0);
    const imds = byRule(ds, 'aws-ec2-require-imdsv2');
    assert.deepEqual(imds.map((d) => d.range), [
      { start: { line: 18, character: 18 }, end: { line: 18, character: 28 } },
      { start: { line: 31, character: 18 }, end: { line: 31, character: 33 } },
    ], 'web and app, not the suppressed legacy instance');
    assert.equal(imds[0]!.severity, 1);
    assert.equal(imds[0]!.source, 'demarc');
    assert.match(imds[0]!.codeDescription!.href, /aws-ec2-require-imdsv2/);
    assert.deepEqual(imds[0]!.data, {
      fixable: true, version: 1, resource: 'aws_instance.web',
      fingerprint: (imds[0]!.data as { fingerprint: string }).fingerprint,
    });
    const related = imds[1]!.relatedInformation ?? [];
    assert.ok(related.some((r) => r.location.uri === uriOf('terraform/terraform.tfvars') && r.location.range.start.line === 0), 'derived value points at terraform.tfvars');
    assert.deepEqual(byRule(ds, 'aws-s3-versioning').map((d) => d.range.start), [{ line: 1, character: 0 }]);
    assert.equal(byRule(ds, 'aws-s3-block-public-access').length, 0, 'the public access block is joined to its bucket');
  });

  test('hover at caret markers: resource card with owners, attribute, reference origin, suppression comment', async () => {
    const { text, carets: at } = carets.get('terraform/main.tf')!;
    const uri = uriOf('terraform/main.tf');
    const bucket = hoverText(await client.hover(uri, positionAt(text, at[0]!)));
    assert.match(bucket, /aws\\?_s3\\?_bucket\.logs/);
    assert.match(bucket, /AWS secures/);
    assert.match(bucket, /You secure/);
    assert.match(bucket, /aws-s3-versioning/);
    const attr = hoverText(await client.hover(uri, positionAt(text, at[1]!)));
    assert.match(attr, /owner: you/);
    assert.match(attr, /aws-ec2-require-imdsv2/);
    assert.match(attr, /"optional"/);
    const ref = hoverText(await client.hover(uri, positionAt(text, at[2]!)));
    assert.match(ref, /terraform\.tfvars:1/);
    const sup = hoverText(await client.hover(uri, positionAt(text, at[3]!)));
    assert.match(sup, /Suppression/);
    assert.match(sup, /legacy agent needs IMDSv1/);
    assert.match(sup, /Suppresses 1 finding/);
    assert.match(sup, /Expires on 2099-01-01/);
  });

  let staleAction: CodeAction | undefined;

  test('quick fix: code action → resolve → apply → didChange → the diagnostic is gone', async () => {
    const uri = uriOf('terraform/main.tf');
    const ds = client.diagnostics.get(uri)!.diagnostics;
    const web = byRule(ds, 'aws-ec2-require-imdsv2')[0]!;
    const actions = await client.codeActions(uri, web.range, [web]);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.ok(fix, 'a preferred quick fix');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.edit, undefined, 'computed lazily');
    assert.ok(actions.some((a) => a.title === 'Suppress aws-ec2-require-imdsv2 for this resource'));
    assert.ok(actions.some((a) => a.command?.command === 'demarc.showRuleDocs' && a.command.arguments?.[0] === 'aws-ec2-require-imdsv2'));
    const resolved = await client.resolve(fix);
    const { edits, version } = editsFor(resolved.edit, uri);
    assert.equal(version, 1);
    const fixed = applyEdits(client.text(uri)!, edits);
    assert.match(fixed, /http_tokens = "required"/);
    const v = await client.replace(uri, fixed);
    const after = await client.diagnosticsFor(uri, v);
    assert.deepEqual(byRule(after, 'aws-ec2-require-imdsv2').map((d) => (d.data as { resource: string }).resource), ['aws_instance.app']);
    staleAction = fix;
  });

  test('an action for an older version is refused with a reason', async () => {
    const refused = await client.resolve(staleAction!);
    assert.equal(refused.edit, undefined);
    assert.match(refused.disabled?.reason ?? '', /changed/);
  });

  test('suppress action inserts a demarc:ignore comment; the finding disappears', async () => {
    const uri = uriOf('terraform/main.tf');
    const ds = client.diagnostics.get(uri)!.diagnostics;
    const kms = byRule(ds, 'aws-s3-kms-encryption')[0]!;
    const actions = await client.codeActions(uri, kms.range, [kms]);
    const suppress = await client.resolve(actions.find((a) => a.title.startsWith('Suppress'))!);
    const edits = editsFor(suppress.edit, uri).edits;
    assert.deepEqual(edits.map((e) => e.range.start), [{ line: 1, character: 0 }]);
    assert.equal(edits[0]!.newText, '# demarc:ignore aws-s3-kms-encryption -- reason: explain why\n');
    const v = await client.replace(uri, applyEdits(client.text(uri)!, edits));
    const after = await client.diagnosticsFor(uri, v);
    assert.equal(byRule(after, 'aws-s3-kms-encryption').length, 0);
    assert.ok(byRule(after, 'aws-s3-versioning').length === 1, 'other findings stay');
  });

  test('fix-all on a CloudFormation template fixes what is safe', async () => {
    const { text } = carets.get('cloudformation/template.yaml')!;
    const uri = uriOf('cloudformation/template.yaml');
    await client.open(uri, text, 'yaml');
    const ds = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(byRule(ds, 'aws-ec2-ebs-encryption').map((d) => d.range), [{ start: { line: 8, character: 17 }, end: { line: 8, character: 22 } }]);
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.demarc']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.demarc');
    const edits = editsFor(actions[0]!.edit, uri).edits;
    assert.ok(edits.length >= 1);
    const v = await client.replace(uri, applyEdits(text, edits));
    const after = await client.diagnosticsFor(uri, v);
    assert.equal(byRule(after, 'aws-ec2-ebs-encryption').length, 0);
  });

  test('suppress in a JSON template adds resource Metadata; the finding disappears', async () => {
    const { text } = carets.get('cloudformation/volume.json')!;
    const uri = uriOf('cloudformation/volume.json');
    await client.open(uri, text, 'json');
    const ds = await client.diagnosticsFor(uri, 1);
    const ebs = byRule(ds, 'aws-ec2-ebs-encryption')[0]!;
    assert.ok(ebs);
    const actions = await client.codeActions(uri, ebs.range, [ebs]);
    const suppress = await client.resolve(actions.find((a) => a.title.startsWith('Suppress'))!);
    const edited = applyEdits(text, editsFor(suppress.edit, uri).edits);
    const parsed = JSON.parse(edited);
    assert.deepEqual(parsed.Resources.Vol.Metadata, { demarc: { ignore: [{ id: 'aws-ec2-ebs-encryption', reason: 'reason: explain why' }] } });
    const v = await client.replace(uri, edited);
    assert.equal(byRule(await client.diagnosticsFor(uri, v), 'aws-ec2-ebs-encryption').length, 0);
  });

  test('a malformed file gives one syntax diagnostic and the server keeps working', async () => {
    const { text } = carets.get('malformed/broken.tf')!;
    const uri = uriOf('malformed/broken.tf');
    await client.open(uri, text);
    const ds = await client.diagnosticsFor(uri, 1);
    const syntax = ds.filter((d) => d.code === 'hcl-syntax');
    assert.equal(syntax.length, 1);
    assert.equal(syntax[0]!.range.start.line, 1);
    const v = await client.replace(uri, text.replace('bucket = \n', 'bucket = "fixed"\n'));
    const after = await client.diagnosticsFor(uri, v);
    assert.equal(after.filter((d) => d.code === 'hcl-syntax').length, 0);
    const h = await client.hover(uri, { line: 0, character: 12 });
    assert.match(hoverText(h), /aws\\?_s3\\?_bucket\.broken/);
  });

  test('a tfvars change on disk re-analyzes the module of the open document', async () => {
    const uri = uriOf('terraform/main.tf');
    writeFileSync(`${ws}/terraform/terraform.tfvars`, 'imds_tokens = "required"\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('terraform/terraform.tfvars'), type: 2 }] });
    await client.diagnosticsFor(uri, undefined, (d) => byRule(d, 'aws-ec2-require-imdsv2').length === 0, 10_000);
  });

  test('a local module file shows the caller\'s view: diagnostics, hover and fix with the module\'s inputs', async () => {
    const { text, carets: at } = carets.get('module-call/modules/inst/main.tf')!;
    const uri = uriOf('module-call/modules/inst/main.tf');
    await client.open(uri, text);
    const ds = await client.diagnosticsFor(uri, 1, (d) => d.length > 0);
    const imds = byRule(ds, 'aws-ec2-require-imdsv2');
    assert.equal(imds.length, 1, 'one finding, from the call with tokens = "optional" (no duplicate from the module alone)');
    assert.equal((imds[0]!.data as { resource: string }).resource, 'module.inst.aws_instance.this');
    const hover = hoverText(await client.hover(uri, positionAt(text, at[0]!)));
    assert.match(hover, /"optional"/);
    assert.match(hover, /aws-ec2-require-imdsv2/);
    const actions = await client.codeActions(uri, imds[0]!.range, [imds[0]!]);
    const resolved = await client.resolve(actions.find((a) => a.isPreferred)!);
    assert.ok(resolved.edit, resolved.disabled?.reason);
    assert.match(applyEdits(text, editsFor(resolved.edit, uri).edits), /http_tokens = "required"/);
  });

  test('demarc/explain returns the card of the resource at a position', async () => {
    const uri = uriOf('terraform/main.tf');
    const res = await client.request<{ resource?: { address: string; type: string }; markdown?: string; explanation?: { layers?: unknown[] } }>('demarc/explain', {
      textDocument: { uri },
      position: { line: 15, character: 4 },
    });
    assert.equal(res.resource?.address, 'aws_instance.web');
    assert.match(res.markdown ?? '', /You secure/);
    assert.ok(Array.isArray(res.explanation?.layers));
    const none = await client.request<{ resource?: unknown }>('demarc/explain', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(none.resource, undefined);
  });

  test('demarc/status and demarc/report reflect the published findings', async () => {
    await client.waitFor(() => client.statuses.length > 0, 5000, 'a status notification');
    const status = client.statuses.at(-1) as { state: string; counts: { total: number }; trusted: boolean };
    assert.equal(status.trusted, true);
    assert.ok(status.counts.total > 0);
    const report = await client.request<{ resources: { address: string; type: string; findings: { ruleId: string }[]; responsibility?: unknown }[] }>('demarc/report', {});
    const logs = report.resources.find((r) => r.address === 'aws_s3_bucket.logs');
    assert.ok(logs);
    assert.ok(logs.findings.some((f) => f.ruleId === 'aws-s3-versioning'));
    assert.ok(logs.responsibility, 'responsibility card data is included');
    const scan = await client.request<{ completed: boolean; units: number }>('demarc/scanWorkspace', {});
    assert.equal(scan.completed, true);
    assert.equal(scan.units, 6);
  });
});

describe('workspace scan with worker threads (dist/scan-worker.js)', () => {
  // A module over the size that goes to a worker, a small one, and (for the untrusted case) a local module outside
  // the workspace folder that only a trusted analysis may read.
  let base: string;
  before(() => {
    base = mkdtempSync(join(tmpdir(), 'demarc-workers-')).replace(/\\/g, '/');
    const bucket = (i: number) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b-${i}"\n}\n\nresource "aws_s3_bucket_acl" "b${i}" {\n  bucket = aws_s3_bucket.b${i}.id\n  acl    = "public-read"\n}\n\n`;
    const write = (rel: string, text: string) => {
      mkdirSync(join(base, rel, '..'), { recursive: true });
      writeFileSync(join(base, rel), text);
    };
    // The large module also calls the one outside: in an untrusted workspace the worker must not read it either.
    write('ws/big/main.tf', 'module "shared" {\n  source = "../../shared"\n}\n\n' + Array.from({ length: 900 }, (_, i) => bucket(i)).join(''));
    write('ws/small/main.tf', bucket(0));
    write('shared/main.tf', 'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size = 10\n  encrypted = false\n}\n');
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  /** Every published diagnostic, by file, after a scan by a server started with these worker threads. */
  async function scanWith(threads: string, trusted: boolean): Promise<{ byFile: Record<string, string[]>; logs: string[] }> {
    const saved = process.env.DEMARC_SCAN_THREADS;
    process.env.DEMARC_SCAN_THREADS = threads;
    const c = LspClient.spawnStdio(join(root, 'dist/server.js'));
    if (saved === undefined) delete process.env.DEMARC_SCAN_THREADS;
    else process.env.DEMARC_SCAN_THREADS = saved;
    try {
      await c.initialize(pathToUri(`${base}/ws`), { trusted });
      await c.waitFor(() => c.progress.some((p) => p.value.kind === 'end'), 60_000, 'end of the scan');
      await c.waitFor(() => c.logs.some((l) => l.message.startsWith('workspace scan:')), 5000, 'the scan log line');
      const byFile: Record<string, string[]> = {};
      // Whole diagnostics: the large module's findings come back from a worker as JSON chunks and go out as pieces.
      for (const [uri, p] of c.diagnostics) byFile[uri.slice(pathToUri(base).length)] = p.diagnostics.map((d) => JSON.stringify(d)).sort();
      return { byFile, logs: c.logs.map((l) => l.message) };
    } finally {
      await c.shutdown();
    }
  }

  for (const trusted of [true, false]) {
    test(`${trusted ? 'trusted' : 'untrusted'}: the same diagnostics as an in-process scan; the large module went to a worker`, async () => {
      const threaded = await scanWith('2', trusted);
      const inProcess = await scanWith('0', trusted);
      assert.ok(threaded.logs.some((l) => /^workspace scan: 2 units in \d+ ms, 1 large ones in 2 worker threads$/.test(l)), threaded.logs.join('\n'));
      assert.ok(inProcess.logs.some((l) => /^workspace scan: 2 units in \d+ ms$/.test(l)), inProcess.logs.join('\n'));
      assert.deepEqual(threaded.byFile, inProcess.byFile);
      assert.ok((threaded.byFile['/ws/big/main.tf'] ?? []).length >= 900, 'the large module has its findings');
      // Trusted, the module outside the folder is read (its unencrypted volume is reported); untrusted, not.
      assert.equal(threaded.byFile['/shared/main.tf']?.some((d) => d.includes('aws-ec2-ebs-encryption')) ?? false, trusted);
    });
  }
});
