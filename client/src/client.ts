// Builds and owns the LanguageClient: what it selects, how it starts the server, and the middleware that answers
// the server's `workspace/configuration` pulls and marks hover links as trusted.
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ShowOutputNotification, type DemarcInitializationOptions } from '../../server/src/shared/protocol';
import { buildSettingsSection, errorMessage } from './config';
import { COMMANDS } from './command-ids';
import type { ClientPhase } from './views/status-text';

export const CLIENT_ID = 'demarc';

/** Files the server analyzes; it ignores YAML and JSON that are not CloudFormation templates. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'terraform' },
  { scheme: 'file', language: 'terraform-vars' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  // `.template` files get no language of their own in VS Code, yet CloudFormation uses the extension.
  { scheme: 'file', pattern: '**/*.template' },
];

/** Changes on disk the server must hear about even for files that are not open (module re-analysis, project file). */
export const WATCHED_GLOBS = ['**/*.tf', '**/*.tfvars', '**/*.{yaml,yml,json,template}', '**/.demarc.yaml'];

/**
 * One LanguageClient for the extension's lifetime. Restarting reuses it, so notification handlers registered by
 * views stay installed and the initialization options (trust) are computed afresh each start.
 */
export class DemarcClient implements vscode.Disposable {
  readonly client: LanguageClient;
  private readonly disposables: vscode.Disposable[] = [];
  private starting: Promise<void> | undefined;

  constructor(
    context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {
    const serverModule = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      // stdio, as every other editor: the server then sends a file's thousands of diagnostics as JSON it made in time
      // slices, instead of one 3 MB serialization inside IPC's send that would hold up hovers (see server/src/lsp/wire.ts).
      run: { module: serverModule, transport: TransportKind.stdio },
      debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const watchers = WATCHED_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
    this.disposables.push(...watchers);
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: output,
      // Errors go to the status bar and one notification; popping the channel open on every message would bury the user.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // Evaluated at every (re)start, so granting trust and restarting hands the server the new state.
      initializationOptions: (): DemarcInitializationOptions => ({ trusted: vscode.workspace.isTrusted, commandLinks: true }),
      synchronize: { fileEvents: watchers, configurationSection: 'demarc' },
      markdown: {
        // Hovers carry command links ("more", "show rule documentation"); only our own commands may run from them.
        isTrusted: { enabledCommands: Object.keys(COMMANDS) },
        supportHtml: false,
      },
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const ours = params.items.map((item) => item.section === 'demarc');
            if (!ours.some(Boolean)) return next(params, token);
            const others = params.items.filter((_, i) => !ours[i]);
            const delegated = others.length > 0 ? await next({ items: others }, token) : [];
            if (delegated instanceof Error) return delegated;
            let j = 0;
            return params.items.map((item, i) => (ours[i] ? readSettings(item.scopeUri) : (delegated as unknown[])[j++]));
          },
        },
        provideHover: async (document, position, token, next) => {
          const hover = await next(document, position, token);
          if (!hover) return hover;
          for (const part of hover.contents) {
            // The protocol conversion already applied `markdown.isTrusted`; theme icons in cards ($(shield)) need this too.
            if (part instanceof vscode.MarkdownString) part.supportThemeIcons = true;
          }
          return hover;
        },
      },
    };
    this.client = new LanguageClient(CLIENT_ID, 'Demarc', serverOptions, clientOptions);
    this.client.onNotification(ShowOutputNotification, () => output.show(true));

    // Restricted mode runs the server with account access off; once the user trusts the folder, start it again trusted.
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.restart()));
  }

  /** Starts the server once; concurrent callers share the same start. */
  start(): Promise<void> {
    if (this.client.state === State.Running) return Promise.resolve();
    this.starting ??= this.client.start().then(
      () => {
        this.starting = undefined;
      },
      (err: unknown) => {
        this.starting = undefined;
        this.output.error(`Demarc language server failed to start: ${errorMessage(err)}`);
        void vscode.window
          .showErrorMessage('Demarc: the language server could not start. See the output for details.', 'Show Output')
          .then((pick) => pick && this.output.show());
        throw err;
      },
    );
    return this.starting;
  }

  async restart(): Promise<void> {
    if (this.starting) await this.starting.catch(() => undefined);
    if (this.client.state === State.Running) {
      this.output.info('Restarting the Demarc language server');
      await this.client.restart();
    } else {
      await this.start();
    }
  }

  /** The client's state in the status bar's terms. */
  onDidChangePhase(listener: (phase: ClientPhase) => void): vscode.Disposable {
    return this.client.onDidChangeState((e) =>
      listener(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped'),
    );
  }

  get running(): boolean {
    return this.client.state === State.Running;
  }

  async stop(): Promise<void> {
    if (this.client.state !== State.Stopped) await this.client.stop();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.stop();
  }
}

function readSettings(scopeUri: string | undefined): Record<string, unknown> {
  const resource = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const config = vscode.workspace.getConfiguration(undefined, resource);
  return buildSettingsSection({ get: (key) => config.get(key), inspect: (key) => config.inspect(key) }, vscode.workspace.isTrusted);
}
