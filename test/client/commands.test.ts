// The command table run under Node against a recording fake of the `vscode` API (client/src/commands.ts bundled
// with `vscode` aliased to fake-vscode.ts): what each command shows, opens, copies and asks the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { repoRoot } from './load';
import type * as Fake from './fake-vscode';

interface Recorded { method: string; params: unknown }

const dir = mkdtempSync(join(tmpdir(), 'demarc-commands-'));
const bundled = (async () => {
  const out = join(dir, 'commands.js');
  await build({
    stdin: {
      // One bundle holding both the command table and the fake, so they share the fake's state.
      contents: "export * from './client/src/commands'; export * as fake from './test/client/fake-vscode';",
      resolveDir: repoRoot,
      sourcefile: 'entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    alias: { vscode: join(repoRoot, 'test/client/fake-vscode.ts') },
    logLevel: 'error',
  });
  const mod = createRequire(import.meta.url)(out) as {
    registerCommands(context: unknown, demarc: unknown, status: unknown): void;
    fake: typeof Fake;
  };
  return mod;
})();

const sent: Recorded[] = [];
const logged: string[] = [];
let restarts = 0;
let reply: (method: string, params: unknown) => Promise<unknown> = async () => undefined;

const demarc = {
  start: async () => undefined,
  restart: async () => {
    restarts++;
  },
  output: { show() {}, info: (m: string) => logged.push(`info ${m}`), error: (m: string) => logged.push(`error ${m}`) },
  client: {
    sendRequest: (type: { method: string }, params: unknown) => {
      sent.push({ method: type.method, params });
      return reply(type.method, params);
    },
  },
};

async function setup() {
  const mod = await bundled;
  const { fake } = mod;
  fake.calls.length = 0;
  fake.registered.clear();
  fake.window.activeTextEditor = undefined;
  sent.length = 0;
  logged.length = 0;
  restarts = 0;
  reply = async () => undefined;
  const packageJSON = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as unknown;
  mod.registerCommands({ subscriptions: [], extension: { packageJSON } }, demarc, { status: undefined });
  const run = (id: string, ...args: unknown[]) => fake.registered.get(id)!(...args);
  const callsOf = (api: string) => fake.calls.filter((c) => c.api === api).map((c) => c.args);
  return { fake, run, callsOf };
}

test('registers exactly the contributed commands', async () => {
  const { fake } = await setup();
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  assert.deepEqual([...fake.registered.keys()].sort(), pkg.contributes.commands.map((c) => c.command).sort());
});

test('showRuleDocs opens the link the diagnostic carried, or the page built from the rule id, and refuses junk', async () => {
  const { run, callsOf } = await setup();
  await run('demarc.showRuleDocs', 'aws-s3-versioning', 'https://example.test/rules/aws-s3-versioning');
  await run('demarc.showRuleDocs', 'aws-ec2-require-imdsv2');
  await run('demarc.showRuleDocs', '../../etc/passwd');
  await run('demarc.showRuleDocs', 'aws-s3-versioning', 'javascript:alert(1)');
  assert.deepEqual(callsOf('env.openExternal'), [
    ['https://example.test/rules/aws-s3-versioning'],
    ['https://github.com/demarc-dev/demarc/blob/main/docs/rules/aws-ec2-require-imdsv2.md'],
    // A non-https link falls back to the page built from the (valid) id.
    ['https://github.com/demarc-dev/demarc/blob/main/docs/rules/aws-s3-versioning.md'],
  ]);
  assert.equal(callsOf('window.showWarningMessage').length, 1);
});

test('copyCommand puts the command on the clipboard and says so; nothing to copy is a warning', async () => {
  const { run, callsOf } = await setup();
  await run('demarc.copyCommand', 'aws sso login --profile dev');
  await run('demarc.copyCommand', 42);
  assert.deepEqual(callsOf('env.clipboard.writeText'), [['aws sso login --profile dev']]);
  assert.match(String(callsOf('window.setStatusBarMessage')[0]![0]), /Copied: aws sso login --profile dev/);
  assert.equal(callsOf('window.showWarningMessage').length, 1);
});

test('scanWorkspace sends demarc/scanWorkspace under a cancellable progress and summarizes the result', async () => {
  const { run, callsOf } = await setup();
  reply = async (method) => {
    assert.equal(method, 'demarc/scanWorkspace');
    return { completed: true, units: 2, files: 3, findings: 5, problems: 1, skipped: [{ uri: 'file:///ws/big.yaml', reason: 'larger than 4 MB' }], durationMs: 1234 };
  };
  await run('demarc.scanWorkspace');
  assert.deepEqual(sent.map((s) => s.method), ['demarc/scanWorkspace']);
  assert.equal((callsOf('window.withProgress')[0]![0] as { cancellable: boolean }).cancellable, true);
  assert.equal(callsOf('window.showInformationMessage')[0]![0], 'Demarc: 5 findings in 3 files, 1 input problem (1.2 s).');
  assert.ok(logged.some((l) => l.includes('skipped file:///ws/big.yaml: larger than 4 MB')));
});

test('a failing command shows one error naming the command and logs it; the command does not throw', async () => {
  const { run, callsOf } = await setup();
  reply = async () => {
    throw new Error('server went away');
  };
  assert.equal(await run('demarc.scanWorkspace'), undefined);
  assert.deepEqual(callsOf('window.showErrorMessage'), [['Demarc: Scan Workspace failed: server went away']]);
  assert.ok(logged.includes('error demarc.scanWorkspace failed: server went away'));
});

test('scanWorkspace without a folder explains instead of asking the server', async () => {
  const { fake, run, callsOf } = await setup();
  const folders = fake.workspace.workspaceFolders;
  fake.workspace.workspaceFolders = undefined;
  try {
    await run('demarc.scanWorkspace');
  } finally {
    fake.workspace.workspaceFolders = folders;
  }
  assert.deepEqual(sent, []);
  assert.match(String(callsOf('window.showInformationMessage')[0]![0]), /open a folder/);
});

test('explainResource: from a hover link asks demarc/explain and previews the card; no resource is a message', async () => {
  const { run, callsOf } = await setup();
  reply = async () => ({ resource: { address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', uri: 'file:///ws/main.tf', range: {} }, markdown: '# aws_s3_bucket.logs' });
  await run('demarc.explainResource', 'file:///ws/main.tf', { line: 3, character: 4 });
  assert.deepEqual(sent, [{ method: 'demarc/explain', params: { textDocument: { uri: 'file:///ws/main.tf' }, position: { line: 3, character: 4 } } }]);
  assert.deepEqual(callsOf('workspace.openTextDocument'), [[{ language: 'markdown', content: '# aws_s3_bucket.logs' }]]);
  assert.equal(callsOf('commands.executeCommand')[0]![0], 'markdown.showPreview');

  reply = async () => ({});
  await run('demarc.explainResource', 'file:///ws/main.tf', { line: 0, character: 0 });
  assert.match(String(callsOf('window.showInformationMessage')[0]![0]), /no Terraform or CloudFormation resource/);
  // From the palette with no editor open: nothing to ask.
  sent.length = 0;
  await run('demarc.explainResource');
  assert.deepEqual(sent, []);
});

test('restartServer restarts the client', async () => {
  const { run } = await setup();
  await run('demarc.restartServer');
  assert.equal(restarts, 1);
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
