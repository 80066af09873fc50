// Human-readable output: one line per finding (`file:line:col severity rule-id message (resource)`), which
// editors and terminals turn into links, grouped by file, followed by problems and a summary line.
import type { Style } from '../color';
import type { Finding } from '../../engine/types';
import { severityRank } from '../../engine/types';
import { compareFindings, displayPath, problemRange, summarize, type ScanReport } from './report';

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
    out.push(findingLine(f, r, s));
    if (o.verbose) for (const n of f.notes ?? []) out.push(s.dim(`    note: ${n}`));
  }
  if (o.quiet) return out.length ? `${out.join('\n')}\n` : '';

  const suppressed = r.findings.filter((f) => f.suppressedBy).sort(compareFindings);
  if (o.verbose && suppressed.length) {
    out.push('', s.bold('Suppressed:'));
    for (const f of suppressed) {
      const by = f.suppressedBy!;
      const why = by.reason ? ` (${by.reason})` : '';
      out.push(s.dim(`${findingLine(f, r, undefined)} [suppressed by ${by.tool}: ${by.id}${why}${by.until ? ` until ${by.until}` : ''}]`));
    }
  }

  const problems = r.problems;
  if (problems.length) {
    out.push('', s.bold('Problems:'));
    for (const p of [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
      const range = problemRange(p, r.files);
      const pos = range ? `:${range.start.line + 1}:${range.start.character + 1}` : '';
      out.push(`${displayPath(p.file, r.cwd)}${pos} ${s.severity(p.severity)} ${p.code} ${p.message}`);
    }
  }

  if (o.verbose && r.skipped.length) {
    out.push('', s.bold('Skipped:'));
    for (const k of r.skipped) out.push(s.dim(`${displayPath(k.path, r.cwd)}: ${k.reason}`));
  }

  out.push('', summaryLine(r, s));
  return `${out.join('\n')}\n`;
}

function findingLine(f: Finding, r: ScanReport, s: Style | undefined): string {
  const loc = `${displayPath(f.file, r.cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const sev = s ? s.severity(f.severity) : f.severity;
  const rule = s ? s.dim(f.ruleId) : f.ruleId;
  const res = f.resource ? ` (${f.resource})` : '';
  return `${loc} ${sev} ${rule} ${f.message}${res}`;
}

export function summaryLine(r: ScanReport, s: Style): string {
  const c = summarize(r);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = (['critical', 'high', 'medium', 'low', 'info'] as const)
    .filter((sev) => c.bySeverity[sev] > 0 && severityRank(sev) >= severityRank(c.threshold))
    .map((sev) => s.severity(sev, `${c.bySeverity[sev]} ${sev}`));
  let head = plural(c.findings, 'finding');
  if (parts.length) head += ` (${parts.join(', ')})`;
  if (c.findings > 0) head += ` in ${plural(c.filesWithFindings, 'file')}`;
  const tail = [`${c.suppressed} suppressed`, plural(c.problems, 'problem')];
  const secs = (c.durationMs / 1000).toFixed(2);
  const line = `${head}, ${tail.join(', ')}; scanned ${plural(c.filesScanned, 'file')} in ${secs} s`;
  return c.findings > 0 ? s.bold(line) : line;
}
