// Wires a connection to the analysis service and the handlers. server.ts calls it with the real engine; tests call
// it with an in-process connection.
import {
  CodeActionKind,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Host } from '../engine/source';
import type { ClientSupport, ServerDeps } from '../handlers/deps';
import * as codeActions from '../handlers/code-actions';
import * as documentsHandler from '../handlers/documents';
import * as hover from '../handlers/hover';
import * as workspace from '../handlers/workspace';
import { APPLY_FIX_COMMAND, ShowOutputNotification, StatusNotification, type DemarcInitializationOptions } from '../shared/protocol';
import { AnalysisService, errorText } from './analysis';
import type { EnginePort } from './engine-port';
import { OverlayHost } from './host';
import type { ScanPool } from './scan-pool';
import { SettingsStore } from './settings-store';
import { UriMap, uriToPath } from './uri';
import { setEncodedDiagnostics } from './wire';

export const SERVER_NAME = 'demarc';
export const SERVER_VERSION = '0.1.0';

export interface StartOptions {
  engine: EnginePort;
  baseHost: Host;
  /** Extra handler modules (the account integration), registered after the built-in ones. */
  extraHandlers?: ((connection: Connection, deps: ServerDeps) => void)[];
  /** Called when the client confirms `initialized`, i.e. once it has the initialize result (server.ts loads the engine then). */
  onInitialized?: () => void;
  /**
   * Worker threads for a workspace scan of `units` units, reading nothing outside `restrictTo` when given (an
   * untrusted workspace); undefined: the scan runs in-process. server.ts makes them from dist/scan-worker.js.
   */
  scanPool?: (units: number, restrictTo: string[] | undefined) => ScanPool | undefined;
}

export interface StartedServer {
  deps(): ServerDeps | undefined;
}

export function startServer(connection: Connection, options: StartOptions): StartedServer {
  const documents = new TextDocuments(TextDocument);
  const uris = new UriMap();
  const host = new OverlayHost(options.baseHost);
  let roots: string[] = [];
  let deps: ServerDeps | undefined;
  let handlerErrors = 0;

  const support: ClientSupport = {
    resolveEdit: false,
    documentChanges: false,
    workDoneProgress: false,
    configuration: false,
    watchedFiles: false,
    disabledActions: false,
  };

  const guard = async <T>(id: string, fallback: T, fn: () => T | Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      handlerErrors++;
      connection.console.error(`[${id}] failed and was skipped: ${errorText(e)}`);
      // Point the user at the log once, not on every failure.
      if (handlerErrors === 1) connection.sendNotification(ShowOutputNotification.method, { reason: `${id} failed` });
      return fallback;
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    support.resolveEdit = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    support.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    support.workDoneProgress = !!caps.window?.workDoneProgress;
    support.configuration = !!caps.workspace?.configuration;
    support.watchedFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    support.disabledActions = !!caps.textDocument?.codeAction?.disabledSupport;
    const init = (params.initializationOptions ?? {}) as DemarcInitializationOptions;
    const trusted = init.trusted !== false;

    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    roots = folders.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    host.setRestriction(trusted ? undefined : roots);

    const settings = new SettingsStore(connection, () => support.configuration, (p) => uris.uri(p));
    const analysis = new AnalysisService({
      engine: options.engine,
      host,
      uris,
      settingsFor: (p) => settings.get(p),
      roots: () => roots,
      trusted,
      // In an untrusted workspace the workers, like the host, read nothing outside the workspace folders.
      scanPool: (units) => options.scanPool?.(units, trusted ? undefined : [...roots]),
      sink: {
        sendDiagnostics: (p, encoded) => {
          if (encoded !== undefined) setEncodedDiagnostics(p, encoded);
          void connection.sendDiagnostics(p);
        },
        log: (m) => connection.console.log(m),
        error: (m) => connection.console.error(m),
        status: (p) => void connection.sendNotification(StatusNotification.method, p),
      },
    });
    deps = { documents, analysis, engine: options.engine, host, uris, settings, support, roots: () => roots, trusted, commandLinks: !!init.commandLinks, guard };

    documentsHandler.register(connection, deps);
    hover.register(connection, deps);
    codeActions.register(connection, deps);
    const supportsFolderEvents = !!caps.workspace?.workspaceFolders;
    workspace.register(connection, deps, {
      scanOnStart: init.scanOnStart !== false,
      // Subscribed after `initialized`: the library would otherwise register it with a request sent mid-initialize.
      onInitialized: () => {
        options.onInitialized?.();
        if (!supportsFolderEvents) return;
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          roots = [...roots.filter((r) => !removed.has(r)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
          if (!trusted) host.setRestriction(roots);
        });
      },
    });
    for (const register of options.extraHandlers ?? []) {
      try {
        register(connection, deps);
      } catch (e) {
        connection.console.error(`[extra handler] registration failed: ${errorText(e)}`);
      }
    }

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, codeActions.FIX_ALL_KIND],
          resolveProvider: true,
        },
        executeCommandProvider: { commands: [APPLY_FIX_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onShutdown(() => deps?.analysis.dispose());
  documents.listen(connection);
  return { deps: () => deps };
}
