// Small vocabulary shared by rule checks: describing values, building common fixes.
import type { FixSpec, FixValue } from '../fix/types';
import type { Value } from '../model/resource';

/** "is false", "is not set (AWS default: …)", "comes from var.x and is false". */
export function describe<T>(v: Value<T>, show: (x: T) => string = (x) => JSON.stringify(x)): string {
  if (v.origin === 'default') return `is not set${v.reason ? ` (${v.reason})` : ''}`;
  const shown = v.value === undefined ? 'unknown' : show(v.value);
  return v.origin === 'derived' ? `resolves to ${shown}` : `is ${shown}`;
}

/** A fix that writes `to` where the value is (or would be). Undefined when the value has no writable site. */
export function setFix<T>(v: Value<T>, to: FixValue, title: string): FixSpec | undefined {
  if (!v.site || v.origin === 'unknown') return undefined;
  return { title, actions: [{ type: 'set', site: v.site, value: to }] };
}

/** Combines several single-value fixes into one (all or nothing). */
export function combineFixes(title: string, fixes: (FixSpec | undefined)[]): FixSpec | undefined {
  if (fixes.length === 0 || fixes.some((f) => f === undefined)) return undefined;
  return { title, actions: fixes.flatMap((f) => f!.actions) };
}

/** True when the value is known and satisfies the predicate. Unknown values never satisfy anything. */
export function known<T>(v: Value<T>, pred: (x: T) => boolean): boolean {
  return v.origin !== 'unknown' && v.value !== undefined && pred(v.value);
}
