// What every handler module receives from server.ts: `register(connection, deps)`.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisService } from '../lsp/analysis';
import type { EnginePort } from '../lsp/engine-port';
import type { OverlayHost } from '../lsp/host';
import type { SettingsStore } from '../lsp/settings-store';
import type { UriMap } from '../lsp/uri';

export interface ClientSupport {
  /** codeAction/resolve can fill in `edit` lazily. */
  resolveEdit: boolean;
  /** WorkspaceEdit.documentChanges (versioned edits). */
  documentChanges: boolean;
  /** Server-initiated work-done progress. */
  workDoneProgress: boolean;
  /** workspace/configuration pulls. */
  configuration: boolean;
  /** Dynamic registration of didChangeWatchedFiles. */
  watchedFiles: boolean;
  /** CodeAction.disabled is shown by the client. */
  disabledActions: boolean;
}

export interface ServerDeps {
  documents: TextDocuments<TextDocument>;
  analysis: AnalysisService;
  engine: EnginePort;
  host: OverlayHost;
  uris: UriMap;
  settings: SettingsStore;
  support: ClientSupport;
  /** Workspace folder paths (absolute, forward slashes). */
  roots(): string[];
  /** False in an untrusted workspace: no account access, nothing read outside the workspace folders. */
  trusted: boolean;
  /** From initializationOptions.commandLinks. */
  commandLinks: boolean;
  /**
   * Runs a handler body; an exception is logged with the handler id and turned into `fallback`, so one bad file
   * or rule never takes the server down.
   */
  guard<T>(id: string, fallback: T, fn: () => T | Promise<T>): Promise<T>;
}
