// Finding things at an offset in analysis results: the resource, the attribute, the comment under the cursor.
import { baseAddress } from '../engine/adapt/context';
import type { UnitResult } from '../engine/analyze';
import type { Comment, SourceResource } from '../engine/source';
import type { Finding, Span } from '../engine/types';
import type { Field, Val } from '../engine/evaluate/value';
import { parseDemarcDirective } from '../engine/suppress-directive';

export function contains(span: Span | undefined, file: string, offset: number): boolean {
  return !!span && span.file === file && span.start <= offset && offset <= span.end;
}

/** The innermost resource of `file` whose span holds `offset`. */
export function resourceAt(result: UnitResult, file: string, offset: number): SourceResource | undefined {
  let best: SourceResource | undefined;
  for (const r of result.sourceResources) {
    if (!contains(r.span, file, offset)) continue;
    if (!best || r.span.end - r.span.start < best.span.end - best.span.start) best = r;
  }
  return best;
}

export interface FieldHit {
  /** Attribute path from the resource body (`['versioning', 'enabled']`); list indices are left out. */
  path: string[];
  field: Field;
  /** The innermost value holding the offset (the field's value unless the cursor is inside a nested one). */
  value: Val;
  onKey: boolean;
}

/** The innermost attribute (by key span or value span) holding `offset`. */
export function fieldAt(body: Val | undefined, file: string, offset: number, path: string[] = []): FieldHit | undefined {
  if (!body) return undefined;
  if (body.kind === 'list') {
    for (const item of body.items) {
      const hit = fieldAt(item, file, offset, path);
      if (hit) return hit;
    }
    return undefined;
  }
  if (body.kind !== 'object') return undefined;
  for (const f of body.fields.values()) {
    const onKey = contains(f.keySpan, file, offset);
    const inValue = contains(f.value.span, file, offset) || containsNested(f.value, file, offset);
    if (!onKey && !inValue) continue;
    const here = [...path, f.key];
    if (!onKey) {
      const deeper = fieldAt(f.value, file, offset, here);
      if (deeper) return deeper;
    }
    return { path: here, field: f, value: f.value, onKey };
  }
  return undefined;
}

/** Blocks may have no span of their own; their fields' spans still locate them. */
function containsNested(v: Val, file: string, offset: number): boolean {
  if (v.kind === 'object' && !v.span) {
    for (const f of v.fields.values()) if (contains(f.keySpan, file, offset) || contains(f.value.span, file, offset) || containsNested(f.value, file, offset)) return true;
  }
  if (v.kind === 'list' && !v.span) return v.items.some((i) => contains(i.span, file, offset) || containsNested(i, file, offset));
  return false;
}

/** Findings reported on a resource: by address, or by location inside its block. */
export function findingsOn(result: UnitResult, r: SourceResource): Finding[] {
  return result.findings.filter(
    (f) => (f.resource !== undefined && f.resource === r.address) || (f.file === r.file && f.span.start >= r.span.start && f.span.end <= r.span.end),
  );
}

/** The resource a finding belongs to (for "suppress for this resource"). */
export function resourceOf(result: UnitResult, f: Finding): SourceResource | undefined {
  const sameFile = result.sourceResources.filter((r) => r.file === f.file);
  return (
    sameFile.find((r) => r.address === f.resource) ??
    sameFile.find((r) => f.resource !== undefined && baseAddress(r.address) === baseAddress(f.resource)) ??
    resourceAtSpan(sameFile, f.span)
  );
}

function resourceAtSpan(list: SourceResource[], span: Span): SourceResource | undefined {
  let best: SourceResource | undefined;
  for (const r of list) {
    if (r.span.start <= span.start && span.end <= r.span.end && (!best || r.span.end - r.span.start < best.span.end - best.span.start)) best = r;
  }
  return best;
}

export function commentAt(result: UnitResult, file: string, offset: number): Comment | undefined {
  return result.comments.get(file)?.find((c) => contains(c.span, file, offset));
}

export interface ParsedSuppression {
  tool: string;
  ids: string[];
  /** Why the comment is not a valid directive. */
  error?: string;
  reason?: string;
  until?: string;
}

/**
 * Reads a suppression comment for display. The engine's suppress.ts decides what is suppressed; this only names
 * what the comment says, so a hover can show it even when nothing matches (a typo in the rule id).
 */
export function parseSuppressionComment(text: string): ParsedSuppression | undefined {
  const t = text.trim();
  const demarc = /demarc:ignore\b(.*)$/.exec(t);
  if (demarc) {
    // The engine's own parser, so the hover reads the comment exactly as suppression does.
    const d = parseDemarcDirective(demarc[1]!);
    const s: ParsedSuppression = { tool: 'demarc', ids: d.ids };
    if (d.reason) s.reason = d.reason;
    if (d.until) s.until = d.until;
    if (d.error) s.error = d.error;
    return s;
  }
  let m = /checkov:skip=([\w]+)(?::(.*))?/.exec(t);
  if (m) return withReason({ tool: 'checkov', ids: [m[1]!] }, m[2]);
  m = /(tfsec|trivy):ignore:([\w-]+)(?:\[[^\]]*\])?(?::exp:(\d{4}-\d{2}-\d{2}))?/.exec(t);
  if (m) {
    const s: ParsedSuppression = { tool: m[1]!, ids: [m[2]!] };
    if (m[3]) s.until = m[3];
    return s;
  }
  m = /kics-scan\s+(ignore-line|ignore-block)/.exec(t);
  if (m) return { tool: 'kics', ids: [m[1]!] };
  return undefined;
}

function withReason(s: ParsedSuppression, reason: string | undefined): ParsedSuppression {
  if (reason?.trim()) s.reason = reason.trim();
  return s;
}
