// Runs every enabled rule once over the model and turns reports into located findings.
import type { ProjectConfig } from '../config';
import { renderFix } from '../fix';
import type { ModelResource, Value } from '../model/resource';
import type { SourceFile, SourceResource } from '../source';
import type { Finding, Span } from '../types';
import type { Report, Rule, RuleContext } from './rule';
import { RULES } from './index';

export interface RunOptions {
  files: Map<string, SourceFile>;
  onlyRules?: string[];
  skipRules?: string[];
  config?: ProjectConfig;
  onRuleError?: (ruleId: string, error: unknown) => void;
  rules?: readonly Rule[];
  sources?: readonly SourceResource[];
  /** Render fix edits (default true). */
  fixes?: boolean;
}

export function runRules(resources: ModelResource[], options: RunOptions): Finding[] {
  const byKind = new Map<string, ModelResource[]>();
  for (const r of resources) {
    const list = byKind.get(r.kind) ?? [];
    list.push(r);
    byKind.set(r.kind, list);
  }
  const only = options.onlyRules && options.onlyRules.length ? new Set(options.onlyRules) : undefined;
  const skip = new Set(options.skipRules ?? []);
  const findings: Finding[] = [];
  const sources = options.sources ?? NO_SOURCES;
  const none: ModelResource[] = [];
  const fixes = options.fixes ?? true;
  for (const rule of options.rules ?? RULES) {
    const id = rule.meta.id;
    if ((only && !only.has(id)) || skip.has(id)) continue;
    const produced: Finding[] = [];
    const ctx: RuleContext = {
      resources: <T extends ModelResource>(kind: string) => (byKind.get(kind) ?? none) as T[],
      all: resources,
      sources,
      config: options.config,
      report: (r) => {
        const f = toFinding(rule, r, options.files, fixes);
        if (f) produced.push(f);
      },
    };
    try {
      rule.check(ctx);
      for (const f of produced) findings.push(f);
    } catch (e) {
      options.onRuleError?.(id, e);
    }
  }
  return dedupe(findings);
}

function within(span: Span, outer: Span): boolean {
  return span.file === outer.file && span.start >= outer.start && span.end <= outer.end;
}

function insideResource(span: Span, resource: ModelResource): boolean {
  if (within(span, resource.source.span)) return true;
  for (const part of resource.parts) if (within(span, part.span)) return true;
  return false;
}

const NO_SOURCES: readonly SourceResource[] = [];

function toFinding(rule: Rule, r: Report, files: Map<string, SourceFile>, fixes: boolean): Finding | undefined {
  const value = r.value as Value<unknown> | undefined;
  const related: { span: Span; message: string }[] = [...(r.related ?? [])];
  // Findings land inside the resource: the precise span when it is there, else the value's use site, else the header.
  // Whatever lies outside (a policy document data source, a locals block) becomes related information.
  let span: Span | undefined;
  const place = (candidate: Span | undefined, message: string) => {
    if (!candidate) return;
    const inside = insideResource(candidate, r.resource);
    if (!span && inside) span = candidate;
    else if (!inside) related.push({ span: candidate, message });
  };
  place(r.span, 'the offending statement is written here');
  place(value?.span, value?.span === r.span ? 'the offending statement is written here' : 'the value is written here');
  if (!span) span = (value?.site?.resource ?? r.resource.source).headerSpan;
  const via = value?.via;
  if (via) for (let i = 0; i < via.length; i++) related.push({ span: via[i]!, message: i === via.length - 1 ? 'the value comes from here' : 'through here' });
  const file = files.get(span.file);
  if (!file) return undefined;
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity: r.severity ?? rule.meta.severity,
    ruleSeverity: rule.meta.severity,
    message: r.message,
    file: span.file,
    span,
    range: file.lines.rangeOf(span.start, span.end),
    resource: r.resource.address,
    resourceType: r.resource.source.type,
    resourceKind: r.resource.kind,
    related: [],
  };
  for (const x of related) {
    const f = x.span.file === span.file ? file : files.get(x.span.file);
    if (f) finding.related.push({ file: x.span.file, span: x.span, range: f.lines.rangeOf(x.span.start, x.span.end), message: x.message });
  }
  if (value && value.origin !== 'unknown') finding.valueOrigin = value.origin;
  else if (!value) finding.valueOrigin = r.span ? 'explicit' : 'default';
  if (r.fix && fixes) {
    const fix = renderFix(r.fix, files);
    if (fix) finding.fix = fix;
  } else if (r.fix) finding.fixOmitted = true;
  return finding;
}

/** One finding per rule and location (a resource reached twice, e.g. through two joins, reports once). */
function dedupe(findings: Finding[]): Finding[] {
  // Keyed by file, then start offset, rather than by a composed string: hashing tens of thousands of long keys showed
  // up in profiles; keyed by offset alone, thousands of files with findings at the same offsets made it quadratic.
  const byFile = new Map<string, Map<number, Finding[]>>();
  return findings.filter((f) => {
    let byStart = byFile.get(f.file);
    if (!byStart) byFile.set(f.file, (byStart = new Map()));
    const same = byStart.get(f.span.start);
    if (!same) {
      byStart.set(f.span.start, [f]);
      return true;
    }
    for (const g of same) if (g.ruleId === f.ruleId && g.span.end === f.span.end && g.message === f.message) return false;
    same.push(f);
    return true;
  });
}
