// `--format json`: a stable, versioned shape for scripts (documented in README "## JSON output").
// Bump JSON_VERSION on any change that removes or renames a field; adding fields keeps the version.
import type { Skipped } from '../../engine/analyze';
import type { Finding, Problem, Range, Severity } from '../../engine/types';
import { getRuleMeta } from '../../engine/rules/registry';
import { compareFindings, displayPath, oneBased, problemRange, snippetToPlain, summarize, type RenderContext, type ScanReport, type SummaryCounts } from './report';

export const JSON_VERSION = 1;

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  ruleSeverity: Severity;
  title: string;
  message: string;
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  resource: string | null;
  resourceType: string | null;
  controls: string[];
  fixable: boolean;
  fix?: { title: string; needsInput: boolean; edits: { file: string; startLine: number; startColumn: number; endLine: number; endColumn: number; newText: string }[] };
  valueOrigin?: string;
  notes?: string[];
  related?: { file: string; startLine: number; startColumn: number; message: string }[];
  suppressed?: { tool: string; id: string; reason: string | null; until: string | null };
}

export interface JsonProblem {
  file: string;
  severity: Problem['severity'];
  code: string;
  message: string;
  startLine: number | null;
  startColumn: number | null;
}

export interface JsonReport {
  version: typeof JSON_VERSION;
  tool: { name: 'demarc'; version: string };
  findings: JsonFinding[];
  problems: JsonProblem[];
  skipped: { path: string; reason: string }[];
  summary: SummaryCounts;
}

export function toJsonReport(r: ScanReport): JsonReport {
  return jsonReport(
    r.toolVersion,
    [...r.findings].sort(compareFindings).map((f) => jsonFinding(f, r)),
    r.problems.map((p) => jsonProblem(p, problemRange(p, r.files), r.cwd)),
    r.skipped,
    summarize(r),
    r.cwd,
  );
}

/** The report around its findings; the streamed output (cli/report-writer.ts) passes a placeholder finding. */
export function jsonReport(toolVersion: string, findings: JsonFinding[], problems: JsonProblem[], skipped: Skipped[], summary: SummaryCounts, cwd: string): JsonReport {
  return {
    version: JSON_VERSION,
    tool: { name: 'demarc', version: toolVersion },
    findings,
    problems,
    skipped: skipped.map((k) => ({ path: displayPath(k.path, cwd), reason: k.reason })),
    summary,
  };
}

/** `range` is the problem's own or the one computed from its span (problemRange). */
export function jsonProblem(p: Problem, range: Range | undefined, cwd: string): JsonProblem {
  return {
    file: displayPath(p.file, cwd),
    severity: p.severity,
    code: p.code,
    message: p.message,
    startLine: range ? range.start.line + 1 : null,
    startColumn: range ? range.start.character + 1 : null,
  };
}

export function formatJson(r: ScanReport): string {
  return `${JSON.stringify(toJsonReport(r), null, 2)}\n`;
}

export function jsonFinding(f: Finding, r: RenderContext): JsonFinding {
  const meta = getRuleMeta(f.ruleId);
  const out: JsonFinding = {
    ruleId: f.ruleId,
    severity: f.severity,
    ruleSeverity: f.ruleSeverity,
    title: meta?.title ?? f.ruleId,
    message: f.message,
    file: displayPath(f.file, r.cwd),
    ...oneBased(f.range),
    resource: f.resource ?? null,
    resourceType: f.resourceType ?? null,
    controls: meta?.controls ?? [],
    fixable: Boolean(f.fix),
  };
  if (f.fix) {
    out.fix = {
      title: f.fix.title,
      needsInput: Boolean(f.fix.needsInput),
      edits: f.fix.edits.flatMap((e) => {
        const file = r.files.get(e.file);
        if (!file) return [];
        return [{ file: displayPath(e.file, r.cwd), ...oneBased(file.lines.rangeOf(e.start, e.end)), newText: f.fix!.snippet ? snippetToPlain(e.newText) : e.newText }];
      }),
    };
  }
  if (f.valueOrigin) out.valueOrigin = f.valueOrigin;
  if (f.notes?.length) out.notes = f.notes;
  if (f.related.length) out.related = f.related.map((x) => ({ file: displayPath(x.file, r.cwd), startLine: x.range.start.line + 1, startColumn: x.range.start.character + 1, message: x.message }));
  if (f.suppressedBy) out.suppressed = { tool: f.suppressedBy.tool, id: f.suppressedBy.id, reason: f.suppressedBy.reason ?? null, until: f.suppressedBy.until ?? null };
  return out;
}
