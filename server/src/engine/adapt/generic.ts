// Fills declarative kinds (model/kind.ts) from source resources of either format.
import type { Val } from '../evaluate/value';
import type { FieldSpec, Fields, Item, KindResource, KindSpec, Path, PolicyValue } from '../model/kind';
import type { Value } from '../model/resource';
import { policyFromVal } from '../policy/document';
import type { SourceFormat, SourceResource } from '../source';
import { boolFrom, defaultValue, numberFrom, stringFrom, tagsFrom, valAt, valIn } from './values';

function pathsFor(spec: FieldSpec, format: SourceFormat): Path[] | undefined {
  const p = format === 'terraform' ? spec.terraform : spec.cloudformation;
  if (!p) return undefined;
  return Array.isArray(p[0]) ? (p as Path[]) : [p as Path];
}

/**
 * The first path that has a value, else the first path (where a fix would write); the value goes to `located`.
 * Written without a result object or closure: it runs for every field of every resource.
 */
function locate(src: SourceResource, paths: Path[], base: Path, root: Val | undefined): Path {
  // Inside an item (root given), the item object is the start; otherwise the resource body below `base`.
  const start = root ? (root.kind === 'object' ? root : undefined) : valIn(src.body, base);
  let found = paths[0]!;
  located = undefined;
  for (const p of paths) {
    const val = valIn(start, p);
    if (val !== undefined && val.kind !== 'null') {
      found = p;
      located = val;
      break;
    }
  }
  // Paths from the kind specs are shared and never mutated, so they are used as they are when there is no base.
  return base.length === 0 ? found : [...base, ...found];
}
let located: Val | undefined;

/** The field specs of a kind as entries, listed once per spec object (kind specs are module constants). */
const ENTRIES = new WeakMap<Record<string, FieldSpec>, [string, FieldSpec][]>();
function fieldEntries(fields: Record<string, FieldSpec>): [string, FieldSpec][] {
  let e = ENTRIES.get(fields);
  if (!e) ENTRIES.set(fields, (e = Object.entries(fields)));
  return e;
}

export function readField(spec: FieldSpec, src: SourceResource, base: Path = [], root?: Val): unknown {
  const paths = pathsFor(spec, src.format);
  if (!paths) {
    // Not expressible in this format: an unknown-free "default" with no site, so rules stay quiet and fixes are not offered.
    const v: Value<unknown> = { origin: 'default', reason: `not configurable in ${src.format === 'terraform' ? 'Terraform' : 'CloudFormation'}` };
    if (spec.type === 'items' || spec.type === 'strings') return { items: [], value: v };
    if (spec.type === 'policy') return { value: v as Value<Val> } satisfies PolicyValue;
    return v;
  }
  const path = locate(src, paths, base, root);
  const val = located;
  switch (spec.type) {
    case 'bool':
      return boolFrom(val, src, path, spec.defaults?.[src.format] ?? spec.default);
    case 'string':
      return stringFrom(val, src, path, spec.defaults?.[src.format] ?? spec.default);
    case 'number':
      return numberFrom(val, src, path, spec.defaults?.[src.format] ?? spec.default);
    case 'raw':
      return rawFrom(val, src, path);
    case 'strings': {
      const value = rawFrom(val, src, path);
      const items: Value<string>[] = [];
      if (val?.kind === 'list') val.items.forEach((it, i) => items.push(stringFrom(it, src, [...path, i])));
      else if (val && (val.kind === 'string' || val.kind === 'number')) items.push(stringFrom(val, src, path));
      return { items, value };
    }
    case 'policy': {
      const value = rawFrom(val, src, path);
      const pv: PolicyValue = { value };
      const doc = policyFromVal(val);
      if (doc) pv.document = doc;
      return pv;
    }
    case 'items': {
      const value = rawFrom(val, src, path);
      const list = val === undefined || val.kind === 'null' ? [] : val.kind === 'list' ? val.items : [val];
      const items: Item<Record<string, FieldSpec>>[] = [];
      list.forEach((itemVal, index) => {
        if (itemVal.kind !== 'object') return;
        const itemPath = val?.kind === 'list' ? [...path, index] : path;
        const f: Record<string, unknown> = {};
        for (const [name, sub] of fieldEntries(spec.fields)) f[name] = readField(sub, src, itemPath, itemVal);
        const item: Item<Record<string, FieldSpec>> = { site: { resource: src, path: itemPath }, index, f: f as Fields<Record<string, FieldSpec>> };
        if (itemVal.span) item.span = itemVal.span;
        items.push(item);
      });
      return { items, value };
    }
  }
}

function rawFrom(val: Val | undefined, src: SourceResource, path: Path): Value<Val> {
  if (!val || val.kind === 'null') return defaultValue<Val>(src, path, undefined);
  const v: Value<Val> = { origin: val.kind === 'unknown' ? 'unknown' : val.origin === 'derived' ? 'derived' : 'explicit', site: { resource: src, path }, val };
  if (val.kind !== 'unknown') v.value = val;
  if (val.span) v.span = val.span;
  if (val.via) v.via = val.via;
  if (val.refs) v.refs = val.refs;
  if (val.kind === 'unknown' && val.reason) v.reason = val.reason;
  return v;
}

export function readFields<F extends Record<string, FieldSpec>>(fields: F, src: SourceResource): Fields<F> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of fieldEntries(fields)) out[name] = readField(spec, src);
  return out as Fields<F>;
}

export function readTags(spec: KindSpec['tags'], src: SourceResource): Value<Record<string, string>> {
  const path = src.format === 'terraform' ? (spec?.terraform ?? ['tags']) : (spec?.cloudformation ?? ['Tags']);
  return tagsFrom(valAt(src, path), src, path);
}

/** Builds a resource of a declarative kind from one source resource. */
export function buildKind<F extends Record<string, FieldSpec>>(spec: KindSpec<F>, src: SourceResource): KindResource<F> {
  return {
    kind: spec.kind,
    address: src.address,
    source: src,
    parts: [],
    tags: readTags(spec.tags, src),
    f: readFields(spec.fields, src),
  };
}
