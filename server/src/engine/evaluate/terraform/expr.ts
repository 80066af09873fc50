// Expression evaluation: HCL syntax tree → Val, in a scope (module, file, iteration variables).
// Module-level names (var, local, module, data, resources) are resolved through the `ModuleScope` interface
// that module.ts implements, so this file knows expressions and nothing about folders or files on disk.
import type * as A from '../../parse/hcl/ast';
import type { Span } from '../../types';
import type { Field, ObjectVal, StringVal, Val } from '../value';
import { callFunction, MAX_STRING } from './functions';
import { alignedOffsets, looksLikeJsonObject, parseJsonToVal, quotedOffsets } from './json';
import {
  asBool,
  asNumber,
  asString,
  bool,
  computed,
  derive,
  errorVal,
  isError,
  list,
  num,
  obj,
  setLiteralOffsets,
  str,
  unknownFrom,
  unknownVal,
  valEquals,
  withSpan,
} from './vals';

/** What an expression can see of its module. */
export interface ModuleScope {
  /** `var.<name>`: the value as defined (definition spans), not yet seen through the reference. */
  variable(name: string, use: Span): Val;
  local(name: string, use: Span): Val;
  /** `module.<name>.<output>`. */
  moduleOutput(name: string, output: string, use: Span): Val;
  /** A resource (`data` = false) or data source attribute; `steps` start after the name label. */
  resourceRef(isData: boolean, type: string, name: string, steps: Step[], scope: Scope, use: Span): Val;
  /** Absolute module folder (path.module) and root folder (path.root). */
  dir: string;
  rootDir: string;
  textOf(file: string): string | undefined;
  readFile(path: string): { path: string; text: string } | string;
  renderTemplate(text: string, vars: ObjectVal, path: string): Val;
  /** Takes `n` iterations from the analysis-wide budget; false (after one warning at `span`) once it is spent. */
  spend(n: number, span: Span): boolean;
}

export interface Scope {
  mod: ModuleScope;
  file: string;
  /** for-expression, dynamic-block iterator and templatefile variables. */
  vars?: Map<string, Val>;
  count?: Val;
  each?: { key: Val; value: Val };
}

export type Step = { kind: 'attr'; name: string; node: A.Node } | { kind: 'index'; key: A.Expr; node: A.Node };

const MAX_DEPTH = 300;
const MAX_ITEMS = 10000;

export function spanOf(scope: Scope, n: A.Node): Span {
  return { file: scope.file, start: n.start, end: n.end };
}

export function childScope(scope: Scope, vars: Map<string, Val>): Scope {
  const merged = new Map(scope.vars ?? []);
  for (const [k, v] of vars) merged.set(k, v);
  return { ...scope, vars: merged };
}

let depth = 0;

export function evaluate(e: A.Expr, scope: Scope): Val {
  if (depth > MAX_DEPTH) return errorVal('expression nested too deep', spanOf(scope, e));
  depth++;
  try {
    return evalInner(e, scope);
  } finally {
    depth--;
  }
}

function evalInner(e: A.Expr, scope: Scope): Val {
  const span = spanOf(scope, e);
  switch (e.type) {
    case 'Literal':
      if (e.value === null) return { kind: 'null', origin: 'explicit', span };
      if (typeof e.value === 'number') return num(e.value, span);
      return bool(e.value, span);
    case 'Template':
      return evalTemplate(e, scope);
    case 'Variable':
    case 'GetAttr':
    case 'Index':
      return evalTraversal(e, scope);
    case 'Splat':
      return evalSplat(e, scope);
    case 'Tuple': {
      const items: Val[] = [];
      for (const i of e.items) items.push(evaluate(i, scope));
      return list(items, span);
    }
    case 'Object':
      return evalObject(e, scope);
    case 'Call':
      return evalCall(e, scope);
    case 'Conditional': {
      const c = evaluate(e.cond, scope);
      if (c.kind === 'unknown') return unknownFrom([c], undefined, span);
      const b = asBool(c);
      if (b === undefined) return errorVal('condition is not a bool', span);
      const chosen = evaluate(b ? e.then : e.else, scope);
      // Chosen by a variable or local: the value depends on more than the literal in the branch.
      return c.origin === 'derived' && chosen.kind !== 'unknown' ? derive(chosen, span) : chosen;
    }
    case 'Unary': {
      const v = evaluate(e.operand, scope);
      if (v.kind === 'unknown') return unknownFrom([v], undefined, span);
      if (e.op === '!') {
        const b = asBool(v);
        return b === undefined ? errorVal('! needs a bool', span) : computed(bool(!b), span, [v]);
      }
      const n = asNumber(v);
      return n === undefined ? errorVal('- needs a number', span) : computed(num(-n), span, [v]);
    }
    case 'Binary':
      return evalBinary(e, scope);
    case 'For':
      return evalFor(e, scope);
    case 'Parens':
      return evaluate(e.expr, scope);
    case 'Invalid':
      return errorVal('syntax error', span);
    default:
      return errorVal('unsupported expression', span);
  }
}

// ---- templates ----

function evalTemplate(t: A.TemplateExpr, scope: Scope): Val {
  const span = spanOf(scope, t);
  if (t.parts.every((p) => p.type === 'Text')) return literalString(t, t.parts as A.TemplateText[], scope);
  if (t.parts.length === 1 && t.parts[0]!.type === 'Interp') {
    // `"${x}"` is x itself, not its string form (HCL).
    const v = evaluate(t.parts[0]!.expr, scope);
    return v.origin === 'explicit' ? v : withSpan(v, span);
  }
  const acc: Render = { text: '', offs: [], inputs: [], holes: [], fatal: [], heredoc: !!t.heredoc, source: scope.mod.textOf(scope.file) };
  renderParts(t.parts, scope, acc);
  if (acc.fatal.length) return unknownFrom([...acc.fatal, ...acc.holes], undefined, span);
  const offsets = acc.offs && acc.offs.length === acc.text.length ? [...acc.offs, t.contentEnd] : undefined;
  const map = offsets ? { file: scope.file, offsets } : { file: scope.file, whole: span };
  if (!acc.holes.length) {
    const s = computed(str(acc.text), span, acc.inputs);
    if (looksLikeJsonObject(acc.text)) {
      const j = parseJsonToVal(acc.text, map, s.origin);
      if (j) s.json = j;
    }
    return s;
  }
  // A JSON document with references inside (`"Resource": "${aws_s3_bucket.b.arn}/*"`, the usual heredoc policy):
  // the string as a whole is not known, but its structure is, so it stays readable statement by statement with
  // the referencing parts unknown. Any other string interpolating an unknown is unknown.
  if (looksLikeJsonObject(acc.text) && !acc.holes.some(isError)) {
    const j = parseJsonToVal(acc.text, map, 'derived');
    if (j) {
      const s = computed(str(acc.text.replace(HOLE_RE, '${unknown}'), span, 'derived'), span, [...acc.inputs, ...acc.holes]);
      s.origin = 'derived';
      s.json = fillHoles(j, acc.holes, 0);
      return s;
    }
  }
  return unknownFrom(acc.holes, undefined, span);
}

/** Stand-ins for unknown interpolations while rendering (private-use characters cannot occur in real input). */
const HOLE_RE = /\uE000(\d+)\uE001/g;

function fillHoles(v: Val, holes: Val[], depth: number): Val {
  if (depth > 200) return v;
  if (v.kind === 'string' && v.value.includes('\uE000')) {
    const used: Val[] = [];
    for (const m of v.value.matchAll(HOLE_RE)) {
      const h = holes[Number(m[1])];
      if (h) used.push(h);
    }
    return unknownFrom(used, undefined, v.span);
  }
  if (v.kind === 'list') return { ...v, items: v.items.map((i) => fillHoles(i, holes, depth + 1)) };
  if (v.kind === 'object') {
    const fields = new Map<string, Field>();
    for (const [k, f] of v.fields) fields.set(k, { ...f, value: fillHoles(f.value, holes, depth + 1) });
    return { ...v, fields };
  }
  return v;
}

function literalString(t: A.TemplateExpr, parts: A.TemplateText[], scope: Scope): StringVal {
  const span = spanOf(scope, t);
  const value = parts.map((p) => p.value).join('');
  const s = str(value, span);
  // Offsets only matter for JSON inside the literal (policies, jsondecode); plain names skip the work.
  const text = /[[{]/.test(value) ? scope.mod.textOf(scope.file) : undefined;
  let offsets: number[] | undefined = [];
  if (text === undefined) offsets = undefined;
  for (const p of parts) {
    if (!offsets) break;
    const o = textOffsets(text!, p, !!t.heredoc);
    if (!o) offsets = undefined;
    else {
      o.pop();
      offsets.push(...o);
    }
  }
  if (offsets) {
    const last = parts[parts.length - 1];
    offsets.push(last ? last.end : t.contentEnd);
    setLiteralOffsets(s, offsets);
  }
  if (looksLikeJsonObject(value)) {
    const j = parseJsonToVal(value, offsets ? { file: scope.file, offsets } : { file: scope.file, whole: span });
    if (j) s.json = j;
  }
  return s;
}

/** Source offsets of a text part's decoded characters (plus the end), or undefined when they cannot be matched. */
function textOffsets(source: string, p: A.TemplateText, heredoc: boolean): number[] | undefined {
  const src = source.slice(p.start, p.end);
  return heredoc ? alignedOffsets(src, p.start, p.value) : (quotedOffsets(src, p.start, p.value) ?? alignedOffsets(src, p.start, p.value));
}

interface Render {
  text: string;
  /** Source offset of every character of `text`; undefined once they cannot be tracked. */
  offs: number[] | undefined;
  inputs: Val[];
  /** Unknown interpolations, rendered as placeholders. */
  holes: Val[];
  /** Unknowns that make the whole template unknown (directive conditions and collections, errors). */
  fatal: Val[];
  heredoc: boolean;
  source: string | undefined;
}

function append(acc: Render, text: string, offs: number[] | undefined, at: number): void {
  if (acc.text.length + text.length > MAX_STRING) {
    acc.fatal.push(errorVal('template result is too large to evaluate'));
    return;
  }
  acc.text += text;
  // Per-character offsets serve spans inside JSON policies; past 64K characters they cost more than they give.
  if (acc.offs && acc.text.length > 65536) acc.offs = undefined;
  if (!acc.offs) return;
  if (offs) acc.offs.push(...offs.slice(0, text.length));
  else for (let i = 0; i < text.length; i++) acc.offs.push(at);
}

function trimEnd(acc: Render): void {
  const trimmed = acc.text.replace(/\s+$/, '');
  if (acc.offs) acc.offs.length = trimmed.length;
  acc.text = trimmed;
}

function renderParts(parts: A.TemplatePart[], scope: Scope, acc: Render, stripNext = false): boolean {
  let strip = stripNext;
  for (const p of parts) {
    if (acc.fatal.length) return strip;
    switch (p.type) {
      case 'Text': {
        const offs = acc.offs && acc.source !== undefined ? textOffsets(acc.source, p, acc.heredoc) : undefined;
        if (!offs) acc.offs = undefined;
        let value = p.value;
        let skip = 0;
        if (strip) {
          skip = value.length - value.replace(/^\s+/, '').length;
          value = value.slice(skip);
        }
        append(acc, value, offs?.slice(skip), p.start);
        strip = false;
        break;
      }
      case 'Interp': {
        if (p.stripLeft) trimEnd(acc);
        const v = evaluate(p.expr, scope);
        if (v.kind === 'unknown') {
          if (isError(v)) acc.fatal.push(v);
          else {
            append(acc, `\uE000${acc.holes.length}\uE001`, undefined, p.start);
            acc.holes.push(v);
          }
        } else {
          const s = asString(v);
          if (s === undefined) acc.fatal.push(errorVal('cannot interpolate a collection or null', spanOf(scope, p)));
          else {
            append(acc, s, undefined, p.start);
            acc.inputs.push(v);
          }
        }
        strip = p.stripRight;
        break;
      }
      case 'If': {
        const c = evaluate(p.cond, scope);
        if (c.kind === 'unknown') {
          acc.fatal.push(c);
          break;
        }
        const b = asBool(c);
        if (b === undefined) {
          acc.fatal.push(errorVal('template condition is not a bool', spanOf(scope, p)));
          break;
        }
        acc.inputs.push(c);
        strip = renderParts(b ? p.then : (p.else ?? []), scope, acc, strip);
        break;
      }
      case 'For': {
        if (!scope.mod.spend(0, spanOf(scope, p))) {
          acc.fatal.push(errorVal('iteration budget exhausted', spanOf(scope, p)));
          break;
        }
        const coll = evaluate(p.collection, scope);
        if (!scope.mod.spend(sizeOf(coll), spanOf(scope, p))) {
          acc.fatal.push(errorVal('iteration budget exhausted', spanOf(scope, p)));
          break;
        }
        const entries = iterate(coll);
        if (!entries) {
          acc.fatal.push(coll.kind === 'unknown' ? coll : errorVal('template for needs a collection', spanOf(scope, p)));
          break;
        }
        acc.inputs.push(coll);
        for (const [k, v] of entries) {
          const vars = new Map<string, Val>([[p.valueVar.name, v]]);
          if (p.keyVar) vars.set(p.keyVar.name, k);
          strip = renderParts(p.body, childScope(scope, vars), acc, strip);
          if (acc.fatal.length) break;
        }
        break;
      }
    }
  }
  return strip;
}

/** How many pairs iterate() gives for `coll`, without building them. */
function sizeOf(coll: Val): number {
  return Math.min(MAX_ITEMS, coll.kind === 'list' ? coll.items.length : coll.kind === 'object' ? coll.fields.size : 0);
}

/** [key, value] pairs of a known list or object; undefined otherwise. Capped for safety. */
export function iterate(coll: Val): [Val, Val][] | undefined {
  if (coll.kind === 'list') return coll.items.slice(0, MAX_ITEMS).map((v, i) => [num(i, undefined, 'derived'), v]);
  if (coll.kind === 'object') {
    const out: [Val, Val][] = [];
    for (const f of coll.fields.values()) {
      if (out.length >= MAX_ITEMS) break;
      out.push([str(f.key, f.keySpan, f.keySpan ? 'explicit' : 'derived'), f.value]);
    }
    return out;
  }
  return undefined;
}

// ---- traversals ----

function flatten(e: A.Expr): { root: A.VariableExpr; steps: Step[] } | undefined {
  const steps: Step[] = [];
  let cur: A.Expr = e;
  for (;;) {
    if (cur.type === 'GetAttr') {
      steps.push({ kind: 'attr', name: cur.name.name, node: cur });
      cur = cur.object;
    } else if (cur.type === 'Index') {
      steps.push({ kind: 'index', key: cur.key, node: cur });
      cur = cur.object;
    } else if (cur.type === 'Parens') {
      return undefined;
    } else break;
  }
  if (cur.type !== 'Variable') return undefined;
  return { root: cur, steps: steps.reverse() };
}

function evalTraversal(e: A.Expr, scope: Scope): Val {
  const span = spanOf(scope, e);
  const t = flatten(e);
  if (!t) {
    // `(expr).attr`, `f(x)[0]`…: evaluate the object, then step.
    if (e.type === 'GetAttr') return getAttr(evaluate(e.object, scope), e.name.name, span);
    if (e.type === 'Index') return indexVal(evaluate(e.object, scope), evaluate(e.key, scope), span);
    return errorVal('unsupported traversal', span);
  }
  const { root, steps } = t;
  const name = root.name;
  const rootSpan = spanOf(scope, root);
  const local = scope.vars?.get(name);
  if (local) return derive(applySteps(local, steps, scope), span);
  const first = steps[0];
  const firstName = first?.kind === 'attr' ? first.name : undefined;
  switch (name) {
    case 'var':
      if (!firstName) return errorVal('var needs an attribute', span);
      return seeThrough(scope.mod.variable(firstName, span), steps.slice(1), scope, span);
    case 'local':
      if (!firstName) return errorVal('local needs an attribute', span);
      return seeThrough(scope.mod.local(firstName, span), steps.slice(1), scope, span);
    case 'each':
      if (!scope.each) return errorVal('each is only valid with for_each', span);
      if (firstName === 'key') return seeThrough(scope.each.key, steps.slice(1), scope, span);
      if (firstName === 'value') return seeThrough(scope.each.value, steps.slice(1), scope, span);
      return errorVal('each has only key and value', span);
    case 'count':
      if (!scope.count) return errorVal('count.index is only valid with count', span);
      if (firstName === 'index') return seeThrough(scope.count, steps.slice(1), scope, span);
      return errorVal('count has only index', span);
    case 'path': {
      const p = firstName === 'module' ? scope.mod.dir : firstName === 'root' || firstName === 'cwd' ? scope.mod.rootDir : undefined;
      if (p === undefined) return errorVal('unknown path attribute', span);
      return str(p, span, 'derived');
    }
    case 'terraform':
      if (firstName === 'workspace') return str('default', span, 'derived');
      return unknownVal(`terraform.${firstName ?? ''} is not evaluated`, span);
    case 'self':
      return unknownVal('self reference', span);
    case 'module': {
      const out = steps[1];
      if (!firstName) return errorVal('module needs a name', span);
      if (!out || out.kind !== 'attr') return unknownVal(`module ${firstName} as a whole is not evaluated`, span, [{ address: `module.${firstName}` }]);
      return seeThrough(scope.mod.moduleOutput(firstName, out.name, span), steps.slice(2), scope, span);
    }
    case 'data': {
      const nameStep = steps[1];
      if (!firstName || !nameStep || nameStep.kind !== 'attr') return errorVal('data needs a type and a name', span);
      return scope.mod.resourceRef(true, firstName, nameStep.name, steps.slice(2), scope, span);
    }
    default:
      if (!firstName) {
        if (steps.length === 0) return errorVal(`unknown name ${name}`, rootSpan);
        return errorVal(`unknown name ${name}`, span);
      }
      return scope.mod.resourceRef(false, name, firstName, steps.slice(1), scope, span);
  }
}

/** Steps into a definition's value, then marks the result as seen from `use`. */
function seeThrough(v: Val, steps: Step[], scope: Scope, use: Span): Val {
  return derive(applySteps(v, steps, scope), use);
}

export function applySteps(v: Val, steps: Step[], scope: Scope): Val {
  let cur = v;
  for (const s of steps) {
    const span = spanOf(scope, s.node);
    cur = s.kind === 'attr' ? getAttr(cur, s.name, span) : indexVal(cur, evaluate(s.key, scope), span);
  }
  return cur;
}

export function getAttr(v: Val, name: string, span: Span): Val {
  if (v.kind === 'unknown') return unknownFrom([v], undefined, span);
  if (v.kind === 'object') {
    const f = v.fields.get(name);
    return f ? f.value : errorVal(`no attribute "${name}"`, span);
  }
  if (v.kind === 'list' && /^\d+$/.test(name)) return indexVal(v, num(Number(name)), span);
  return errorVal(`cannot read attribute "${name}" of a ${v.kind}`, span);
}

export function indexVal(v: Val, k: Val, span: Span): Val {
  if (v.kind === 'unknown' || k.kind === 'unknown') return unknownFrom([v, k], undefined, span);
  if (v.kind === 'list') {
    const i = asNumber(k);
    if (i === undefined || !Number.isInteger(i)) return errorVal('list index must be a whole number', span);
    const item = v.items[i];
    return item ?? errorVal(`index ${i} out of range`, span);
  }
  if (v.kind === 'object') {
    const key = asString(k);
    if (key === undefined) return errorVal('map key must be a string', span);
    const f = v.fields.get(key);
    return f ? f.value : errorVal(`no key "${key}"`, span);
  }
  return errorVal(`cannot index a ${v.kind}`, span);
}

function evalSplat(e: A.SplatExpr, scope: Scope): Val {
  const span = spanOf(scope, e);
  const o = evaluate(e.object, scope);
  if (o.kind === 'unknown') return unknownFrom([o], undefined, span);
  if (o.kind === 'null') return list([], span, o.origin === 'derived' ? 'derived' : 'explicit');
  const items = o.kind === 'list' ? o.items : [o];
  if (!scope.mod.spend(Math.min(items.length, MAX_ITEMS), span)) return errorVal('iteration budget exhausted', span);
  const out: Val[] = [];
  for (const item of items.slice(0, MAX_ITEMS)) out.push(evaluate(e.each, childScope(scope, new Map([['*', item]]))));
  return computed(list(out), span, [o]);
}

// ---- objects, calls, operators, for ----

function evalObject(e: A.ObjectExpr, scope: Scope): Val {
  const span = spanOf(scope, e);
  const fields = new Map<string, Field>();
  for (const item of e.items) {
    let key: string | undefined;
    if (item.bareKey && item.key.type === 'Variable') key = item.key.name;
    else {
      const k = evaluate(item.key, scope);
      if (k.kind === 'unknown') return unknownFrom([k], 'object key is unknown', span);
      key = asString(k);
      if (key === undefined) return errorVal('object key must be a string', spanOf(scope, item.key));
    }
    fields.delete(key);
    fields.set(key, { key, keySpan: spanOf(scope, item.key), value: evaluate(item.value, scope) });
  }
  return obj(fields, span);
}

function evalCall(e: A.CallExpr, scope: Scope): Val {
  const span = spanOf(scope, e);
  const name = e.name.name;
  if (name === 'try') {
    let last: Val | undefined;
    for (const a of e.args) {
      const v = evaluate(a, scope);
      if (!isError(v)) return v;
      last = v;
    }
    return errorVal(`try: no argument succeeded${last?.kind === 'unknown' && last.reason ? ` (${last.reason})` : ''}`, span);
  }
  if (name === 'can') {
    if (e.args.length !== 1) return errorVal('can expects one argument', span);
    const v = evaluate(e.args[0]!, scope);
    if (isError(v)) return bool(false, span, 'derived');
    if (v.kind === 'unknown') return unknownFrom([v], undefined, span);
    return computed(bool(true), span, [v]);
  }
  let args = e.args.map((a) => evaluate(a, scope));
  if (e.expandFinal && args.length) {
    const last = args[args.length - 1]!;
    if (last.kind === 'unknown') return unknownFrom([last], undefined, span);
    if (last.kind !== 'list') return errorVal('only a list can be expanded with ...', span);
    args = [...args.slice(0, -1), ...last.items];
  }
  return callFunction(name, args, {
    span,
    readFile: (p) => scope.mod.readFile(p),
    renderTemplate: (text, vars, path) => scope.mod.renderTemplate(text, vars, path),
  });
}

function evalBinary(e: A.BinaryExpr, scope: Scope): Val {
  const span = spanOf(scope, e);
  const l = evaluate(e.left, scope);
  const r = evaluate(e.right, scope);
  if (l.kind === 'unknown' || r.kind === 'unknown') return unknownFrom([l, r], undefined, span);
  const done = (v: Val) => computed(v, span, [l, r]);
  switch (e.op) {
    case '==':
    case '!=': {
      const eq = valEquals(l, r);
      if (eq === undefined) return unknownFrom([l, r], 'comparison of unknown values', span);
      return done(bool(e.op === '==' ? eq : !eq));
    }
    case '&&':
    case '||': {
      const a = asBool(l);
      const b = asBool(r);
      if (a === undefined || b === undefined) return errorVal(`${e.op} needs bools`, span);
      return done(bool(e.op === '&&' ? a && b : a || b));
    }
    default: {
      const a = asNumber(l);
      const b = asNumber(r);
      if (a === undefined || b === undefined) return errorVal(`${e.op} needs numbers`, span);
      switch (e.op) {
        case '+':
          return done(num(a + b));
        case '-':
          return done(num(a - b));
        case '*':
          return done(num(a * b));
        case '/':
          return b === 0 ? errorVal('division by zero', span) : done(num(a / b));
        case '%':
          return b === 0 ? errorVal('modulo by zero', span) : done(num(a % b));
        case '<':
          return done(bool(a < b));
        case '>':
          return done(bool(a > b));
        case '<=':
          return done(bool(a <= b));
        case '>=':
          return done(bool(a >= b));
      }
    }
  }
  return errorVal('unsupported operator', span);
}

function evalFor(e: A.ForExpr, scope: Scope): Val {
  const span = spanOf(scope, e);
  // Once the budget is spent, not even the collection is evaluated: nested loops then end at once.
  if (!scope.mod.spend(0, span)) return errorVal('iteration budget exhausted', span);
  const coll = evaluate(e.collection, scope);
  if (coll.kind === 'unknown') return unknownFrom([coll], undefined, span);
  if (!scope.mod.spend(sizeOf(coll), span)) return errorVal('iteration budget exhausted', span);
  const entries = iterate(coll);
  if (!entries) return errorVal('for needs a list, set, map or object', span);
  const items: Val[] = [];
  const fields = new Map<string, Field>();
  for (const [k, v] of entries) {
    const vars = new Map<string, Val>([[e.valueVar.name, v]]);
    if (e.keyVar) vars.set(e.keyVar.name, k);
    const inner = childScope(scope, vars);
    if (e.cond) {
      const c = evaluate(e.cond, inner);
      if (c.kind === 'unknown') return unknownFrom([c], undefined, span);
      const b = asBool(c);
      if (b === undefined) return errorVal('for condition is not a bool', span);
      if (!b) continue;
    }
    const value = evaluate(e.valueExpr, inner);
    if (!e.object) {
      items.push(value);
      continue;
    }
    const kv = e.keyExpr ? evaluate(e.keyExpr, inner) : errorVal('for object needs a key', span);
    if (kv.kind === 'unknown') return unknownFrom([kv], 'for key is unknown', span);
    const key = asString(kv);
    if (key === undefined) return errorVal('for key must be a string', span);
    const keySpan = e.keyExpr ? spanOf(scope, e.keyExpr) : span;
    if (e.grouping) {
      const existing = fields.get(key);
      if (existing && existing.value.kind === 'list') existing.value.items.push(value);
      else fields.set(key, { key, keySpan, value: list([value], span, 'derived') });
    } else {
      if (fields.has(key)) return errorVal(`duplicate key "${key}" in for expression`, span);
      fields.set(key, { key, keySpan, value });
    }
  }
  return computed(e.object ? obj(fields) : list(items), span, [coll]);
}
