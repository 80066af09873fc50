// Terraform's built-in functions over Val, the subset that matters for reading security settings statically.
// Each function gets already-evaluated arguments (try/can are lazy and live in the expression evaluator).
// Wrong argument types never throw: they yield an error-unknown, which `try` skips and rules stay silent on.
import type { Span } from '../../types';
import type { Field, ObjectVal, StringVal, Val } from '../value';
import { looksLikeJsonObject, parseJsonToVal } from './json';
import {
  asBool,
  asNumber,
  asString,
  collectRefs,
  computed,
  containsUnknown,
  derive,
  errorVal,
  getLiteralOffsets,
  list,
  num,
  obj,
  str,
  toJsonText,
  unknownFrom,
  unknownVal,
  valEquals,
  bool,
} from './vals';

export interface FunctionContext {
  /** The whole call expression. */
  span: Span;
  /** Reads a file for file()/templatefile(); the string is an error message when it cannot. */
  readFile(path: string): { path: string; text: string } | string;
  /** Renders a template text with the given variables (templatefile). */
  renderTemplate(text: string, vars: ObjectVal, path: string): Val;
}

type Impl = (args: Val[], ctx: FunctionContext) => Val;

/** Names the evaluator knows; anything else is unknown "function f is not evaluated". */
export function isKnownFunction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

export function callFunction(name: string, args: Val[], ctx: FunctionContext): Val {
  const impl = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!impl) return unknownVal(`function ${name} is not evaluated`, ctx.span, collectRefs(list(args)));
  try {
    return bounded(impl(args, ctx), name, ctx);
  } catch (e) {
    return errorVal(`${name}: ${e instanceof Error ? e.message : String(e)}`, ctx.span);
  }
}

// ---- helpers ----

/** Strings and lists that double through chains of locals could exhaust memory; past these sizes, unknown. */
export const MAX_STRING = 1 << 20;
export const MAX_LIST = 100_000;

function bounded(v: Val, name: string, ctx: FunctionContext): Val {
  if (v.kind === 'string' && v.value.length > MAX_STRING) return errorVal(`${name}: result is too large to evaluate`, ctx.span);
  if (v.kind === 'list' && v.items.length > MAX_LIST) return errorVal(`${name}: result is too large to evaluate`, ctx.span);
  return v;
}

/** Any top-level argument unknown → the call is unknown (as in Terraform). */
function anyUnknown(args: Val[], ctx: FunctionContext): Val | undefined {
  if (args.some((a) => a.kind === 'unknown')) return unknownFrom(args, undefined, ctx.span);
  return undefined;
}

function bad(name: string, what: string, ctx: FunctionContext): Val {
  return errorVal(`${name}: ${what}`, ctx.span);
}

/**
 * A value taken out of an argument: kept as is when it was written literally inside this call
 * (a fix can still edit it), otherwise seen through the call like a reference.
 */
function passThrough(v: Val, ctx: FunctionContext): Val {
  if (v.origin === 'explicit' && v.span && v.span.file === ctx.span.file && v.span.start >= ctx.span.start && v.span.end <= ctx.span.end) return v;
  return derive(v, ctx.span);
}

function seq(v: Val): Val[] | undefined {
  if (v.kind === 'list') return v.items;
  return undefined;
}

function strArg(v: Val | undefined): string | undefined {
  return v === undefined ? undefined : asString(v);
}

function arity(name: string, args: Val[], min: number, max: number, ctx: FunctionContext): Val | undefined {
  if (args.length < min || args.length > max) return bad(name, `expects ${min === max ? min : `${min}–${max}`} arguments, got ${args.length}`, ctx);
  return undefined;
}

function stringFn(name: string, f: (s: string, rest: Val[]) => string | Val | undefined): Impl {
  return (args, ctx) => {
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const s = args[0] && asString(args[0]);
    if (s === undefined) return bad(name, 'expects a string', ctx);
    const r = f(s, args.slice(1));
    if (r === undefined) return bad(name, 'invalid arguments', ctx);
    if (typeof r === 'string') return computed(str(r), ctx.span, args);
    return r;
  };
}

function distinctVals(items: Val[]): Val[] {
  const out: Val[] = [];
  for (const i of items) if (!out.some((o) => valEquals(o, i) === true)) out.push(i);
  return out;
}

function formatValue(verb: string, v: Val): string | undefined {
  switch (verb) {
    case 's':
      return asString(v);
    case 'd': {
      const n = asNumber(v);
      return n === undefined || !Number.isInteger(n) ? undefined : String(n);
    }
    case 'f': {
      const n = asNumber(v);
      return n === undefined ? undefined : n.toFixed(6);
    }
    case 't': {
      const b = asBool(v);
      return b === undefined ? undefined : String(b);
    }
    case 'q': {
      const s = asString(v);
      return s === undefined ? undefined : JSON.stringify(s);
    }
    case 'v':
      return asString(v) ?? toJsonText(v);
    case '#v':
      return toJsonText(v);
    default:
      return undefined;
  }
}

function jsonStringVal(text: string, structure: Val | undefined, ctx: FunctionContext, inputs: Val[]): StringVal {
  const s = computed(str(text), ctx.span, inputs);
  if (structure) s.json = structure;
  return s;
}

// ---- the library ----

const FUNCTIONS: Record<string, Impl> = {
  merge(args, ctx) {
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const fields = new Map<string, Field>();
    for (const a of args) {
      if (a.kind === 'null') continue;
      if (a.kind !== 'object') return bad('merge', 'arguments must be maps or objects', ctx);
      for (const [k, f] of a.fields) {
        fields.delete(k);
        fields.set(k, f);
      }
    }
    return computed(obj(fields), ctx.span, args);
  },

  concat(args, ctx) {
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const items: Val[] = [];
    for (const a of args) {
      const s = seq(a);
      if (!s) return bad('concat', 'arguments must be lists', ctx);
      items.push(...s);
    }
    return computed(list(items), ctx.span, args);
  },

  lookup(args, ctx) {
    const e = arity('lookup', args, 2, 3, ctx);
    if (e) return e;
    const [m, k, d] = args as [Val, Val, Val | undefined];
    if (m.kind === 'unknown' || k.kind === 'unknown') return unknownFrom([m, k], undefined, ctx.span);
    if (m.kind !== 'object') return bad('lookup', 'first argument must be a map', ctx);
    const key = asString(k);
    if (key === undefined) return bad('lookup', 'key must be a string', ctx);
    const f = m.fields.get(key);
    if (f) return passThrough(f.value, ctx);
    if (d) return passThrough(d, ctx);
    return bad('lookup', `no key "${key}"`, ctx);
  },

  coalesce(args, ctx) {
    for (const a of args) {
      if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
      if (a.kind === 'null') continue;
      if (a.kind === 'string' && a.value === '') continue;
      return passThrough(a, ctx);
    }
    return bad('coalesce', 'no non-null, non-empty argument', ctx);
  },

  coalescelist(args, ctx) {
    for (const a of args) {
      if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
      const s = seq(a);
      if (!s) return bad('coalescelist', 'arguments must be lists', ctx);
      if (s.length) return passThrough(a, ctx);
    }
    return bad('coalescelist', 'no non-empty list', ctx);
  },

  format(args, ctx) {
    if (args.length === 0) return bad('format', 'needs a format string', ctx);
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const f = asString(args[0]!);
    if (f === undefined) return bad('format', 'format must be a string', ctx);
    let out = '';
    let next = 1;
    for (let i = 0; i < f.length; i++) {
      const c = f[i];
      if (c !== '%') {
        out += c;
        continue;
      }
      let verb = f[++i];
      if (verb === '%') {
        out += '%';
        continue;
      }
      if (verb === '#') verb = '#' + (f[++i] ?? '');
      const v = args[next++];
      if (!v || verb === undefined) return bad('format', 'not enough arguments for the format', ctx);
      if (containsUnknown(v)) return unknownFrom([v], undefined, ctx.span);
      const s = formatValue(verb, v);
      if (s === undefined) return bad('format', `cannot format with %${verb}`, ctx);
      out += s;
    }
    return computed(str(out), ctx.span, args);
  },

  join(args, ctx) {
    const e = arity('join', args, 2, Infinity, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const sep = asString(args[0]!);
    if (sep === undefined) return bad('join', 'separator must be a string', ctx);
    const parts: string[] = [];
    for (const a of args.slice(1)) {
      const s = seq(a);
      if (!s) return bad('join', 'expects lists of strings', ctx);
      for (const i of s) {
        if (i.kind === 'unknown') return unknownFrom([i], undefined, ctx.span);
        const t = asString(i);
        if (t === undefined) return bad('join', 'list elements must be strings', ctx);
        parts.push(t);
      }
    }
    return computed(str(parts.join(sep)), ctx.span, args);
  },

  split(args, ctx) {
    const e = arity('split', args, 2, 2, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const sep = asString(args[0]!);
    const s = asString(args[1]!);
    if (sep === undefined || s === undefined) return bad('split', 'expects strings', ctx);
    const parts = s === '' ? [''] : s.split(sep);
    return computed(list(parts.map((p) => computed(str(p), ctx.span, args))), ctx.span, args);
  },

  lower: stringFn('lower', (s) => s.toLowerCase()),
  upper: stringFn('upper', (s) => s.toUpperCase()),
  trimspace: stringFn('trimspace', (s) => s.trim()),
  title: stringFn('title', (s) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase())),
  chomp: stringFn('chomp', (s) => s.replace(/(\r\n|\n|\r)+$/, '')),
  trimprefix: stringFn('trimprefix', (s, [p]) => {
    const pre = strArg(p);
    if (pre === undefined) return undefined;
    return s.startsWith(pre) ? s.slice(pre.length) : s;
  }),
  trimsuffix: stringFn('trimsuffix', (s, [p]) => {
    const suf = strArg(p);
    if (suf === undefined) return undefined;
    return suf !== '' && s.endsWith(suf) ? s.slice(0, -suf.length) : s;
  }),
  startswith(args, ctx) {
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const [a, b] = [strArg(args[0]), strArg(args[1])];
    if (a === undefined || b === undefined) return bad('startswith', 'expects strings', ctx);
    return computed(bool(a.startsWith(b)), ctx.span, args);
  },
  endswith(args, ctx) {
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const [a, b] = [strArg(args[0]), strArg(args[1])];
    if (a === undefined || b === undefined) return bad('endswith', 'expects strings', ctx);
    return computed(bool(a.endsWith(b)), ctx.span, args);
  },

  replace: stringFn('replace', (s, [a, b]) => {
    const from = strArg(a);
    const to = strArg(b);
    if (from === undefined || to === undefined) return undefined;
    // `/re/` patterns use Go's RE2 syntax; close enough to JavaScript's for the common cases, otherwise unknown.
    if (from.length >= 2 && from.startsWith('/') && from.endsWith('/')) {
      try {
        const re = new RegExp(from.slice(1, -1), 'g');
        return s.replace(re, to.replace(/\$\{?(\d+)\}?/g, '$$$1'));
      } catch {
        return undefined;
      }
    }
    if (from === '') return undefined;
    return s.split(from).join(to);
  }),

  substr: stringFn('substr', (s, [o, l]) => {
    const off = o && asNumber(o);
    const len = l && asNumber(l);
    if (off === undefined || len === undefined || !Number.isInteger(off) || !Number.isInteger(len)) return undefined;
    const chars = [...s];
    let start = off < 0 ? chars.length + off : off;
    if (start < 0 || start > chars.length) return undefined;
    start = Math.max(0, start);
    const end = len < 0 ? chars.length : Math.min(chars.length, start + len);
    return chars.slice(start, end).join('');
  }),

  length(args, ctx) {
    const e = arity('length', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    if (a.kind === 'list') return computed(num(a.items.length), ctx.span, args);
    if (a.kind === 'object') return computed(num(a.fields.size), ctx.span, args);
    if (a.kind === 'string') return computed(num([...a.value].length), ctx.span, args);
    return bad('length', 'expects a collection or string', ctx);
  },

  element(args, ctx) {
    const e = arity('element', args, 2, 2, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const s = seq(args[0]!);
    const i = asNumber(args[1]!);
    if (!s || i === undefined || !Number.isInteger(i)) return bad('element', 'expects a list and an integer index', ctx);
    if (s.length === 0) return bad('element', 'cannot use element on an empty list', ctx);
    if (i < 0) return bad('element', 'index must not be negative', ctx);
    return passThrough(s[i % s.length]!, ctx);
  },

  keys(args, ctx) {
    const e = arity('keys', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    if (a.kind !== 'object') return bad('keys', 'expects a map', ctx);
    const ks = [...a.fields.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    return computed(list(ks.map((f) => str(f.key, f.keySpan ?? ctx.span, a.origin === 'derived' ? 'derived' : 'explicit'))), ctx.span, args);
  },

  values(args, ctx) {
    const e = arity('values', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    if (a.kind !== 'object') return bad('values', 'expects a map', ctx);
    const fs = [...a.fields.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    return computed(list(fs.map((f) => f.value)), ctx.span, args);
  },

  contains(args, ctx) {
    const e = arity('contains', args, 2, 2, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const s = seq(args[0]!);
    if (!s) return bad('contains', 'first argument must be a list or set', ctx);
    let undecided = false;
    for (const i of s) {
      const eq = valEquals(i, args[1]!);
      if (eq === true) return computed(bool(true), ctx.span, args);
      if (eq === undefined) undecided = true;
    }
    if (undecided) return unknownFrom([...s, args[1]!], undefined, ctx.span);
    return computed(bool(false), ctx.span, args);
  },

  distinct(args, ctx) {
    const e = arity('distinct', args, 1, 1, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const s = seq(args[0]!);
    if (!s) return bad('distinct', 'expects a list', ctx);
    if (s.some((i) => containsUnknown(i))) return unknownFrom(s, undefined, ctx.span);
    return computed(list(distinctVals(s)), ctx.span, args);
  },

  flatten(args, ctx) {
    const e = arity('flatten', args, 1, 1, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const out: Val[] = [];
    let unknownInside: Val | undefined;
    const walk = (v: Val, depth: number): boolean => {
      if (depth > 100) return false;
      if (v.kind === 'list') {
        for (const i of v.items) if (!walk(i, depth + 1)) return false;
        return true;
      }
      if (v.kind === 'unknown') {
        unknownInside = v;
        return true;
      }
      out.push(v);
      return true;
    };
    const s = seq(args[0]!);
    if (!s) return bad('flatten', 'expects a list', ctx);
    if (!walk(args[0]!, 0)) return bad('flatten', 'nested too deep', ctx);
    if (unknownInside) return unknownFrom([unknownInside], undefined, ctx.span);
    return computed(list(out), ctx.span, args);
  },

  tolist(args, ctx) {
    const e = arity('tolist', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    if (a.kind !== 'list') return bad('tolist', 'expects a list or set', ctx);
    return passThrough(a, ctx);
  },

  toset(args, ctx) {
    const e = arity('toset', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    if (a.kind !== 'list') return bad('toset', 'expects a list or set', ctx);
    if (a.items.some((i) => i.kind === 'unknown')) return computed(list(a.items), ctx.span, args);
    // Terraform orders sets of strings lexically; keep that so for_each keys and indexes agree.
    const items = distinctVals(a.items);
    if (items.every((i) => i.kind === 'string')) items.sort((x, y) => ((x as StringVal).value < (y as StringVal).value ? -1 : (x as StringVal).value > (y as StringVal).value ? 1 : 0));
    return computed(list(items), ctx.span, args);
  },

  tomap(args, ctx) {
    const e = arity('tomap', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    if (a.kind !== 'object') return bad('tomap', 'expects an object or map', ctx);
    return passThrough(a, ctx);
  },

  tostring(args, ctx) {
    const e = arity('tostring', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    if (a.kind === 'null') return passThrough(a, ctx);
    const s = asString(a);
    if (s === undefined) return bad('tostring', 'cannot convert a collection to a string', ctx);
    if (a.kind === 'string') return passThrough(a, ctx);
    return computed(str(s), ctx.span, args);
  },

  tonumber(args, ctx) {
    const e = arity('tonumber', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    if (a.kind === 'null') return passThrough(a, ctx);
    const n = asNumber(a);
    if (n === undefined) return bad('tonumber', 'not a number', ctx);
    if (a.kind === 'number') return passThrough(a, ctx);
    return computed(num(n), ctx.span, args);
  },

  tobool(args, ctx) {
    const e = arity('tobool', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    if (a.kind === 'null') return passThrough(a, ctx);
    const b = asBool(a);
    if (b === undefined) return bad('tobool', 'not a bool', ctx);
    if (a.kind === 'bool') return passThrough(a, ctx);
    return computed(bool(b), ctx.span, args);
  },

  jsonencode(args, ctx) {
    const e = arity('jsonencode', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    // Unknown parts stay unknown inside `json` (rules stay silent on them) while the known parts keep their
    // spans: a policy with `Resource = aws_s3_bucket.b.arn` is still readable statement by statement.
    const s = jsonStringVal(toJsonText(a), a, ctx, [a]);
    const refs = collectRefs(a);
    if (refs.length) s.refs = refs;
    return s;
  },

  jsondecode(args, ctx) {
    const e = arity('jsondecode', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    if (a.kind !== 'string') return bad('jsondecode', 'expects a string', ctx);
    const offsets = getLiteralOffsets(a);
    const inside = offsets && a.span ? parseJsonToVal(a.value, { file: a.span.file, offsets }, a.origin === 'derived' ? 'derived' : 'explicit') : undefined;
    if (inside) return inside.span && a.origin === 'explicit' ? inside : derive(inside, ctx.span);
    const parsed = parseJsonToVal(a.value, { file: ctx.span.file, whole: ctx.span }, 'derived');
    if (!parsed) return bad('jsondecode', 'invalid JSON', ctx);
    return computed(parsed, ctx.span, [a]);
  },

  file(args, ctx) {
    const e = arity('file', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    const p = asString(a);
    if (p === undefined) return bad('file', 'expects a path', ctx);
    const r = ctx.readFile(p);
    if (typeof r === 'string') return unknownVal(`file("${p}"): ${r}`, ctx.span);
    const s = str(r.text, ctx.span, 'derived');
    if (looksLikeJsonObject(r.text)) {
      const j = parseJsonToVal(r.text, { file: ctx.span.file, whole: ctx.span }, 'derived');
      if (j) s.json = j;
    }
    return s;
  },

  templatefile(args, ctx) {
    const e = arity('templatefile', args, 2, 2, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const p = asString(args[0]!);
    const vars = args[1]!;
    if (p === undefined || vars.kind !== 'object') return bad('templatefile', 'expects a path and a map of variables', ctx);
    const r = ctx.readFile(p);
    if (typeof r === 'string') return unknownVal(`templatefile("${p}"): ${r}`, ctx.span);
    const v = ctx.renderTemplate(r.text, vars, r.path);
    if (v.kind !== 'string') return v;
    const s = str(v.value, ctx.span, 'derived');
    if (looksLikeJsonObject(v.value)) {
      const j = parseJsonToVal(v.value, { file: ctx.span.file, whole: ctx.span }, 'derived');
      if (j) s.json = j;
    }
    return s;
  },

  min: numericFold('min', Math.min),
  max: numericFold('max', Math.max),

  abs(args, ctx) {
    const e = arity('abs', args, 1, 1, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const n = asNumber(args[0]!);
    if (n === undefined) return bad('abs', 'expects a number', ctx);
    return computed(num(Math.abs(n)), ctx.span, args);
  },

  cidrsubnet(args, ctx) {
    const e = arity('cidrsubnet', args, 3, 3, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const prefix = asString(args[0]!);
    const newbits = asNumber(args[1]!);
    const netnum = asNumber(args[2]!);
    const m = prefix && /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(prefix);
    if (!m || newbits === undefined || netnum === undefined) return unknownVal('cidrsubnet is only evaluated for IPv4 prefixes', ctx.span);
    const octets = m.slice(1, 5).map(Number);
    const len = Number(m[5]);
    if (octets.some((o) => o > 255) || len > 32 || len + newbits > 32 || newbits < 0 || netnum < 0 || netnum >= 2 ** newbits) return bad('cidrsubnet', 'prefix out of range', ctx);
    const base = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!;
    const newLen = len + newbits;
    const mask = newLen === 0 ? 0 : (0xffffffff << (32 - newLen)) >>> 0;
    const addr = (((base & mask) >>> 0) + netnum * 2 ** (32 - newLen)) >>> 0;
    const text = `${addr >>> 24}.${(addr >>> 16) & 255}.${(addr >>> 8) & 255}.${addr & 255}/${newLen}`;
    return computed(str(text), ctx.span, args);
  },

  compact(args, ctx) {
    const e = arity('compact', args, 1, 1, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const s = seq(args[0]!);
    if (!s) return bad('compact', 'expects a list of strings', ctx);
    if (s.some((i) => i.kind === 'unknown')) return unknownFrom(s, undefined, ctx.span);
    return computed(list(s.filter((i) => !(i.kind === 'null' || (i.kind === 'string' && i.value === '')))), ctx.span, args);
  },

  one(args, ctx) {
    const e = arity('one', args, 1, 1, ctx);
    if (e) return e;
    const a = args[0]!;
    if (a.kind === 'unknown') return unknownFrom([a], undefined, ctx.span);
    if (a.kind === 'null') return passThrough(a, ctx);
    const s = seq(a);
    if (!s || s.length > 1) return bad('one', 'expects a list with at most one element', ctx);
    return s.length ? passThrough(s[0]!, ctx) : computed(nullVal(), ctx.span, args);
  },

  range(args, ctx) {
    const e = arity('range', args, 1, 3, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const ns = args.map(asNumber);
    if (ns.some((n) => n === undefined)) return bad('range', 'expects numbers', ctx);
    const [a, b, c] = ns as number[];
    const [start, end, step] = args.length === 1 ? [0, a!, 1] : [a!, b!, c ?? (a! <= b! ? 1 : -1)];
    if (step === 0 || (step > 0 && start > end) || (step < 0 && start < end)) return bad('range', 'step does not lead to the end', ctx);
    const count = Math.ceil((end - start) / step);
    if (count > MAX_LIST) return bad('range', 'result is too large to evaluate', ctx);
    const items: Val[] = [];
    for (let i = 0; i < count; i++) items.push(num(start + i * step));
    return computed(list(items), ctx.span, args);
  },

  slice(args, ctx) {
    const e = arity('slice', args, 3, 3, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const s = seq(args[0]!);
    const from = asNumber(args[1]!);
    const to = asNumber(args[2]!);
    if (!s || from === undefined || to === undefined || from < 0 || to > s.length || from > to) return bad('slice', 'indexes out of range', ctx);
    return computed(list(s.slice(from, to)), ctx.span, args);
  },

  sort(args, ctx) {
    const e = arity('sort', args, 1, 1, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const s = seq(args[0]!);
    if (!s) return bad('sort', 'expects a list of strings', ctx);
    if (s.some((i) => i.kind === 'unknown')) return unknownFrom(s, undefined, ctx.span);
    const keyed = s.map((i) => [asString(i), i] as const);
    if (keyed.some(([k]) => k === undefined)) return bad('sort', 'expects a list of strings', ctx);
    keyed.sort((x, y) => (x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : 0));
    return computed(list(keyed.map(([, v]) => v)), ctx.span, args);
  },

  reverse(args, ctx) {
    const e = arity('reverse', args, 1, 1, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const s = seq(args[0]!);
    if (!s) return bad('reverse', 'expects a list', ctx);
    return computed(list([...s].reverse()), ctx.span, args);
  },

  index(args, ctx) {
    const e = arity('index', args, 2, 2, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const s = seq(args[0]!);
    if (!s) return bad('index', 'expects a list', ctx);
    for (let i = 0; i < s.length; i++) {
      const eq = valEquals(s[i]!, args[1]!);
      if (eq === undefined) return unknownFrom([...s, args[1]!], undefined, ctx.span);
      if (eq) return computed(num(i), ctx.span, args);
    }
    return bad('index', 'element not found', ctx);
  },

  zipmap(args, ctx) {
    const e = arity('zipmap', args, 2, 2, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const ks = seq(args[0]!);
    const vs = seq(args[1]!);
    if (!ks || !vs || ks.length !== vs.length) return bad('zipmap', 'expects two lists of the same length', ctx);
    const fields = new Map<string, Field>();
    for (let i = 0; i < ks.length; i++) {
      if (ks[i]!.kind === 'unknown') return unknownFrom([ks[i]!], undefined, ctx.span);
      const k = asString(ks[i]!);
      if (k === undefined) return bad('zipmap', 'keys must be strings', ctx);
      const f: Field = { key: k, value: vs[i]! };
      if (ks[i]!.span) f.keySpan = ks[i]!.span;
      fields.set(k, f);
    }
    return computed(obj(fields), ctx.span, args);
  },

  sum(args, ctx) {
    const e = arity('sum', args, 1, 1, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const s = seq(args[0]!);
    if (!s || s.length === 0) return bad('sum', 'expects a non-empty list of numbers', ctx);
    if (s.some((i) => i.kind === 'unknown')) return unknownFrom(s, undefined, ctx.span);
    let total = 0;
    for (const i of s) {
      const n = asNumber(i);
      if (n === undefined) return bad('sum', 'expects numbers', ctx);
      total += n;
    }
    return computed(num(total), ctx.span, args);
  },

  alltrue: boolFold('alltrue', true),
  anytrue: boolFold('anytrue', false),
  ceil: numericMap('ceil', Math.ceil),
  floor: numericMap('floor', Math.floor),
  signum: numericMap('signum', Math.sign),

  base64encode: stringFn('base64encode', (s) => Buffer.from(s, 'utf8').toString('base64')),
  base64decode: stringFn('base64decode', (s) => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return undefined;
    return Buffer.from(s, 'base64').toString('utf8');
  }),
  trim: stringFn('trim', (s, [c]) => {
    const chars = strArg(c);
    if (chars === undefined) return undefined;
    let a = 0;
    let b = s.length;
    while (a < b && chars.includes(s[a]!)) a++;
    while (b > a && chars.includes(s[b - 1]!)) b--;
    return s.slice(a, b);
  }),
  strrev: stringFn('strrev', (s) => [...s].reverse().join('')),

  setunion: setOp('setunion', (sets) => sets.flat()),
  setintersection: setOp('setintersection', (sets) => sets[0]!.filter((v) => sets.every((s) => s.some((o) => valEquals(o, v) === true)))),
  setsubtract: setOp('setsubtract', (sets) => sets[0]!.filter((v) => !sets.slice(1).some((s) => s.some((o) => valEquals(o, v) === true)))),

  nonsensitive: passFirst('nonsensitive'),
  sensitive: passFirst('sensitive'),
};

function passFirst(name: string): Impl {
  return (args, ctx) => {
    const e = arity(name, args, 1, 1, ctx);
    if (e) return e;
    return passThrough(args[0]!, ctx);
  };
}

function nullVal(): Val {
  return { kind: 'null', origin: 'explicit' };
}

function boolFold(name: string, all: boolean): Impl {
  return (args, ctx) => {
    const e = arity(name, args, 1, 1, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const s = seq(args[0]!);
    if (!s) return bad(name, 'expects a list of bools', ctx);
    let undecided = false;
    for (const i of s) {
      if (i.kind === 'unknown') {
        undecided = true;
        continue;
      }
      const b = asBool(i);
      if (b === undefined) return bad(name, 'expects bools', ctx);
      if (b !== all) return computed(bool(!all), ctx.span, args);
    }
    if (undecided) return unknownFrom(s, undefined, ctx.span);
    return computed(bool(all), ctx.span, args);
  };
}

function numericMap(name: string, f: (n: number) => number): Impl {
  return (args, ctx) => {
    const e = arity(name, args, 1, 1, ctx);
    if (e) return e;
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const n = asNumber(args[0]!);
    if (n === undefined) return bad(name, 'expects a number', ctx);
    return computed(num(f(n)), ctx.span, args);
  };
}

function setOp(name: string, f: (sets: Val[][]) => Val[]): Impl {
  return (args, ctx) => {
    if (args.length === 0) return bad(name, 'needs at least one set', ctx);
    const u = anyUnknown(args, ctx);
    if (u) return u;
    const sets: Val[][] = [];
    for (const a of args) {
      const s = seq(a);
      if (!s) return bad(name, 'expects sets', ctx);
      if (s.some((i) => containsUnknown(i))) return unknownFrom(s, undefined, ctx.span);
      sets.push(s);
    }
    return computed(list(distinctVals(f(sets))), ctx.span, args);
  };
}

function numericFold(name: string, f: (a: number, b: number) => number): Impl {
  return (args, ctx) => {
    if (args.length === 0) return bad(name, 'needs at least one number', ctx);
    const u = anyUnknown(args, ctx);
    if (u) return u;
    let acc: number | undefined;
    for (const a of args) {
      const n = asNumber(a);
      if (n === undefined) return bad(name, 'expects numbers', ctx);
      acc = acc === undefined ? n : f(acc, n);
    }
    return computed(num(acc!), ctx.span, args);
  };
}
