// Small constructors and combinators over Val used throughout the Terraform evaluator.
// Two evaluator-private facts ride along on values through WeakMaps/WeakSets so value.ts stays a clean contract:
// which unknowns are *errors* (what `try`/`can` distinguish from honest unknowns), and for string literals the
// map from decoded characters back to source offsets (so `jsondecode("…")` can point inside the literal).
import type { Span } from '../../types';
import type { Field, ListVal, ObjectVal, ResourceRef, StringVal, UnknownVal, Val } from '../value';

const errorVals = new WeakSet<UnknownVal>();
const literalOffsets = new WeakMap<StringVal, number[]>();

export function str(value: string, span?: Span, origin: Val['origin'] = 'explicit'): StringVal {
  const v: StringVal = { kind: 'string', value, origin };
  if (span) v.span = span;
  return v;
}

export function num(value: number, span?: Span, origin: Val['origin'] = 'explicit'): Val {
  const v: Val = { kind: 'number', value, origin };
  if (span) v.span = span;
  return v;
}

export function bool(value: boolean, span?: Span, origin: Val['origin'] = 'explicit'): Val {
  const v: Val = { kind: 'bool', value, origin };
  if (span) v.span = span;
  return v;
}

export function nul(span?: Span, origin: Val['origin'] = 'explicit'): Val {
  const v: Val = { kind: 'null', origin };
  if (span) v.span = span;
  return v;
}

export function list(items: Val[], span?: Span, origin: Val['origin'] = 'explicit'): ListVal {
  const v: ListVal = { kind: 'list', items, origin };
  if (span) v.span = span;
  return v;
}

export function obj(fields: Map<string, Field>, span?: Span, origin: Val['origin'] = 'explicit'): ObjectVal {
  const v: ObjectVal = { kind: 'object', fields, origin };
  if (span) v.span = span;
  return v;
}

export function objFrom(entries: [string, Val][], span?: Span, origin: Val['origin'] = 'explicit'): ObjectVal {
  const m = new Map<string, Field>();
  for (const [k, v] of entries) m.set(k, { key: k, value: v });
  return obj(m, span, origin);
}

export function unknownVal(reason: string, span?: Span, refs?: ResourceRef[]): UnknownVal {
  const v: UnknownVal = { kind: 'unknown', origin: 'unknown', reason };
  if (span) v.span = span;
  if (refs && refs.length) v.refs = dedupeRefs(refs);
  return v;
}

/** An unknown that stands for an evaluation error (bad index, wrong type…): `try` skips it, `can` says false. */
export function errorVal(reason: string, span?: Span): UnknownVal {
  const v = unknownVal(reason, span);
  errorVals.add(v);
  return v;
}

export function isError(v: Val): boolean {
  return v.kind === 'unknown' && errorVals.has(v);
}

/** Combines the unknowns among `inputs` into one unknown: refs are united, error-ness is kept. */
export function unknownFrom(inputs: Val[], reason: string | undefined, span?: Span): UnknownVal {
  const refs: ResourceRef[] = [];
  let err = false;
  let firstReason: string | undefined;
  for (const i of inputs) {
    if (i.refs) refs.push(...i.refs);
    if (i.kind === 'unknown') {
      if (errorVals.has(i)) err = true;
      if (firstReason === undefined) firstReason = i.reason;
    }
  }
  const v = unknownVal(reason ?? firstReason ?? 'unknown', span, refs);
  if (err) errorVals.add(v);
  return v;
}

export function dedupeRefs(refs: ResourceRef[]): ResourceRef[] {
  const seen = new Set<string>();
  const out: ResourceRef[] = [];
  for (const r of refs) {
    const k = `${r.address}\u0000${r.attribute ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}

export function setLiteralOffsets(v: StringVal, offsets: number[]): void {
  literalOffsets.set(v, offsets);
}

export function getLiteralOffsets(v: StringVal): number[] | undefined {
  return literalOffsets.get(v);
}

/**
 * The value as seen through a reference: same content (nested values keep their own spans), but written at
 * `use` and derived, with the definition chain extended by where it came from.
 */
export function derive(v: Val, use: Span | undefined, extraVia: Span[] = []): Val {
  if (v.kind === 'unknown') {
    const u: UnknownVal = { ...v };
    if (use) u.span = use;
    if (errorVals.has(v)) errorVals.add(u);
    return u;
  }
  const via: Span[] = extraVia.length ? [...extraVia] : [];
  if (v.span && !(use && sameSpan(v.span, use))) via.push(v.span);
  if (v.via) for (const s of v.via) via.push(s);
  // Assignments only (no `delete`), so the copies keep V8's fast object shapes.
  const out = { ...v, origin: 'derived' } as Val;
  if (use) out.span = use;
  else out.span = undefined;
  out.via = via.length ? dedupeSpans(via) : undefined;
  if (v.kind === 'string') {
    const offs = literalOffsets.get(v);
    if (offs) literalOffsets.set(out as StringVal, offs);
  }
  return out;
}

/** Origin for a value computed from `inputs`: derived when any input was derived, explicit otherwise. */
export function computed<T extends Val>(v: T, span: Span | undefined, inputs: Val[]): T {
  if (span) v.span = span;
  const d = inputs.find((i) => i.origin === 'derived');
  if (d) {
    v.origin = 'derived';
    const via = [...(d.span && !(span && sameSpan(d.span, span)) ? [d.span] : []), ...(d.via ?? [])];
    if (via.length) v.via = dedupeSpans(via);
  }
  const refs: ResourceRef[] = [];
  for (const i of inputs) if (i.refs) refs.push(...i.refs);
  if (refs.length) v.refs = dedupeRefs(refs);
  return v;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}

function dedupeSpans(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  const out: Span[] = [];
  for (const s of spans) if (!out.some((o) => sameSpan(o, s))) out.push(s);
  return out;
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: Val, depth = 0): boolean {
  if (depth > 200) return true;
  if (v.kind === 'unknown') return true;
  if (v.kind === 'list') return v.items.some((i) => containsUnknown(i, depth + 1));
  if (v.kind === 'object') {
    for (const f of v.fields.values()) if (containsUnknown(f.value, depth + 1)) return true;
  }
  return false;
}

/** Every ref found anywhere inside the value. */
export function collectRefs(v: Val, out: ResourceRef[] = [], depth = 0): ResourceRef[] {
  if (depth > 200) return out;
  if (v.refs) out.push(...v.refs);
  if (v.kind === 'list') for (const i of v.items) collectRefs(i, out, depth + 1);
  else if (v.kind === 'object') for (const f of v.fields.values()) collectRefs(f.value, out, depth + 1);
  return out;
}

/** Terraform's automatic conversion of primitives to string; undefined when not convertible. */
export function asString(v: Val): string | undefined {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'number':
      return formatNumber(v.value);
    case 'bool':
      return v.value ? 'true' : 'false';
    default:
      return undefined;
  }
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(n);
}

export function asNumber(v: Val): number | undefined {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string') {
    const t = v.value.trim();
    if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function asBool(v: Val): boolean | undefined {
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'string') {
    if (v.value === 'true') return true;
    if (v.value === 'false') return false;
  }
  return undefined;
}

/** Structural equality as Terraform's `==`; undefined when unknowns make it undecidable. */
export function valEquals(a: Val, b: Val, depth = 0): boolean | undefined {
  if (depth > 200) return undefined;
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'null':
      return true;
    case 'list': {
      const bi = (b as ListVal).items;
      if (a.items.length !== bi.length) return false;
      let result: boolean | undefined = true;
      for (let i = 0; i < bi.length; i++) {
        const e = valEquals(a.items[i]!, bi[i]!, depth + 1);
        if (e === false) return false;
        if (e === undefined) result = undefined;
      }
      return result;
    }
    case 'object': {
      const bf = (b as ObjectVal).fields;
      if (a.fields.size !== bf.size) return false;
      let result: boolean | undefined = true;
      for (const [k, f] of a.fields) {
        const o = bf.get(k);
        if (!o) return false;
        const e = valEquals(f.value, o.value, depth + 1);
        if (e === false) return false;
        if (e === undefined) result = undefined;
      }
      return result;
    }
  }
}

/** JSON text for a value as Terraform's jsonencode writes it (object keys sorted); unknowns become a placeholder. */
export function toJsonText(v: Val, depth = 0): string {
  if (depth > 200) return 'null';
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
      return Number.isFinite(v.value) ? String(v.value) : 'null';
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'unknown':
      return '"${unknown}"';
    case 'list':
      return `[${v.items.map((i) => toJsonText(i, depth + 1)).join(',')}]`;
    case 'object': {
      const keys = [...v.fields.keys()].sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${toJsonText(v.fields.get(k)!.value, depth + 1)}`).join(',')}}`;
    }
  }
}

/** Shallow copy with a new span (for results of functions that pass a value through). */
export function withSpan<T extends Val>(v: T, span: Span | undefined): T {
  const out = { ...v };
  if (span) out.span = span;
  if (v.kind === 'unknown' && errorVals.has(v)) errorVals.add(out as UnknownVal);
  return out;
}

/**
 * Most elements a value may have once every shared part is counted as often as it is used. Values share structure
 * (`{ l = local.a, r = local.a }` holds local.a twice without copying it), so thirty such locals describe a billion
 * elements in a few lines; everything that walks a value (the rules, hovers, jsonencode) would then never finish.
 */
export const MAX_EXPANDED = 250_000;

const expandedSizes = new WeakMap<Val, number>();

/**
 * Elements of `v` with shared parts counted at each use, capped just above MAX_EXPANDED. Only parts of 32 elements
 * or more are remembered: smaller ones cost little to walk again, and a WeakMap entry per scalar costs the garbage
 * collector more than the walk. Work stays linear in distinct parts times 32.
 */
export function expandedSize(v: Val): number {
  let n = 1;
  if (v.kind === 'list') {
    if (v.items.length === 0) return 1;
    const hit = expandedSizes.get(v);
    if (hit !== undefined) return hit;
    for (const item of v.items) if ((n += expandedSize(item)) > MAX_EXPANDED) break;
  } else if (v.kind === 'object') {
    if (v.fields.size === 0) return 1;
    const hit = expandedSizes.get(v);
    if (hit !== undefined) return hit;
    for (const f of v.fields.values()) if ((n += expandedSize(f.value)) > MAX_EXPANDED) break;
  } else if (v.kind === 'string' && v.json) {
    n += expandedSize(v.json);
  } else return 1;
  n = Math.min(n, MAX_EXPANDED + 1);
  if (n >= 32) expandedSizes.set(v, n);
  return n;
}
