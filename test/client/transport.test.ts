// The server bundle the VSIX ships (dist/server.js), started the way the client starts it: forked with `--stdio`
// (TransportKind.stdio), given the client's initialization options, and answered with the client's settings section
// for every `workspace/configuration` pull; and the same over `--node-ipc`, which the server still serves. It also
// proves the VS Code suite's fixture behaves as that suite expects, since a real VS Code cannot be downloaded on every
// machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest,
  LogMessageNotification,
  MessageType,
  CodeActionResolveRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  type CodeAction,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadClientModule, repoRoot } from './load';

const workspace = join(repoRoot, 'test/fixtures/vscode-workspace');
const serverModule = join(repoRoot, 'dist/server.js');

interface ConfigModule {
  buildSettingsSection(reader: { get(k: string): unknown; inspect(k: string): unknown }, trusted: boolean): Record<string, unknown>;
}

interface Session {
  connection: ProtocolConnection;
  child: ChildProcess;
  configurationPulls: { section?: string; scopeUri?: string }[];
  errors: string[];
  /** Latest diagnostics per URI, and a way to wait for a publication that satisfies a predicate. */
  waitFor(uri: string, predicate: (ds: Diagnostic[]) => boolean, what: string, ms?: number): Promise<Diagnostic[]>;
  latest: Map<string, PublishDiagnosticsParams>;
  close(): Promise<void>;
}

type Transport = 'stdio' | 'IPC';

async function startSession(trusted: boolean, transport: Transport): Promise<Session> {
  if (!existsSync(serverModule)) {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    assert.equal(build.status, 0, 'esbuild.mjs builds dist/server.js');
  }
  const { buildSettingsSection } = await loadClientModule<ConfigModule>('config.ts');
  // Same command lines as vscode-languageclient's TransportKind.stdio (what the extension uses) and .ipc: fork the
  // module with `--stdio` or `--node-ipc`, and the client's process id.
  const args = [transport === 'stdio' ? '--stdio' : '--node-ipc', `--clientProcessId=${process.pid}`];
  const child = fork(serverModule, args, { silent: true });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const connection =
    transport === 'stdio'
      ? createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
      : createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const listeners = new Set<() => void>();
  const configurationPulls: Session['configurationPulls'] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    latest.set(p.uri, p);
    for (const l of [...listeners]) l();
  });
  // The client's middleware answer: the nested `demarc` section, with the user's settings (none here) and defaults.
  connection.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map((item) => {
      configurationPulls.push({ section: item.section, scopeUri: item.scopeUri });
      return item.section === 'demarc' ? buildSettingsSection({ get: () => undefined, inspect: () => undefined }, trusted) : null;
    }),
  );
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  // Errors the server logs (window/logMessage type 1) fail the test: in VS Code they land in the user's output.
  const errors: string[] = [];
  connection.onNotification(LogMessageNotification.type, (m) => {
    if (m.type === MessageType.Error) errors.push(m.message);
  });
  connection.onNotification('demarc/status', () => undefined);
  connection.listen();

  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'vscode-workspace' }],
    initializationOptions: { trusted },
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
          dataSupport: true,
          resolveSupport: { properties: ['edit'] },
        },
      },
    },
  });
  assert.ok(init.capabilities.hoverProvider, 'server offers hovers');
  // vscode-languageclient accepts dynamic registrations only once `initialize` has returned; before that a
  // registration fails (MethodNotFound), so the test installs its handler at the same moment.
  connection.onRequest(RegistrationRequest.type, () => undefined);
  await connection.sendNotification(InitializedNotification.type, {});

  return {
    connection,
    child,
    configurationPulls,
    errors,
    latest,
    waitFor(uri, predicate, what, ms = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const p = latest.get(uri);
          if (p && predicate(p.diagnostics)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(p.diagnostics);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${what}; last: ${JSON.stringify(latest.get(uri)?.diagnostics.map((d) => [d.code, d.range.start.line]))}\n${stderr}`));
        }, ms);
        listeners.add(check);
        check();
      });
    },
    async close() {
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } finally {
        connection.dispose();
        if (child.exitCode === null) child.kill();
      }
    },
  };
}

function open(session: Session, name: string, languageId: string): TextDocument {
  const uri = pathToFileURL(join(workspace, name)).href;
  const text = readFileSync(join(workspace, name), 'utf8');
  void session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  return TextDocument.create(uri, languageId, 1, text);
}

/** Line ranges of named resources: Terraform `resource "t" "name"` headers or CloudFormation logical ids. */
function blocks(doc: TextDocument): Map<string, { start: number; end: number }> {
  const lines = doc.getText().split('\n');
  const heads: [string, number][] = [];
  lines.forEach((l, i) => {
    const m = /^resource\s+"[^"]+"\s+"([^"]+)"/.exec(l) ?? (doc.languageId === 'yaml' ? /^ {2}([A-Za-z0-9]+):\s*$/.exec(l) : null);
    if (m) heads.push([m[1]!, i]);
  });
  return new Map(heads.map(([n, line], i) => [n, { start: line, end: (heads[i + 1]?.[1] ?? lines.length) - 1 }]));
}

const inside = (d: Diagnostic, b: { start: number; end: number }) => d.range.start.line >= b.start && d.range.start.line <= b.end;

for (const transport of ['stdio', 'IPC'] as Transport[]) {
  test(`over ${transport}: diagnostics on the fixture, per-resource settings pulls, hover, and a quick fix that removes its finding`, { timeout: 90_000 }, async () => {
    const s = await startSession(true, transport);
    try {
      const doc = open(s, 'main.tf', 'terraform');
      const b = blocks(doc);
      const failing = [...b].filter(([n]) => n.startsWith('fail_')).map(([, r]) => r);
      const ds = await s.waitFor(doc.uri, (all) => failing.every((r) => all.some((d) => inside(d, r))), 'a finding on every fail_* resource');
      for (const d of ds) {
        assert.equal(d.source, 'demarc');
        assert.match(String(d.code), /^aws-[a-z0-9-]+$/);
        assert.match(d.codeDescription?.href ?? '', /^https:\/\//);
      }
      const onFail = new Set(ds.filter((d) => inside(d, b.get('fail_data')!)).map((d) => d.code));
      assert.ok(onFail.size > 0);
      assert.ok(ds.filter((d) => inside(d, b.get('pass_data')!)).every((d) => !onFail.has(d.code)), 'the rule flagging fail_data spares pass_data');

      // Settings are pulled for section `demarc`, scoped to a resource or folder.
      assert.ok(s.configurationPulls.some((p) => p.section === 'demarc' && p.scopeUri?.startsWith('file://')), JSON.stringify(s.configurationPulls));

      // Hover on the resource type of fail_web names one of its findings.
      const web = b.get('fail_web')!;
      const character = doc.getText({ start: { line: web.start, character: 0 }, end: { line: web.start + 1, character: 0 } }).indexOf('aws_instance') + 3;
      const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc.uri }, position: { line: web.start, character } });
      const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover?.contents ?? '');
      const webRules = ds.filter((d) => inside(d, web)).map((d) => String(d.code));
      assert.ok(webRules.some((r) => text.includes(r)), `hover names one of ${webRules.join(', ')}:\n${text}`);
      assert.match(text, /\bAWS\b/, 'hover draws the responsibility line (what AWS secures)');

      // A preferred quick fix, resolved lazily, applied; the finding disappears from that resource.
      let applied: { rule: string; owner: string } | undefined;
      let current = doc;
      for (const d of ds) {
        const owner = [...b].find(([n, r]) => n.startsWith('fail_') && inside(d, r))?.[0];
        if (!owner) continue;
        const actions = (await s.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri: doc.uri },
          range: d.range,
          context: { diagnostics: [d], only: ['quickfix'] },
        })) as CodeAction[] | null;
        let fix = actions?.find((a) => a.isPreferred);
        if (!fix) continue;
        if (!fix.edit) fix = await s.connection.sendRequest(CodeActionResolveRequest.type, fix);
        const edits: TextEdit[] = fix.edit?.changes?.[doc.uri]
          ?? (fix.edit?.documentChanges ?? []).flatMap((c) => ('edits' in c && c.textDocument.uri === doc.uri
            ? c.edits.map((e): TextEdit => ({ range: e.range, newText: 'snippet' in e ? e.snippet.value : e.newText }))
            : []));
        assert.ok(edits.length > 0, `fix for ${String(d.code)} has edits`);
        const next = TextDocument.applyEdits(doc, edits);
        current = TextDocument.create(doc.uri, 'terraform', 2, next);
        await s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri: doc.uri, version: 2 },
          contentChanges: [{ text: next }],
        });
        applied = { rule: String(d.code), owner };
        break;
      }
      assert.ok(applied, 'some finding on a fail_* resource has a preferred quick fix');
      const after = blocks(current).get(applied.owner)!;
      await s.waitFor(
        doc.uri,
        (all) => s.latest.get(doc.uri)?.version !== 1 && !all.some((d) => String(d.code) === applied!.rule && inside(d, after)),
        `${applied.rule} gone from ${applied.owner}`,
      );
    } finally {
      await s.close();
    }
  });

  test(`over ${transport}: CloudFormation template flagged, non-template YAML ignored, and restricted mode still analyzes`, { timeout: 60_000 }, async () => {
    const s = await startSession(false, transport);
    try {
      const tpl = open(s, 'template.yaml', 'yaml');
      const fail = blocks(tpl).get('FailVolume')!;
      await s.waitFor(tpl.uri, (all) => all.some((d) => inside(d, fail)), 'a finding on FailVolume (untrusted workspace)');
      const notes = open(s, 'notes.yaml', 'yaml');
      // Anything the server publishes for a non-template must be empty; give it time to have analyzed.
      await new Promise((r) => setTimeout(r, 1_500));
      assert.deepEqual(s.latest.get(notes.uri)?.diagnostics ?? [], []);
    } finally {
      await s.close();
    }
  });

  // VS Code shows the server's error log in the Demarc output channel, so a clean start matters: the server must not
  // send client/registerCapability before `initialize` has returned (vscode-languageclient rejects it).
  test(`over ${transport}: the server logs no errors while the client starts it and opens a file`, {
    timeout: 60_000,
  }, async () => {
    const s = await startSession(true, transport);
    try {
      const doc = open(s, 'main.tf', 'terraform');
      await s.waitFor(doc.uri, (all) => all.length > 0, 'the first diagnostics of main.tf');
      assert.deepEqual(s.errors, [], 'the server logged no errors');
    } finally {
      await s.close();
    }
  });
}
