// Engine results → LSP shapes. Everything position-related goes through the LineIndex of the exact text the
// engine analyzed, so ranges and edits always match the document version they were computed for.
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { SourceFile } from '../engine/source';
import type { Finding, Fix, Problem, Range, Severity } from '../engine/types';
import type { DiagnosticData } from '../shared/protocol';
import type { SettingSeverity } from '../shared/settings';

export const SOURCE = 'demarc';

const SEVERITY_MAP: Record<Severity, DiagnosticSeverity> = {
  critical: DiagnosticSeverity.Error,
  high: DiagnosticSeverity.Error,
  medium: DiagnosticSeverity.Warning,
  low: DiagnosticSeverity.Information,
  info: DiagnosticSeverity.Hint,
};

export function toDiagnosticSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY_MAP[s];
}

/** The effective severity after the user's `demarc.severityOverrides`; undefined means the rule is turned off. */
export function overriddenSeverity(f: Finding, overrides: Record<string, SettingSeverity | 'off'>): Severity | undefined {
  const o = overrides[f.ruleId];
  if (o === 'off') return undefined;
  return o ?? f.severity;
}

/**
 * Stable within one analysis of a file: lets a code action find its finding again without reading message text.
 * The file is not part of it (the code action names its document); match with `f.file` as well.
 */
export function fingerprint(f: Finding): string {
  return `${f.ruleId}@${f.span.start}-${f.span.end}#${f.resource ?? ''}`;
}

export interface DiagnosticContext {
  uri: string;
  /** Version of the open document the analysis read, undefined for files only on disk. */
  version: number | undefined;
  helpUri(ruleId: string): string;
  uriOf(path: string): string;
  overrides: Record<string, SettingSeverity | 'off'>;
}

/** Suppressed findings and findings whose rule is turned off produce no diagnostic. */
export function findingToDiagnostic(f: Finding, ctx: DiagnosticContext): Diagnostic | undefined {
  if (f.suppressedBy) return undefined;
  const severity = overriddenSeverity(f, ctx.overrides);
  if (severity === undefined) return undefined;
  const data: DiagnosticData = {
    // An omitted fix (a workspace scan of closed files leaves them out) is rendered when the action is resolved.
    fixable: (!!f.fix && f.fix.edits.length > 0) || f.fixOmitted === true,
    fingerprint: fingerprint(f),
  };
  if (f.resource !== undefined) data.resource = f.resource;
  if (ctx.version !== undefined) data.version = ctx.version;
  const related: DiagnosticRelatedInformation[] = f.related.map((r) => ({
    location: { uri: ctx.uriOf(r.file), range: copyRange(r.range) },
    message: r.message,
  }));
  const d: Diagnostic = {
    range: copyRange(f.range),
    severity: toDiagnosticSeverity(severity),
    source: SOURCE,
    code: f.ruleId,
    codeDescription: { href: ctx.helpUri(f.ruleId) },
    message: f.resource ? `${f.message} (${f.resource})` : f.message,
    data,
  };
  if (related.length) d.relatedInformation = related;
  return d;
}

const PROBLEM_SEVERITY: Record<Problem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Syntax errors and other input problems. `file` gives ranges for problems that only carry a span. */
export function problemToDiagnostic(p: Problem, file: SourceFile | undefined): Diagnostic {
  let range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (p.range) range = p.range;
  else if (p.span && file) range = file.lines.rangeOf(p.span.start, p.span.end);
  const d: Diagnostic = { range: copyRange(range), severity: PROBLEM_SEVERITY[p.severity], source: SOURCE, code: p.code, message: p.message };
  // Expired or reason-less suppressions are advice about a comment, shown faded like unused code.
  if (p.code.startsWith('suppression-') && p.severity !== 'error') d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

/**
 * Snippet syntax → plain text, for plain WorkspaceEdits (LSP 3.18 has no snippet edits in code actions that every
 * client supports): `${1:reason}` → `reason`, `$1`/`${1}` → ``, `\$` → `$`. Terraform's own `${var.x}` is not a
 * tab stop (its content does not start with a digit), so it is kept.
 */
export function stripSnippet(text: string): string {
  let out = text;
  // Innermost placeholders first, so nested ones (`${1:a ${2:b}}`) unwrap too.
  const placeholder = /\$\{(\d+):((?:[^{}\\]|\\.)*)\}/;
  for (let guard = 0; guard < 1000 && placeholder.test(out); guard++) out = out.replace(placeholder, (_m, _n, inner: string) => inner);
  out = out.replace(/\$\{\d+\}/g, '').replace(/(^|[^\\])\$\d+/g, '$1');
  out = out.replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1');
  return out.replace(/\\([$}\\])/g, '$1');
}

export interface EditTarget {
  uri: string;
  /** The text the fix offsets refer to. */
  file: SourceFile;
  /** Version of the open document, or null for a file on disk. */
  version: number | null;
}

/**
 * Engine fix → WorkspaceEdit. Offsets are converted with the LineIndex of the analyzed text (the same version);
 * documentChanges carry that version so a client refuses the edit if the document moved in between.
 */
export function fixToWorkspaceEdit(fixes: Fix[], target: (path: string) => EditTarget | undefined): WorkspaceEdit | undefined {
  const perFile = new Map<string, { t: EditTarget; edits: LspTextEdit[] }>();
  for (const fix of fixes) {
    for (const e of fix.edits) {
      const t = target(e.file);
      if (!t) return undefined;
      const entry = perFile.get(e.file) ?? { t, edits: [] };
      entry.edits.push({ range: t.file.lines.rangeOf(e.start, e.end), newText: fix.snippet ? stripSnippet(e.newText) : e.newText });
      perFile.set(e.file, entry);
    }
  }
  if (perFile.size === 0) return undefined;
  const documentChanges: TextDocumentEdit[] = [...perFile.values()].map(({ t, edits }) => ({
    textDocument: { uri: t.uri, version: t.version },
    edits,
  }));
  return { documentChanges };
}

/** Same edit as `changes` (uri → edits), for clients without `workspaceEdit.documentChanges`. */
export function toChangesEdit(edit: WorkspaceEdit): WorkspaceEdit {
  if (!edit.documentChanges) return edit;
  const changes: Record<string, LspTextEdit[]> = {};
  for (const dc of edit.documentChanges) {
    if ('textDocument' in dc) (changes[dc.textDocument.uri] ??= []).push(...(dc.edits as LspTextEdit[]));
  }
  return { changes };
}

/**
 * Picks fixes whose edits do not overlap each other (in offset order, first come first kept), for fix-all.
 * Fixes that need user input (placeholders) are not "safe" and are left out.
 */
export function nonOverlappingFixes(fixes: Fix[]): Fix[] {
  const taken: { file: string; start: number; end: number }[] = [];
  const kept: Fix[] = [];
  const sorted = [...fixes].sort((a, b) => firstOffset(a) - firstOffset(b));
  for (const fix of sorted) {
    if (fix.needsInput || fix.edits.length === 0) continue;
    // Overlapping replacements clash, and so does an insertion strictly inside a replaced range; insertions at the
    // same offset do not (the client applies them in order), which lets several new companion blocks go in together.
    const clash = fix.edits.some((e) => taken.some((t) => t.file === e.file && overlaps(e, t)));
    if (clash) continue;
    kept.push(fix);
    for (const e of fix.edits) taken.push({ file: e.file, start: e.start, end: e.end });
  }
  return kept;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  if (a.start === a.end && b.start < a.start && a.start < b.end) return true;
  if (b.start === b.end && a.start < b.start && b.start < a.end) return true;
  return false;
}

function firstOffset(f: Fix): number {
  return f.edits.reduce((m, e) => Math.min(m, e.start), Number.MAX_SAFE_INTEGER);
}

function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
