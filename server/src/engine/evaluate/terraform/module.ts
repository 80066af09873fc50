// One Terraform module instance: its declarations, lazily evaluated variables/locals/outputs (memoized, with
// cycle detection), its resources expanded by count/for_each, and its child modules.
import type * as A from '../../parse/hcl/ast';
import { attributeOf, parseHcl, parseTemplate, parseTerraformJson, staticString } from '../../parse/hcl';
import type { Comment, FileKind, Host, SourceFile, SourceResource } from '../../source';
import type { Problem, Span } from '../../types';
import type { Field, ObjectVal, ResourceRef, Val } from '../value';
import { childScope, evaluate, iterate, spanOf, type ModuleScope, type Scope, type Step } from './expr';
import { parseJsonToVal } from './json';
import { buildPolicyDocument } from './policy-document';
import { asBool, asNumber, asString, derive, errorVal, expandedSize, list, MAX_EXPANDED, num, obj, str, toJsonText, unknownFrom, unknownVal } from './vals';

export const MAX_INSTANCES = 100;
const MAX_MODULE_DEPTH = 16;
const MAX_BLOCK_DEPTH = 64;
const MAX_READ_FILE = 1024 * 1024;
/** Meta-arguments of resource blocks: Terraform's, not the provider's, so they are not part of the body. */
const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'provider']);
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export interface ParsedFile {
  file: SourceFile;
  ast: A.HclFile;
}

/** State shared by every module instance of one evaluation. */
export interface Shared {
  host: Host;
  rootDir: string;
  problems: Problem[];
  resources: SourceResource[];
  /** Files read (root, modules, tfvars) by path. */
  files: Map<string, SourceFile>;
  comments: Map<string, Comment[]>;
  parsed: Map<string, ParsedFile>;
  load: (path: string, kind: FileKind) => SourceFile | undefined;
  /** Extra texts that are not workspace files (templatefile bodies). */
  scratch: Map<string, string>;
  modulesJson?: Map<string, string> | null;
  reported: Set<string>;
  /** Iterations (for expressions, template for, dynamic blocks, splats) left for this analysis: see MAX_ITERATIONS. */
  iterations: { left: number };
}

/**
 * Iterations one analysis may spend across all its modules. Each for expression is capped at 10,000 items, but
 * nested ones multiply (3,000 x 3,000 strings ran out of memory); past the budget they evaluate to unknown.
 */
export const MAX_ITERATIONS = 250_000;

interface Decl {
  node: A.Attribute | A.Block;
  file: string;
}

interface Instance {
  key?: string | number;
  count?: Val;
  each?: { key: Val; value: Val };
}

type Expansion = { absent: true } | { absent: false; instances: Instance[]; capped?: number };

export function problemAt(shared: Shared, span: Span, severity: Problem['severity'], code: string, message: string): void {
  const key = `${code}\u0000${span.file}\u0000${span.start}\u0000${message}`;
  if (shared.reported.has(key)) return;
  shared.reported.add(key);
  const f = shared.files.get(span.file);
  const p: Problem = { file: span.file, span, severity, code, message };
  if (f) p.range = f.lines.rangeOf(span.start, span.end);
  shared.problems.push(p);
}

export function blockHeaderSpan(file: string, b: A.Block): Span {
  const last = b.labels[b.labels.length - 1];
  return { file, start: b.start, end: last ? last.end : b.blockType.end };
}

/**
 * `provider = aws` or `provider = aws.west` as `aws` / `aws.west` (in .tf.json the reference is a string,
 * `"provider": "aws.west"`); anything else `?`.
 */
function providerRef(e: A.Expr): string {
  if (e.type === 'Variable') return e.name;
  if (e.type === 'GetAttr' && e.object.type === 'Variable') return `${e.object.name}.${e.name.name}`;
  const text = staticString(e);
  return text !== undefined && /^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)?$/.test(text) ? text : '?';
}

export class ModuleInstance implements ModuleScope {
  readonly variables = new Map<string, Decl>();
  readonly locals = new Map<string, Decl>();
  readonly outputs = new Map<string, Decl>();
  readonly managed = new Map<string, Decl>();
  readonly datas = new Map<string, Decl>();
  readonly calls = new Map<string, Decl>();
  /** Source order of everything we emit. */
  private readonly order: { kind: 'resource' | 'data' | 'provider' | 'module'; decl: Decl }[] = [];

  private readonly cache = new Map<string, Val>();
  private readonly inProgress: string[] = [];
  private readonly children = new Map<string, { instances: { key?: string | number; mod: ModuleInstance }[] } | null>();
  private readonly policyCache = new Map<string, ObjectVal | null>();

  constructor(
    readonly shared: Shared,
    readonly dir: string,
    readonly files: ParsedFile[],
    readonly prefix: string,
    readonly modulePath: string[],
    /** Keys in .terraform/modules/modules.json are the call names joined by dots. */
    readonly moduleKey: string[],
    readonly ancestry: string[],
    readonly callSpan: Span | undefined,
    /** Module arguments from the caller (undefined for the root). */
    readonly inputs: Map<string, () => Val> | undefined,
    /** Root only: values from tfvars files, later files already applied. */
    readonly tfvars: Map<string, Val> | undefined,
  ) {
    for (const pf of files) {
      const file = pf.file.path;
      for (const item of pf.ast.body.items) {
        if (item.type !== 'Block') continue;
        const t = item.blockType.name;
        const l0 = item.labels[0]?.value;
        const l1 = item.labels[1]?.value;
        if (t === 'variable' && l0 !== undefined) this.variables.set(l0, { node: item, file });
        else if (t === 'output' && l0 !== undefined) this.outputs.set(l0, { node: item, file });
        else if (t === 'locals') {
          for (const a of item.body.items) if (a.type === 'Attribute') this.locals.set(a.name.name, { node: a, file });
        } else if ((t === 'resource' || t === 'data') && l0 !== undefined && l1 !== undefined) {
          (t === 'resource' ? this.managed : this.datas).set(`${l0}.${l1}`, { node: item, file });
          this.order.push({ kind: t, decl: { node: item, file } });
        } else if (t === 'module' && l0 !== undefined) {
          this.calls.set(l0, { node: item, file });
          this.order.push({ kind: 'module', decl: { node: item, file } });
        } else if (t === 'provider' && l0 !== undefined) this.order.push({ kind: 'provider', decl: { node: item, file } });
      }
    }
  }

  get rootDir(): string {
    return this.shared.rootDir;
  }

  baseScope(file: string): Scope {
    return { mod: this, file };
  }

  textOf(file: string): string | undefined {
    return this.shared.files.get(file)?.text ?? this.shared.scratch.get(file);
  }

  // ---- names ----

  /** Memoized evaluation with cycle detection; `kind.name` is the key. */
  private memo(key: string, span: Span, compute: () => Val): Val {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const at = this.inProgress.indexOf(key);
    if (at !== -1) {
      const cycle = [...this.inProgress.slice(at), key];
      const message = `cycle: ${cycle.join(' → ')}; these values are treated as unknown`;
      problemAt(this.shared, span, 'warning', key.startsWith('local.') ? 'locals-cycle' : 'reference-cycle', message);
      return errorVal(`cycle: ${cycle.join(' → ')}`, span);
    }
    this.inProgress.push(key);
    let v: Val;
    try {
      v = this.bounded(compute(), span);
    } finally {
      this.inProgress.pop();
    }
    this.cache.set(key, v);
    return v;
  }

  spend(n: number, span: Span): boolean {
    const budget = this.shared.iterations;
    if (budget.left < 0) return false;
    if (budget.left >= n) {
      budget.left -= n;
      return true;
    }
    budget.left = -1;
    const message = `expressions in this configuration iterate more than ${MAX_ITERATIONS.toLocaleString('en')} times in all (nested for expressions multiply); from here on they are treated as unknown`;
    problemAt(this.shared, span, 'warning', 'evaluation-budget', message);
    return false;
  }

  /** `v`, or an unknown with a warning at `span` when it has more elements than analysis can walk (MAX_EXPANDED). */
  private bounded(v: Val, span: Span): Val {
    if (expandedSize(v) <= MAX_EXPANDED) return v;
    const message = `this value has more than ${MAX_EXPANDED.toLocaleString('en')} elements once its shared parts are expanded; it is treated as unknown`;
    problemAt(this.shared, span, 'warning', 'value-too-large', message);
    return errorVal('value too large to analyze', span);
  }

  variable(name: string, use: Span): Val {
    const decl = this.variables.get(name);
    const type = decl ? primitiveType(decl.node as A.Block) : undefined;
    const input = this.inputs?.get(name);
    if (input) return this.memo(`var.${name}`, use, () => convertPrimitive(input(), type));
    if (!decl && !this.tfvars?.has(name)) return errorVal(`variable ${name} is not declared`, use);
    const fromTfvars = this.tfvars?.get(name);
    if (fromTfvars) return convertPrimitive(fromTfvars, type);
    if (!decl) return errorVal(`variable ${name} is not declared`, use);
    const block = decl.node as A.Block;
    const def = attributeOf(block.body, 'default');
    if (!def) return unknownVal(`variable ${name} has no value`, use);
    return this.memo(`var.${name}`, spanOf(this.baseScope(decl.file), def.expr), () => convertPrimitive(evaluate(def.expr, this.baseScope(decl.file)), type));
  }

  local(name: string, use: Span): Val {
    const decl = this.locals.get(name);
    if (!decl) return errorVal(`local ${name} is not declared`, use);
    const a = decl.node as A.Attribute;
    return this.memo(`local.${name}`, { file: decl.file, start: a.start, end: a.end }, () => evaluate(a.expr, this.baseScope(decl.file)));
  }

  output(name: string, use: Span): Val {
    const decl = this.outputs.get(name);
    if (!decl) return errorVal(`module output ${name} is not declared`, use);
    const value = attributeOf((decl.node as A.Block).body, 'value');
    if (!value) return unknownVal(`output ${name} has no value`, use);
    return this.memo(`output.${name}`, spanOf(this.baseScope(decl.file), value), () => evaluate(value.expr, this.baseScope(decl.file)));
  }

  moduleOutput(name: string, output: string, use: Span): Val {
    const refs: ResourceRef[] = [{ address: `${this.prefix}module.${name}`, attribute: output }];
    const c = this.child(name);
    if (!c) return unknownVal(`module ${name} is not evaluated`, use, refs);
    if (c.instances.length !== 1 || c.instances[0]!.key !== undefined) return unknownVal(`module ${name} has several instances`, use, refs);
    const v = c.instances[0]!.mod.output(output, use);
    if (v.kind === 'unknown') return unknownFrom([v, unknownVal('', undefined, refs)], v.reason, use);
    return v;
  }

  resourceRef(isData: boolean, type: string, name: string, steps: Step[], scope: Scope, use: Span): Val {
    let address = `${this.prefix}${isData ? 'data.' : ''}${type}.${name}`;
    let rest = steps;
    const first = steps[0];
    let instanced = false;
    if (first?.kind === 'index') {
      const k = evaluate(first.key, scope);
      if (k.kind === 'string') address += `[${JSON.stringify(k.value)}]`;
      else if (k.kind === 'number') address += `[${k.value}]`;
      instanced = true;
      rest = steps.slice(1);
    }
    const attrs: string[] = [];
    for (const s of rest) {
      if (s.kind === 'attr') attrs.push(s.name);
      else break;
    }
    const attribute = attrs.length ? attrs.join('.') : undefined;
    const ref: ResourceRef = attribute ? { address, attribute } : { address };
    const decl = (isData ? this.datas : this.managed).get(`${type}.${name}`);
    if (isData && type === 'aws_iam_policy_document' && (attrs[0] === 'json' || attrs[0] === 'minified_json') && decl && !instanced) {
      const doc = this.policyDocument(name, decl);
      if (doc) {
        const blockSpan = { file: decl.file, start: decl.node.start, end: decl.node.end };
        const s = str(toJsonText(doc), use, 'derived');
        s.via = [blockSpan];
        s.json = doc;
        s.refs = [ref];
        return s;
      }
    }
    // A literal attribute of another resource is known from the configuration (e.g. a bucket's name).
    if (!isData && decl && !instanced && attrs.length === 1 && rest.length === 1) {
      const known = this.configAttribute(type, name, attrs[0]!, decl);
      if (known && known.kind !== 'unknown' && known.kind !== 'object' && known.kind !== 'list' && known.kind !== 'null') {
        const d = derive(known, use);
        d.refs = [ref];
        return d;
      }
    }
    const what = isData ? 'data source' : 'apply-time attribute';
    return unknownVal(`${what} ${address}${attribute ? `.${attribute}` : ''}`, use, [ref]);
  }

  private configAttribute(type: string, name: string, attr: string, decl: Decl): Val | undefined {
    const block = decl.node as A.Block;
    if (attributeOf(block.body, 'count') || attributeOf(block.body, 'for_each')) return undefined;
    const a = attributeOf(block.body, attr);
    if (!a) return undefined;
    return this.memo(`resource.${type}.${name}.${attr}`, spanOf(this.baseScope(decl.file), a), () => evaluate(a.expr, this.baseScope(decl.file)));
  }

  private policyDocument(name: string, decl: Decl): ObjectVal | undefined {
    const hit = this.policyCache.get(name);
    if (hit !== undefined) return hit ?? undefined;
    const block = decl.node as A.Block;
    if (attributeOf(block.body, 'count') || attributeOf(block.body, 'for_each')) {
      this.policyCache.set(name, null);
      return undefined;
    }
    this.policyCache.set(name, null); // guards self-reference while building
    const body = this.evalBody(block.body, this.baseScope(decl.file), true, 0);
    const doc = buildPolicyDocument(body, { file: decl.file, start: block.start, end: block.end });
    this.policyCache.set(name, doc);
    return doc;
  }

  readFile(path: string): { path: string; text: string } | string {
    const abs = normalizePath(isAbsolutePath(path) ? path : `${this.shared.rootDir}/${path}`);
    const within = (p: string, dir: string) => p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
    if (!within(abs, this.shared.rootDir) && !within(abs, this.dir)) return 'outside the module folder, not read';
    // A symbolic link must not lead the read outside the workspace either.
    const realOf = (p: string) => this.shared.host.realPath?.(p) ?? p;
    const real = realOf(abs);
    if (real !== abs && !within(real, realOf(this.shared.rootDir)) && !within(real, realOf(this.dir))) return 'outside the module folder, not read';
    const size = this.shared.host.fileSize?.(abs);
    if (size !== undefined && size > MAX_READ_FILE) return 'file too large';
    let text: string | undefined;
    try {
      text = this.shared.host.readFile(abs);
    } catch {
      text = undefined;
    }
    if (text === undefined) return 'file not found';
    if (text.length > MAX_READ_FILE) return 'file too large';
    return { path: abs, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }

  renderTemplate(text: string, vars: ObjectVal, path: string): Val {
    let parsed: { template: A.TemplateExpr; errors: A.ParseError[] };
    try {
      parsed = parseTemplate(text);
    } catch {
      return unknownVal('template could not be parsed');
    }
    if (parsed.errors.length) return unknownVal(`template ${path} has syntax errors: ${parsed.errors[0]!.message}`);
    this.shared.scratch.set(path, text);
    // templatefile() sees only the variables it is given (plus functions), not var.* or local.*.
    return evaluate(parsed.template, { mod: this, file: path, vars: new Map([...vars.fields].map(([k, f]) => [k, f.value])) });
  }

  // ---- bodies ----

  /** Attributes and nested blocks as an ObjectVal; repeated block types become lists. */
  evalBody(body: A.Body, scope: Scope, topLevel: boolean, depth: number): ObjectVal {
    const fields = new Map<string, Field>();
    const blocks = new Map<string, { keySpan: Span; items: Val[] }>();
    if (depth > MAX_BLOCK_DEPTH) return obj(fields, spanOf(scope, body));
    for (const item of body.items) {
      if (item.type === 'Attribute') {
        if (topLevel && RESOURCE_META.has(item.name.name)) continue;
        const key = item.name.name;
        fields.delete(key);
        fields.set(key, { key, keySpan: spanOf(scope, item.name), value: this.bounded(evaluate(item.expr, scope), spanOf(scope, item.expr)) });
        continue;
      }
      let type = item.blockType.name;
      let produced: Val[];
      let keySpan = spanOf(scope, item.blockType);
      if (type === 'dynamic' && item.labels[0]) {
        type = item.labels[0].value;
        keySpan = { file: scope.file, start: item.labels[0].start, end: item.labels[0].end };
        produced = this.expandDynamic(item, type, scope, depth);
      } else {
        const o = this.evalBody(item.body, scope, false, depth + 1);
        o.block = true;
        o.span = spanOf(scope, item);
        produced = [o];
      }
      const entry = blocks.get(type);
      if (entry) entry.items.push(...produced);
      else {
        blocks.set(type, { keySpan, items: produced });
        // Reserve the position of the first occurrence.
        fields.set(type, { key: type, keySpan, value: list([]) });
      }
    }
    for (const [type, entry] of blocks) {
      const f = fields.get(type)!;
      const unknownItem = entry.items.find((i) => i.kind === 'unknown');
      let value: Val;
      if (unknownItem) value = unknownFrom(entry.items, undefined, unknownItem.span);
      else if (entry.items.length === 1) value = entry.items[0]!;
      else {
        const first = entry.items[0]?.span;
        const last = entry.items[entry.items.length - 1]?.span;
        value = list(entry.items, first && last && first.file === last.file ? { file: first.file, start: first.start, end: last.end } : undefined);
      }
      // A dynamic block over an empty collection produces no block at all: the field is absent.
      if (entry.items.length === 0) fields.delete(type);
      else fields.set(type, { key: type, keySpan: f.keySpan ?? entry.keySpan, value });
    }
    const o = obj(fields, spanOf(scope, body));
    return o;
  }

  private expandDynamic(block: A.Block, type: string, scope: Scope, depth: number): Val[] {
    const span = spanOf(scope, block);
    const fe = attributeOf(block.body, 'for_each');
    if (!fe) return [errorVal(`dynamic "${type}" needs for_each`, span)];
    const coll = evaluate(fe.expr, scope);
    if (coll.kind === 'unknown') return [unknownFrom([coll], `dynamic "${type}" for_each is unknown`, span)];
    const entries = iterate(coll);
    if (!entries) return [errorVal(`dynamic "${type}" for_each must be a collection`, span)];
    if (!this.spend(entries.length, span)) return [errorVal('iteration budget exhausted', span)];
    const it = attributeOf(block.body, 'iterator');
    const iterName = it && it.expr.type === 'Variable' ? it.expr.name : type;
    let content: A.Block | undefined;
    for (const i of block.body.items) if (i.type === 'Block' && i.blockType.name === 'content') content = i;
    if (!content) return [errorVal(`dynamic "${type}" needs a content block`, span)];
    const out: Val[] = [];
    for (const [k, v] of entries.slice(0, 1000)) {
      const iter = obj(
        new Map<string, Field>([
          ['key', { key: 'key', value: k }],
          ['value', { key: 'value', value: v }],
        ]),
        v.span,
        'derived',
      );
      const inner = childScope(scope, new Map([[iterName, iter]]));
      const o = this.evalBody(content.body, inner, false, depth + 1);
      o.block = true;
      o.span = span;
      out.push(o);
    }
    return out;
  }

  // ---- count / for_each ----

  expand(block: A.Block, scope: Scope): Expansion {
    const countAttr = attributeOf(block.body, 'count');
    const forEach = attributeOf(block.body, 'for_each');
    if (countAttr) {
      const cs = spanOf(scope, countAttr.expr);
      const v = evaluate(countAttr.expr, scope);
      const n = v.kind === 'unknown' ? undefined : asNumber(v);
      if (n === undefined || !Number.isInteger(n) || n < 0) {
        return { absent: false, instances: [{ count: unknownFrom([v], v.kind === 'unknown' ? 'count is unknown' : 'count is not a whole number', cs) }] };
      }
      if (n === 0) return { absent: true };
      const instances: Instance[] = [];
      for (let i = 0; i < Math.min(n, MAX_INSTANCES); i++) {
        const idx = num(i, undefined, 'derived');
        idx.via = [cs];
        instances.push({ key: i, count: idx });
      }
      return n > MAX_INSTANCES ? { absent: false, instances, capped: n } : { absent: false, instances };
    }
    if (forEach) {
      const fs = spanOf(scope, forEach.expr);
      const v = evaluate(forEach.expr, scope);
      const unknownEach = (reason: string): Expansion => {
        const u = unknownFrom([v], reason, fs);
        return { absent: false, instances: [{ each: { key: u, value: u } }] };
      };
      if (v.kind === 'unknown') return unknownEach('for_each is unknown');
      const instances: Instance[] = [];
      let total = 0;
      if (v.kind === 'object') {
        const keys = [...v.fields.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        total = keys.length;
        for (const f of keys.slice(0, MAX_INSTANCES)) {
          instances.push({ key: f.key, each: { key: str(f.key, f.keySpan ?? fs, f.keySpan ? 'explicit' : 'derived'), value: f.value } });
        }
      } else if (v.kind === 'list') {
        if (v.items.some((i) => i.kind === 'unknown')) return unknownEach('for_each has unknown elements');
        if (!v.items.every((i) => i.kind === 'string')) return unknownEach('for_each needs a map or a set of strings');
        const seen = new Set<string>();
        const items = v.items.filter((i) => i.kind === 'string' && !seen.has(i.value) && seen.add(i.value));
        items.sort((a, b) => ((a as { value: string }).value < (b as { value: string }).value ? -1 : 1));
        total = items.length;
        for (const i of items.slice(0, MAX_INSTANCES)) instances.push({ key: (i as { value: string }).value, each: { key: i, value: i } });
      } else return unknownEach('for_each needs a map or a set of strings');
      if (total === 0) return { absent: true };
      return total > MAX_INSTANCES ? { absent: false, instances, capped: total } : { absent: false, instances };
    }
    return { absent: false, instances: [{}] };
  }

  private instanceScope(file: string, inst: Instance): Scope {
    const s: Scope = this.baseScope(file);
    if (inst.count) s.count = inst.count;
    if (inst.each) s.each = inst.each;
    return s;
  }

  // ---- emission ----

  emit(): void {
    for (const { kind, decl } of this.order) {
      try {
        if (kind === 'module') this.emitModule(decl);
        else this.emitBlock(kind, decl);
      } catch (e) {
        const b = decl.node as A.Block;
        problemAt(this.shared, blockHeaderSpan(decl.file, b), 'warning', 'evaluation-error', `could not evaluate this block: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  private emitBlock(kind: 'resource' | 'data' | 'provider', decl: Decl): void {
    const b = decl.node as A.Block;
    const file = decl.file;
    const type = b.labels[0]!.value;
    const headerSpan = blockHeaderSpan(file, b);
    const span: Span = { file, start: b.start, end: b.end };
    const bodySpan: Span = { file, start: b.openBrace, end: b.closeBrace >= 0 ? b.closeBrace + 1 : b.end };
    // Built field by field: object spread here showed up as the hottest line of the evaluator.
    const make = (mode: 'resource' | 'data', rtype: string, name: string, address: string, body: ObjectVal): SourceResource => {
      const r: SourceResource = { format: 'terraform', mode, file, type: rtype, name, address, span, headerSpan, body, bodySpan };
      if (this.modulePath.length) r.modulePath = this.modulePath.slice();
      if (this.callSpan) r.moduleCallSpan = this.callSpan;
      return r;
    };
    if (kind === 'provider') {
      // Providers are not resources; they travel as `provider.<name>` pseudo data sources so account checks can
      // read region / allowed_account_ids without another channel.
      const body = this.evalBody(b.body, this.baseScope(file), false, 0);
      body.block = true;
      const alias = body.fields.get('alias')?.value;
      const aliasName = alias && alias.kind === 'string' ? alias.value : undefined;
      this.shared.resources.push(make('data', `provider.${type}`, aliasName ?? 'default', `${this.prefix}provider.${type}${aliasName ? `.${aliasName}` : ''}`, body));
      return;
    }
    const name = b.labels[1]!.value;
    const base = `${this.prefix}${kind === 'data' ? 'data.' : ''}${type}.${name}`;
    const ex = this.expand(b, this.baseScope(file));
    if (ex.absent) return;
    if (ex.capped !== undefined) {
      problemAt(this.shared, headerSpan, 'info', 'instances-capped', `${base} has ${ex.capped} instances; only the first ${MAX_INSTANCES} are analyzed`);
    }
    const providerAttr = attributeOf(b.body, 'provider');
    const provider = providerAttr ? providerRef(providerAttr.expr) : undefined;
    for (const inst of ex.instances) {
      const body = this.evalBody(b.body, this.instanceScope(file, inst), true, 0);
      body.block = true;
      const r = make(kind === 'data' ? 'data' : 'resource', type, name, base + instanceSuffix(inst.key), body);
      if (inst.key !== undefined) r.instanceKey = inst.key;
      if (provider !== undefined) r.provider = provider;
      this.shared.resources.push(r);
    }
  }

  private emitModule(decl: Decl): void {
    const b = decl.node as A.Block;
    const c = this.child(b.labels[0]!.value);
    if (!c) return;
    for (const i of c.instances) i.mod.emit();
  }

  /** The evaluated instances of a module call; null when it cannot be evaluated (reported once). */
  child(name: string): { instances: { key?: string | number; mod: ModuleInstance }[] } | null {
    const hit = this.children.get(name);
    if (hit !== undefined) return hit;
    this.children.set(name, null); // a module reading its own outputs through a cycle stays unknown
    const result = this.buildChild(name);
    this.children.set(name, result);
    return result;
  }

  private buildChild(name: string): { instances: { key?: string | number; mod: ModuleInstance }[] } | null {
    const decl = this.calls.get(name);
    if (!decl) return null;
    const b = decl.node as A.Block;
    const file = decl.file;
    const blockSpan: Span = { file, start: b.start, end: b.end };
    const srcAttr = attributeOf(b.body, 'source');
    if (!srcAttr) {
      problemAt(this.shared, blockHeaderSpan(file, b), 'warning', 'module-no-source', `module ${name} has no source`);
      return null;
    }
    const srcSpan = spanOf(this.baseScope(file), srcAttr.expr);
    const srcVal = evaluate(srcAttr.expr, this.baseScope(file));
    const source = srcVal.kind === 'string' ? srcVal.value : undefined;
    if (source === undefined) {
      problemAt(this.shared, srcSpan, 'warning', 'module-source-unknown', `module ${name}: the source must be a literal string`);
      return null;
    }
    const key = [...this.moduleKey, name];
    let dir: string | undefined;
    if (source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..') {
      dir = normalizePath(`${this.dir}/${source}`);
      if (!this.shared.host.readDir(dir)) {
        problemAt(this.shared, srcSpan, 'warning', 'module-not-found', `module ${name}: folder ${source} not found (${dir})`);
        return null;
      }
    } else {
      const rel = this.downloadedDir(key.join('.'));
      if (rel !== undefined) {
        const d = normalizePath(isAbsolutePath(rel) ? rel : `${this.shared.rootDir}/${rel}`);
        if (this.shared.host.readDir(d)) dir = d;
      }
      if (!dir) {
        problemAt(this.shared, srcSpan, 'info', 'module-not-downloaded', `module ${name} (${source}) is not downloaded; run terraform init to analyze it`);
        return null;
      }
    }
    const real = this.shared.host.realPath?.(dir) ?? dir;
    if (this.ancestry.includes(real)) {
      problemAt(this.shared, srcSpan, 'warning', 'module-cycle', `module ${name} calls a folder that is already being evaluated (${dir}); not evaluated again`);
      return null;
    }
    if (this.modulePath.length >= MAX_MODULE_DEPTH) {
      problemAt(this.shared, srcSpan, 'warning', 'module-depth', `module ${name} is nested more than ${MAX_MODULE_DEPTH} levels deep; not evaluated`);
      return null;
    }
    const files = loadModuleFiles(this.shared, dir);
    const ex = this.expand(b, this.baseScope(file));
    if (ex.absent) return { instances: [] };
    const instances: { key?: string | number; mod: ModuleInstance }[] = [];
    for (const inst of ex.instances) {
      const scope = this.instanceScope(file, inst);
      const inputs = new Map<string, () => Val>();
      for (const item of b.body.items) {
        if (item.type !== 'Attribute' || MODULE_META.has(item.name.name)) continue;
        inputs.set(item.name.name, () => evaluate(item.expr, scope));
      }
      const segment = `${name}${instanceSuffix(inst.key)}`;
      const mod = new ModuleInstance(
        this.shared,
        dir,
        files,
        `${this.prefix}module.${segment}.`,
        [...this.modulePath, segment],
        key,
        [...this.ancestry, real],
        this.callSpan ?? blockSpan,
        inputs,
        undefined,
      );
      const entry: { key?: string | number; mod: ModuleInstance } = { mod };
      if (inst.key !== undefined) entry.key = inst.key;
      instances.push(entry);
    }
    return { instances };
  }

  private downloadedDir(key: string): string | undefined {
    const sh = this.shared;
    if (sh.modulesJson === undefined) {
      sh.modulesJson = null;
      const path = `${sh.rootDir}/.terraform/modules/modules.json`;
      let text: string | undefined;
      try {
        text = sh.host.readFile(path);
      } catch {
        text = undefined;
      }
      if (text !== undefined) {
        const v = parseJsonToVal(text, { file: path, base: 0 });
        const mods = v?.kind === 'object' ? v.fields.get('Modules')?.value : undefined;
        const map = new Map<string, string>();
        if (mods?.kind === 'list') {
          for (const m of mods.items) {
            const k = m.kind === 'object' ? m.fields.get('Key')?.value : undefined;
            const d = m.kind === 'object' ? m.fields.get('Dir')?.value : undefined;
            if (k?.kind === 'string' && d?.kind === 'string') map.set(k.value, d.value);
          }
        }
        sh.modulesJson = map;
      }
    }
    return sh.modulesJson?.get(key);
  }
}

/** `type = bool | number | string` of a variable block; collection types are left as written. */
function primitiveType(block: A.Block): 'bool' | 'number' | 'string' | undefined {
  const t = attributeOf(block.body, 'type')?.expr;
  if (t?.type === 'Variable' && (t.name === 'bool' || t.name === 'number' || t.name === 'string')) return t.name;
  return undefined;
}

/** Terraform converts a variable's value to its declared primitive type (`"true"` → true for bool); spans stay. */
function convertPrimitive(v: Val, type: 'bool' | 'number' | 'string' | undefined): Val {
  if (!type || v.kind === 'unknown' || v.kind === 'null' || v.kind === type) return v;
  if (type === 'string') {
    const s = asString(v);
    return s === undefined ? v : ({ ...v, kind: 'string', value: s } as Val);
  }
  if (type === 'number') {
    const n = asNumber(v);
    return n === undefined ? v : ({ ...v, kind: 'number', value: n } as Val);
  }
  const b = asBool(v);
  return b === undefined ? v : ({ ...v, kind: 'bool', value: b } as Val);
}

export function instanceSuffix(key: string | number | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** Resolves `.` and `..` in an absolute forward-slash path; keeps a Windows drive (`c:/…`) as the root. */
export function normalizePath(p: string): string {
  const drive = /^[A-Za-z]:(?=\/|$)/.exec(p)?.[0] ?? '';
  const out: string[] = [];
  for (const seg of p.slice(drive.length).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `${drive}/${out.join('/')}`;
}

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

/** Parses a file once per evaluation; records its problems and comments. */
export function parseFile(shared: Shared, file: SourceFile, parse: (text: string) => A.HclFile): ParsedFile {
  const hit = shared.parsed.get(file.path);
  if (hit) return hit;
  shared.files.set(file.path, file);
  let ast: A.HclFile;
  try {
    ast = parse(file.text);
  } catch (e) {
    ast = { body: { start: 0, end: file.text.length, items: [] }, comments: [], errors: [{ start: 0, end: 0, message: `could not parse: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  for (const err of ast.errors) {
    const span: Span = { file: file.path, start: err.start, end: Math.max(err.start, err.end) };
    shared.problems.push({ file: file.path, span, range: file.lines.rangeOf(span.start, span.end), severity: 'error', code: 'hcl-syntax', message: err.message });
  }
  shared.comments.set(
    file.path,
    ast.comments.map((c) => ({ span: { file: file.path, start: c.start, end: c.end }, text: c.text })),
  );
  const pf = { file, ast };
  shared.parsed.set(file.path, pf);
  return pf;
}

export function loadModuleFiles(shared: Shared, dir: string): ParsedFile[] {
  const entries = shared.host.readDir(dir) ?? [];
  const names = entries
    .filter((e) => !e.isDirectory && (e.name.endsWith('.tf') || e.name.endsWith('.tf.json')))
    .map((e) => e.name)
    .sort();
  const out: ParsedFile[] = [];
  for (const n of names) {
    const path = `${dir}/${n}`;
    const existing = shared.parsed.get(path);
    if (existing) {
      out.push(existing);
      continue;
    }
    const kind: FileKind = n.endsWith('.tf.json') ? 'terraform-json' : 'terraform';
    const f = shared.load(path, kind);
    if (!f) continue;
    out.push(parseFile(shared, f, kind === 'terraform-json' ? parseTerraformJson : parseHcl));
  }
  return out;
}
