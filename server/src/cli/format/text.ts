// Human-readable output: one line per finding (`file:line:col severity rule-id message (resource)`), which
// editors and terminals turn into links, grouped by file, followed by problems and a summary line.
import type { Style } from '../color';
import type { Skipped } from '../../engine/analyze';
import type { Finding, Problem, Range } from '../../engine/types';
import { severityRank } from '../../engine/types';
import { compareFindings, displayPath, problemRange, summarize, type ScanReport, type SummaryCounts } from './report';

export interface TextOptions {
  style: Style;
  quiet: boolean;
  verbose: boolean;
}

export function formatText(r: ScanReport, o: TextOptions): string {
  const s = o.style;
  const out: string[] = [];
  const shown = r.findings.filter((f) => !f.suppressedBy).sort(compareFindings);
  let lastFile: string | undefined;
  for (const f of shown) {
    if (lastFile !== undefined && f.file !== lastFile) out.push('');
    lastFile = f.file;
    out.push(shownFindingText(f, r.cwd, o));
  }
  if (o.quiet) return out.length ? `${out.join('\n')}\n` : '';

  const suppressed = r.findings.filter((f) => f.suppressedBy).sort(compareFindings);
  if (o.verbose && suppressed.length) {
    out.push(SUPPRESSED_HEADING(s));
    for (const f of suppressed) out.push(suppressedFindingText(f, r.cwd, s));
  }
  out.push(...textTail(r.problems.map((p) => ({ problem: p, range: problemRange(p, r.files) })), r.skipped, summarize(r), r.cwd, o));
  return `${out.join('\n')}\n`;
}

/** The blank line and heading before the suppressed findings (verbose only). */
export const SUPPRESSED_HEADING = (s: Style): string => `\n${s.bold('Suppressed:')}`;

/** A shown finding's line, and in verbose mode its notes on the lines below. */
export function shownFindingText(f: Finding, cwd: string, o: TextOptions): string {
  let text = findingLine(f, cwd, o.style);
  if (o.verbose) for (const n of f.notes ?? []) text += `\n${o.style.dim(`    note: ${n}`)}`;
  return text;
}

export function suppressedFindingText(f: Finding, cwd: string, s: Style): string {
  const by = f.suppressedBy!;
  const why = by.reason ? ` (${by.reason})` : '';
  return s.dim(`${findingLine(f, cwd, undefined)} [suppressed by ${by.tool}: ${by.id}${why}${by.until ? ` until ${by.until}` : ''}]`);
}

/** Everything after the findings when not quiet: problems (ordered by file), skipped files (verbose), the summary. */
export function textTail(problems: { problem: Problem; range?: Range | undefined }[], skipped: Skipped[], counts: SummaryCounts, cwd: string, o: TextOptions): string[] {
  const s = o.style;
  const out: string[] = [];
  if (problems.length) {
    out.push('', s.bold('Problems:'));
    for (const { problem: p, range } of [...problems].sort((a, b) => (a.problem.file < b.problem.file ? -1 : a.problem.file > b.problem.file ? 1 : 0))) {
      const pos = range ? `:${range.start.line + 1}:${range.start.character + 1}` : '';
      out.push(`${displayPath(p.file, cwd)}${pos} ${s.severity(p.severity)} ${p.code} ${p.message}`);
    }
  }
  if (o.verbose && skipped.length) {
    out.push('', s.bold('Skipped:'));
    for (const k of skipped) out.push(s.dim(`${displayPath(k.path, cwd)}: ${k.reason}`));
  }
  out.push('', summaryText(counts, s));
  return out;
}

function findingLine(f: Finding, cwd: string, s: Style | undefined): string {
  const loc = `${displayPath(f.file, cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const sev = s ? s.severity(f.severity) : f.severity;
  const rule = s ? s.dim(f.ruleId) : f.ruleId;
  const res = f.resource ? ` (${f.resource})` : '';
  return `${loc} ${sev} ${rule} ${f.message}${res}`;
}

export function summaryLine(r: ScanReport, s: Style): string {
  return summaryText(summarize(r), s);
}

export function summaryText(c: SummaryCounts, s: Style): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = (['critical', 'high', 'medium', 'low', 'info'] as const)
    .filter((sev) => c.bySeverity[sev] > 0 && severityRank(sev) >= severityRank(c.threshold))
    .map((sev) => s.severity(sev, `${c.bySeverity[sev]} ${sev}`));
  let head = plural(c.findings, 'finding');
  if (parts.length) head += ` (${parts.join(', ')})`;
  if (c.findings > 0) head += ` in ${plural(c.filesWithFindings, 'file')}`;
  const tail = [`${c.suppressed} suppressed${c.baselined > 0 ? ` (${c.baselined} by the baseline)` : ''}`, plural(c.problems, 'problem')];
  const secs = (c.durationMs / 1000).toFixed(2);
  const line = `${head}, ${tail.join(', ')}; scanned ${plural(c.filesScanned, 'file')} in ${secs} s`;
  return c.findings > 0 ? s.bold(line) : line;
}
