// Turning evaluated source values (Val) into model values (Value<T>) with origins, sites and defaults.
import type { Val } from '../evaluate/value';
import type { SourceResource } from '../source';
import type { Value, ValueSite } from '../model/resource';

export type Path = (string | number)[];

/** The Val at a native path in a resource body. Numbers index lists; a lone object counts as a one-item list. */
export function valAt(src: SourceResource, path: Path): Val | undefined {
  return valIn(src.body, path);
}

/** The value at `path` below `root` (the same walk as valAt, from any value). */
export function valIn(root: Val | undefined, path: Path): Val | undefined {
  let cur: Val | undefined = root;
  for (const seg of path) {
    if (!cur) return undefined;
    if (cur.kind === 'unknown') return cur;
    if (typeof seg === 'number') {
      if (cur.kind === 'list') cur = cur.items[seg];
      else if (cur.kind === 'object' && seg === 0) continue;
      else return undefined;
    } else {
      if (cur.kind === 'list' && cur.items.length === 1) cur = cur.items[0];
      if (!cur || cur.kind !== 'object') return cur?.kind === 'unknown' ? cur : undefined;
      cur = cur.fields.get(seg)?.value;
    }
  }
  return cur;
}

export interface Default<T> {
  value: T;
  /** What the default rests on: "AWS default", "provider default", "AWS default since April 2023". */
  reason: string;
}

function site(src: SourceResource, path: Path): ValueSite {
  return { resource: src, path };
}

/** A default: the attribute is absent (or null), so the provider/AWS default applies. */
export function defaultValue<T>(src: SourceResource, path: Path, d: Default<T> | undefined): Value<T> {
  const v: Value<T> = { origin: 'default', site: site(src, path) };
  if (d) {
    v.value = d.value;
    v.reason = d.reason;
  } else v.reason = 'not set';
  return v;
}

function unknownValue<T>(val: Val, src: SourceResource, path: Path, reason?: string): Value<T> {
  const v: Value<T> = { origin: 'unknown', site: site(src, path), val };
  if (val.span) v.span = val.span;
  const r = reason ?? (val.kind === 'unknown' ? val.reason : undefined);
  if (r) v.reason = r;
  if (val.refs) v.refs = val.refs;
  return v;
}

function known<T>(val: Val, value: T, src: SourceResource, path: Path): Value<T> {
  const v: Value<T> = { origin: val.origin === 'derived' ? 'derived' : 'explicit', value, site: site(src, path), val };
  if (val.span) v.span = val.span;
  if (val.via) v.via = val.via;
  if (val.refs) v.refs = val.refs;
  return v;
}

/** Booleans, accepting the strings "true"/"false" as Terraform and CloudFormation do. */
export function boolAt(src: SourceResource, path: Path, d?: Default<boolean>): Value<boolean> {
  return boolFrom(valAt(src, path), src, path, d);
}

export function boolFrom(val: Val | undefined, src: SourceResource, path: Path, d?: Default<boolean>): Value<boolean> {
  if (!val || val.kind === 'null') return defaultValue(src, path, d);
  if (val.kind === 'bool') return known(val, val.value, src, path);
  if (val.kind === 'string') {
    const s = val.value.trim().toLowerCase();
    if (s === 'true') return known(val, true, src, path);
    if (s === 'false') return known(val, false, src, path);
  }
  return unknownValue(val, src, path, val.kind === 'unknown' ? undefined : `expected a boolean, found ${describeKind(val)}`);
}

export function stringAt(src: SourceResource, path: Path, d?: Default<string>): Value<string> {
  return stringFrom(valAt(src, path), src, path, d);
}

export function stringFrom(val: Val | undefined, src: SourceResource, path: Path, d?: Default<string>): Value<string> {
  if (!val || val.kind === 'null') return defaultValue(src, path, d);
  if (val.kind === 'string') return known(val, val.value, src, path);
  if (val.kind === 'number' || val.kind === 'bool') return known(val, String(val.value), src, path);
  return unknownValue(val, src, path, val.kind === 'unknown' ? undefined : `expected a string, found ${describeKind(val)}`);
}

export function numberAt(src: SourceResource, path: Path, d?: Default<number>): Value<number> {
  return numberFrom(valAt(src, path), src, path, d);
}

export function numberFrom(val: Val | undefined, src: SourceResource, path: Path, d?: Default<number>): Value<number> {
  if (!val || val.kind === 'null') return defaultValue(src, path, d);
  if (val.kind === 'number') return known(val, val.value, src, path);
  if (val.kind === 'string' && val.value.trim() !== '' && Number.isFinite(Number(val.value))) return known(val, Number(val.value), src, path);
  return unknownValue(val, src, path, val.kind === 'unknown' ? undefined : `expected a number, found ${describeKind(val)}`);
}

/** A list of strings; a single string counts as a one-item list (IAM allows both). */
export function stringListFrom(val: Val | undefined, src: SourceResource, path: Path): Value<string>[] | Value<string[]> {
  if (!val || val.kind === 'null') return [];
  if (val.kind === 'list') return val.items.map((item, i) => stringFrom(item, src, [...path, i]));
  if (val.kind === 'string' || val.kind === 'number') return [stringFrom(val, src, path)];
  return unknownValue<string[]>(val, src, path);
}

/** Raw Val wrapped as a Value (for structures like policies). */
export function rawAt(src: SourceResource, path: Path): Value<Val> {
  const val = valAt(src, path);
  if (!val || val.kind === 'null') return defaultValue<Val>(src, path, undefined);
  if (val.kind === 'unknown') return unknownValue(val, src, path);
  return known(val, val, src, path);
}

/** Tags as a string map: Terraform `tags = { K = "v" }` or CloudFormation `Tags: [{Key, Value}]`. */
export function tagsFrom(val: Val | undefined, src: SourceResource, path: Path): Value<Record<string, string>> {
  if (!val || val.kind === 'null') return defaultValue(src, path, { value: {}, reason: 'no tags' });
  if (val.kind === 'object') {
    const out: Record<string, string> = {};
    for (const [k, f] of val.fields) {
      if (f.value.kind === 'string' || f.value.kind === 'number' || f.value.kind === 'bool') out[k] = String(f.value.value);
      else if (f.value.kind === 'unknown') out[k] = '';
    }
    return known(val, out, src, path);
  }
  if (val.kind === 'list') {
    const out: Record<string, string> = {};
    for (const item of val.items) {
      if (item.kind !== 'object') return unknownValue(val, src, path, 'tags not statically known');
      const k = item.fields.get('Key')?.value;
      const v = item.fields.get('Value')?.value;
      if (!k || k.kind !== 'string') return unknownValue(val, src, path, 'tag key not statically known');
      out[k.value] = v && (v.kind === 'string' || v.kind === 'number' || v.kind === 'bool') ? String(v.value) : '';
    }
    return known(val, out, src, path);
  }
  return unknownValue(val, src, path);
}

export function isTrue(v: Value<boolean>): boolean {
  return v.origin !== 'unknown' && v.value === true;
}

/** Known (explicit, derived or default) and equal to `x`. Unknown never matches: unknown is silent. */
export function is<T>(v: Value<T>, x: T): boolean {
  return v.origin !== 'unknown' && v.value === x;
}

export function isKnownValue<T>(v: Value<T>): v is Value<T> & { value: T } {
  return v.origin !== 'unknown' && v.value !== undefined;
}

function describeKind(v: Val): string {
  return v.kind === 'object' ? 'an object' : v.kind === 'list' ? 'a list' : `a ${v.kind}`;
}

/** A configuration block's presence as a boolean value (present → true where it is written). */
export function presence(v: Value<unknown>): Value<boolean> {
  if (v.origin === 'unknown') return { origin: 'unknown', ...(v.span ? { span: v.span } : {}), ...(v.reason ? { reason: v.reason } : {}) };
  if (v.origin === 'default') return { origin: 'default', value: false, reason: 'not configured', ...(v.site ? { site: v.site } : {}) };
  return { origin: v.origin, value: true, ...(v.span ? { span: v.span } : {}), ...(v.site ? { site: v.site } : {}) };
}
