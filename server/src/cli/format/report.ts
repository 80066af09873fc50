// What a scan hands to the output formats: the findings that passed the threshold, and everything else a
// reader needs (problems, skipped files, timing), with helpers for paths and 1-based positions.
import type { Skipped } from '../../engine/analyze';
import type { SourceFile } from '../../engine/source';
import type { Finding, Problem, Range, Severity } from '../../engine/types';
import { SEVERITIES } from '../../engine/types';

export interface ScanReport {
  /** Absolute, forward slashes: paths in the output are relative to it. */
  cwd: string;
  toolVersion: string;
  threshold: Severity;
  /** Findings at or above the threshold, including suppressed ones (`suppressedBy` set). */
  findings: Finding[];
  problems: Problem[];
  skipped: Skipped[];
  files: Map<string, SourceFile>;
  filesScanned: number;
  durationMs: number;
}

/** What the per-finding renderers need: where paths are relative to, and the analyzed files (fix edits, fingerprints). */
export type RenderContext = Pick<ScanReport, 'cwd' | 'files'>;

export interface SummaryCounts {
  findings: number;
  bySeverity: Record<Severity, number>;
  suppressed: number;
  /** Of the suppressed findings, those the baseline accepted. */
  baselined: number;
  problems: number;
  filesWithFindings: number;
  filesScanned: number;
  skipped: number;
  durationMs: number;
  threshold: Severity;
}

export function summarize(r: ScanReport): SummaryCounts {
  const active = r.findings.filter((f) => !f.suppressedBy);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of active) bySeverity[f.severity]++;
  return {
    findings: active.length,
    bySeverity,
    suppressed: r.findings.length - active.length,
    baselined: r.findings.filter((f) => f.suppressedBy?.tool === 'baseline').length,
    problems: r.problems.length,
    filesWithFindings: new Set(active.map((f) => f.file)).size,
    filesScanned: r.filesScanned,
    skipped: r.skipped.length,
    durationMs: Math.round(r.durationMs),
    threshold: r.threshold,
  };
}

/** Path relative to `cwd` when below it, else absolute. */
export function displayPath(path: string, cwd: string): string {
  const base = cwd.endsWith('/') ? cwd : `${cwd}/`;
  if (path === cwd) return '.';
  if (path.startsWith(base)) return path.slice(base.length);
  // Siblings of cwd read better as ../x than as long absolute paths.
  const parent = base.slice(0, base.slice(0, -1).lastIndexOf('/') + 1);
  if (parent.length > 1 && path.startsWith(parent)) return `../${path.slice(parent.length)}`;
  return path;
}

/** 1-based line and column; the end column points just past the last character (as in SARIF). */
export function oneBased(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

export function problemRange(p: Problem, files: Map<string, SourceFile>): Range | undefined {
  if (p.range) return p.range;
  if (p.span) return files.get(p.span.file)?.lines.rangeOf(p.span.start, p.span.end);
  return undefined;
}

/** Snippet text (`${1:arn}`) as plain text (`arn`), for outputs that cannot place a cursor. */
export function snippetToPlain(text: string): string {
  return text.replace(/\\\$|\$\{\d+(?::((?:[^}\\]|\\.)*))?\}|\$\d+/g, (m: string, placeholder?: string) => {
    if (m === '\\$') return '$';
    return placeholder === undefined ? '' : placeholder.replace(/\\(.)/g, '$1');
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
