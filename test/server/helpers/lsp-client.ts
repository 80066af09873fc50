// A small LSP client for tests and the benchmark: speaks JSON-RPC to a real server (child process over stdio,
// or an in-process connection over stream pairs), answers the server's requests, and records what it sends.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface ClientOptions {
  /** `demarc` settings returned for every workspace/configuration item. */
  settings?: Record<string, unknown>;
  /** Capabilities override (merged over a VS Code-like default). */
  capabilities?: Record<string, unknown>;
  /** Node options for the server process (spawnStdio), such as `--cpu-prof` when profiling. */
  nodeArgs?: string[];
}

type Waiter = { check: () => boolean; resolve: () => void };

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly progress: { token: unknown; value: { kind: string; percentage?: number; message?: string; title?: string } }[] = [];
  readonly createdProgressTokens: unknown[] = [];
  readonly statuses: unknown[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  publishCount = 0;
  /** uri → the version of every publishDiagnostics for it, in order of arrival. */
  readonly publishedVersions = new Map<string, (number | undefined)[]>();
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();
  settings: Record<string, unknown>;

  constructor(readonly conn: MessageConnection, private readonly options: ClientOptions = {}, readonly child?: ChildProcess) {
    this.settings = options.settings ?? {};
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.publishCount++;
      this.diagnostics.set(p.uri, p);
      const versions = this.publishedVersions.get(p.uri) ?? [];
      versions.push(p.version);
      this.publishedVersions.set(p.uri, versions);
      this.poke();
    });
    conn.onNotification('$/progress', (p: { token: unknown; value: LspClient['progress'][number]['value'] }) => {
      this.progress.push(p);
      this.poke();
    });
    conn.onNotification('demarc/status', (p: unknown) => {
      this.statuses.push(p);
      this.poke();
    });
    conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p);
      if (process.env.DEMARC_TEST_LOG) process.stderr.write(`[server] ${p.message}\n`);
    });
    conn.onNotification('demarc/showOutput', () => undefined);
    conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => p.items.map(() => this.settings));
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    conn.onRequest('window/workDoneProgress/create', (p: { token: unknown }) => {
      this.createdProgressTokens.push(p.token);
      return null;
    });
    conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      this.appliedEdits.push(p.edit);
      return { applied: true };
    });
    conn.onRequest('window/showMessageRequest', () => null);
    conn.onNotification('window/showMessage', () => undefined);
    conn.onNotification('telemetry/event', () => undefined);
    conn.listen();
  }

  /** Spawns `node dist/server.js --stdio`. */
  static spawnStdio(serverJs: string, options: ClientOptions = {}): LspClient {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d) => {
      if (process.env.DEMARC_TEST_LOG) process.stderr.write(`[server stderr] ${d}`);
    });
    const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    return new LspClient(conn, options, child);
  }

  /** Two stream pairs: the caller creates the server connection on `serverIn`/`serverOut`. */
  static streamPair(options: ClientOptions = {}): { client: LspClient; serverIn: PassThrough; serverOut: PassThrough } {
    const serverIn = new PassThrough();
    const serverOut = new PassThrough();
    const conn = createMessageConnection(new StreamMessageReader(serverOut), new StreamMessageWriter(serverIn));
    return { client: new LspClient(conn, options), serverIn, serverOut };
  }

  async initialize(rootUri: string | null, initializationOptions: Record<string, unknown> = {}): Promise<InitializeResult> {
    const capabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
        applyEdit: true,
      },
      window: { workDoneProgress: true },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          resolveSupport: { properties: ['edit'] },
          dataSupport: true,
          disabledSupport: true,
          isPreferredSupport: true,
        },
      },
      ...(this.options.capabilities ?? {}),
    };
    const result = (await this.conn.sendRequest('initialize', {
      // In-process servers must not watch this process (their watchdog timer would keep the tests alive).
      processId: this.child ? process.pid : null,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities,
      initializationOptions,
    })) as InitializeResult;
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, text: string, languageId = languageOf(uri)): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (sent as one incremental change over the full range). */
  async replace(uri: string, text: string): Promise<number> {
    const old = this.texts.get(uri) ?? '';
    const doc = TextDocument.create(uri, 'x', 0, old);
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(old.length) }, text }]);
  }

  async change(uri: string, changes: { range: Range; text: string }[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const doc = TextDocument.create(uri, 'x', version - 1, this.texts.get(uri) ?? '');
    TextDocument.update(doc, changes, version);
    this.texts.set(uri, doc.getText());
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string | undefined {
    return this.texts.get(uri);
  }

  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>;
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: only ? { diagnostics, only } : { diagnostics } }) as Promise<CodeAction[]>;
  }

  resolve(action: CodeAction): Promise<CodeAction> {
    return this.conn.sendRequest('codeAction/resolve', action) as Promise<CodeAction>;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /** Resolves when `check` holds (re-checked on every notification), or rejects after `ms`. */
  waitFor(check: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w: Waiter = { check, resolve: () => { clearTimeout(timer); resolve(); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      this.waiters.push(w);
    });
  }

  /** Diagnostics for `uri` published for exactly `version` (or any version when undefined) that satisfy `pred`. */
  async diagnosticsFor(uri: string, version?: number, pred: (d: Diagnostic[]) => boolean = () => true, ms = 10_000): Promise<Diagnostic[]> {
    await this.waitFor(() => {
      const p = this.diagnostics.get(uri);
      return !!p && (version === undefined || p.version === version) && pred(p.diagnostics);
    }, ms, `diagnostics of ${uri} at version ${version}`);
    return this.diagnostics.get(uri)!.diagnostics;
  }

  private poke(): void {
    const ready = this.waiters.filter((w) => w.check());
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  /** `exit` makes a vscode-languageserver process call process.exit: in-process servers get `sendExit: false`. */
  async shutdown(sendExit = true): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      if (sendExit) await this.conn.sendNotification('exit');
    } catch {
      // The server may already be gone; the child is killed below.
    }
    this.conn.dispose();
    if (this.child && this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.child!.kill();
          resolve();
        }, 2000);
        this.child!.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
}

export function languageOf(uri: string): string {
  if (/\.tfvars(\.json)?$/.test(uri)) return 'terraform-vars';
  if (/\.tf$/.test(uri)) return 'terraform';
  if (/\.ya?ml$/.test(uri)) return 'yaml';
  return 'json';
}

/** Applies LSP text edits to a text (the client side of a WorkspaceEdit). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 0, text), edits);
}

/** The edits a WorkspaceEdit makes to one URI (documentChanges or changes form). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): { edits: TextEdit[]; version?: number | null } {
  if (!edit) return { edits: [] };
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) return { edits: dc.edits as TextEdit[], version: dc.textDocument.version };
  }
  return { edits: edit.changes?.[uri] ?? [] };
}

/**
 * A fixture with caret markers: every `|` marks a cursor position and is removed. Fixtures that use markers keep
 * `|` out of their code (YAML block scalars, `||`).
 */
export function loadCaretFixture(path: string, marker = '|'): { text: string; carets: number[] } {
  const raw = readFileSync(path, 'utf8');
  const carets: number[] = [];
  let text = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw.startsWith(marker, i)) {
      carets.push(text.length);
      i += marker.length - 1;
    } else text += raw[i];
  }
  return { text, carets };
}

export function positionAt(text: string, offset: number): Position {
  return TextDocument.create('file:///x', 'x', 0, text).positionAt(offset);
}
