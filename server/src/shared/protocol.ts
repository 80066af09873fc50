// Custom messages between the Demarc client and server (`demarc/…`). Plain types plus the protocol's own
// RequestType/NotificationType, which both sides have; nothing from `vscode` so the server can compile it.
import { NotificationType, RequestType, type Position, type Range, type TextDocumentIdentifier, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { SettingSeverity } from './settings';

/** Options the client passes in `initialize.initializationOptions`. */
export interface DemarcInitializationOptions {
  /** False in an untrusted (restricted-mode) workspace: no account access, no files read outside the workspace folders. */
  trusted?: boolean;
  /** The client trusts hover markdown, so `command:` links ("more…") work. */
  commandLinks?: boolean;
  /** Skip the scan of the workspace on start (tests, huge monorepos). */
  scanOnStart?: boolean;
}

// ---- demarc/scanWorkspace (client → server request) ----

export interface ScanWorkspaceParams extends WorkDoneProgressParams {
  /** Folders to scan (file URIs); default: every workspace folder. */
  folders?: string[];
}

export interface ScanWorkspaceResult {
  /** False when the scan was cancelled (by the user or by a newer scan) before it finished. */
  completed: boolean;
  units: number;
  files: number;
  findings: number;
  problems: number;
  /** Files skipped and why (too large, not a template…), capped at 200 entries. */
  skipped: { uri: string; reason: string }[];
  durationMs: number;
}

export const ScanWorkspaceRequest = new RequestType<ScanWorkspaceParams, ScanWorkspaceResult, void>('demarc/scanWorkspace');

// ---- demarc/report (client → server request): the responsibility matrix data ----

export interface ReportParams {
  /** Only resources of these files (URIs); default: everything the server knows. */
  uris?: string[];
}

export interface ReportFinding {
  ruleId: string;
  severity: SettingSeverity;
  title: string;
  message: string;
  uri: string;
  range: Range;
  fixable: boolean;
  /** Responsibility layer the rule enforces (from rule meta), when known. */
  layer?: string;
  suppressed?: { tool: string; reason?: string; until?: string };
}

export interface ReportResource {
  address: string;
  type: string;
  format: 'terraform' | 'cloudformation';
  uri: string;
  /** The resource header: where "open the code" goes. */
  range: Range;
  findings: ReportFinding[];
  /**
   * The responsibility card (engine ResourceExplanation from engine/responsibility/explain.ts), passed through as
   * JSON when the knowledge base knows the type.
   */
  responsibility?: unknown;
}

export interface ReportResult {
  generatedAt: string;
  /** Workspace folders covered. */
  roots: string[];
  resources: ReportResource[];
  /** Counts of published (non-suppressed) findings by severity. */
  counts: StatusCounts;
  /** Input problems (syntax errors, skipped files) per URI. */
  problems: { uri: string; range: Range; code: string; message: string }[];
}

export const ReportRequest = new RequestType<ReportParams, ReportResult, void>('demarc/report');

// ---- demarc/status (server → client notification): status bar ----

export interface StatusCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  total: number;
}

export type ServerState = 'starting' | 'idle' | 'analyzing' | 'scanning' | 'disabled' | 'error';

export interface StatusParams {
  state: ServerState;
  /** Findings currently published across the workspace (after overrides and suppressions). */
  counts: StatusCounts;
  /** Files with published diagnostics. */
  files: number;
  /** Problems (syntax errors, unreadable files) currently published. */
  problems: number;
  /** Scan progress 0–100 while state is `scanning`. */
  percentage?: number;
  /** One line for the tooltip: the last error, or why analysis is limited. */
  message?: string;
  /** False in restricted mode. */
  trusted: boolean;
}

export const StatusNotification = new NotificationType<StatusParams>('demarc/status');

// ---- demarc/explain (client → server request): the resource card at a position ----

export interface ExplainParams {
  textDocument: TextDocumentIdentifier;
  position: Position;
}

export interface ExplainResult {
  /** Undefined when no resource is under the position. */
  resource?: { address: string; type: string; range: Range; uri: string };
  /** Markdown card (findings, value origins, responsibility), as the hover shows it, with details expanded. */
  markdown?: string;
  /** Structured card (engine ResourceExplanation) when the knowledge base knows the type. */
  explanation?: unknown;
}

export const ExplainRequest = new RequestType<ExplainParams, ExplainResult, void>('demarc/explain');

// ---- demarc/showOutput (server → client notification): reveal the output channel ----

export interface ShowOutputParams {
  /** Why: shown nowhere else, but useful in logs. */
  reason: string;
}

export const ShowOutputNotification = new NotificationType<ShowOutputParams>('demarc/showOutput');

// ---- commands the server executes (workspace/executeCommand) or asks the client to run ----

/** Server-side command: apply the fix of one diagnostic (arguments: [FixCommandArgs]). */
export const APPLY_FIX_COMMAND = 'demarc.applyFix';
/** Client-side command: open the rule page (arguments: [ruleId: string, href: string]). */
export const SHOW_RULE_DOCS_COMMAND = 'demarc.showRuleDocs';
/** Client-side command: show the full card for a resource (arguments: [uri: string, position: Position]). */
export const EXPLAIN_COMMAND = 'demarc.explainResource';

export interface FixCommandArgs {
  uri: string;
  version: number;
  fingerprint: string;
}

/**
 * What every Demarc diagnostic carries in `data`, so code actions never parse message text. The rule id is the
 * diagnostic's `code` and the file is the document's URI: neither is repeated here (a large file's diagnostics are
 * one message, and every byte of it delays what follows on the connection).
 */
export interface DiagnosticData {
  fixable: boolean;
  resource?: string;
  /** Document version the diagnostic was computed on (undefined for files not open in the editor). */
  version?: number;
  /** Identifies the finding within one analysis of the document (rule, offsets, resource). */
  fingerprint: string;
}
