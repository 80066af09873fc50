// CloudFormation template evaluation: Parameters (defaults), Mappings, Conditions and the intrinsic functions,
// resolved statically. Whatever depends on the deployment (pseudo parameters, resource attributes, imports,
// parameters without a default) becomes `unknown`, carrying resource references where there are some.
import type { Comment, EvaluationResult, SourceFile, SourceResource } from '../../source';
import type { Problem, Span } from '../../types';
import type { Field, ListVal, ObjectVal, ResourceRef, StringVal, Val } from '../value';
import { toPlain, unknown } from '../value';
import {
  deref,
  getPair,
  parseTemplate,
  scalarOffsetMap,
  TAG_TO_FUNCTION,
  type CfnNode,
  type MappingNode,
  type ParseDiagnostic,
  type ScalarNode,
} from '../../parse/cloudformation';
import { parseJsonToVal } from '../../parse/json-value';

const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
type EvalResult = Val | typeof NO_VALUE;

/** Nesting bound for evaluation (aliases can stack anchored trees beyond the parser's depth cap). */
const MAX_EVAL_DEPTH = 500;

const PSEUDO = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

export function evaluateCloudFormationTemplate(file: SourceFile): EvaluationResult {
  const parsed = parseTemplate(file.text, file.kind);
  const problems: Problem[] = parsed.diagnostics.map((d) => toProblem(file, d));
  const comments = new Map<string, Comment[]>();
  comments.set(
    file.path,
    parsed.comments.map((c) => ({ span: { file: file.path, start: c.start, end: c.end }, text: c.text })),
  );
  const result: EvaluationResult = { resources: [], problems, files: [file], comments };
  const root = deref(parsed.root);
  if (!root) {
    if (!problems.some((p) => p.severity === 'error')) {
      problems.push(structure(file, 0, 0, 'error', 'The template is empty'));
    }
    return result;
  }
  if (root.kind !== 'mapping') {
    problems.push(structure(file, root.start, root.end, 'error', 'A CloudFormation template must be a mapping of sections (Resources, Parameters…)'));
    return result;
  }
  new TemplateEvaluator(file, root, problems).run(result);
  return result;
}

function toProblem(file: SourceFile, d: ParseDiagnostic): Problem {
  const span: Span = { file: file.path, start: d.start, end: d.end };
  return { file: file.path, span, range: file.lines.rangeOf(d.start, d.end), severity: d.severity, code: d.code, message: d.message };
}

function structure(file: SourceFile, start: number, end: number, severity: Problem['severity'], message: string): Problem {
  return toProblem(file, { start, end, severity: severity === 'info' ? 'warning' : severity, code: 'cfn-structure', message });
}

interface Intrinsic {
  fn: string;
  /** The argument node. For short-form tags it is the tagged node itself, read without its tag. */
  arg?: CfnNode;
  /** True when `arg` is the tagged node (so evaluating it as a whole must ignore the tag). */
  tagged: boolean;
}

interface ParamDef {
  name: string;
  type?: string;
  def?: CfnNode;
}

class TemplateEvaluator {
  private readonly params = new Map<string, ParamDef>();
  private readonly resourceIds = new Set<string>();
  private readonly conditionNodes = new Map<string, CfnNode | undefined>();
  private readonly conditionMemo = new Map<string, boolean | undefined | 'pending'>();
  private mappings?: MappingNode;
  private readonly reported = new Set<string>();
  private readonly aliasCache = new Map<CfnNode, EvalResult>();

  constructor(
    private readonly file: SourceFile,
    private readonly root: MappingNode,
    private readonly problems: Problem[],
  ) {
    const params = deref(getPair(root, 'Parameters')?.value);
    if (params?.kind === 'mapping') {
      for (const p of params.pairs) {
        const body = deref(p.value);
        const def: ParamDef = { name: p.keyText };
        if (body?.kind === 'mapping') {
          const t = deref(getPair(body, 'Type')?.value);
          if (t?.kind === 'scalar' && t.value !== null) def.type = String(t.value);
          const d = getPair(body, 'Default');
          if (d?.value) def.def = d.value;
        }
        this.params.set(p.keyText, def);
      }
    }
    const maps = deref(getPair(root, 'Mappings')?.value);
    if (maps?.kind === 'mapping') this.mappings = maps;
    const conds = deref(getPair(root, 'Conditions')?.value);
    if (conds?.kind === 'mapping') for (const c of conds.pairs) this.conditionNodes.set(c.keyText, c.value);
    const res = deref(getPair(root, 'Resources')?.value);
    if (res?.kind === 'mapping') for (const r of res.pairs) this.resourceIds.add(r.keyText);
  }

  run(out: EvaluationResult): void {
    const resPair = getPair(this.root, 'Resources');
    const res = deref(resPair?.value);
    if (!resPair) {
      this.problem(this.root.start, Math.min(this.root.start + 1, this.root.end), 'error', 'The template has no Resources section');
      return;
    }
    if (res?.kind !== 'mapping') {
      this.problem(resPair.key.start, resPair.key.end, 'error', 'Resources must be a mapping of logical ids to resource definitions');
      return;
    }
    const globals = this.samGlobals();
    const last = new Map<string, number>();
    res.pairs.forEach((p, i) => last.set(p.keyText, i));
    for (let i = 0; i < res.pairs.length; i++) {
      const pair = res.pairs[i]!;
      const body = deref(pair.value);
      const id = pair.keyText;
      // A repeated logical id: the last definition wins (the parser has already warned).
      if (last.get(id) !== i) continue;
      if (body?.kind !== 'mapping') {
        this.problem(pair.key.start, pair.key.end, 'error', `Resource ${id} must be a mapping with a Type`);
        continue;
      }
      const typeNode = deref(getPair(body, 'Type')?.value);
      if (typeNode?.kind !== 'scalar' || typeof typeNode.value !== 'string' || typeNode.value === '') {
        this.problem(pair.key.start, pair.key.end, 'error', `Resource ${id} has no Type`);
        continue;
      }
      const type = typeNode.value;
      let condition: string | undefined;
      const condNode = deref(getPair(body, 'Condition')?.value);
      if (condNode?.kind === 'scalar' && condNode.value !== null) {
        condition = String(condNode.value);
        if (!this.conditionNodes.has(condition)) {
          this.problem(condNode.start, condNode.end, 'warning', `Condition ${condition} is not defined in the Conditions section`);
        } else if (this.condition(condition, 0) === false) continue;
      }
      const propsPair = getPair(body, 'Properties');
      const propsNode = deref(propsPair?.value);
      let bodyVal: ObjectVal = { kind: 'object', origin: 'explicit', fields: new Map() };
      if (propsNode) {
        const v = this.eval(propsPair!.value!, 0);
        if (v !== NO_VALUE && v.kind === 'object') bodyVal = v;
        else if (propsNode.kind !== 'mapping' && v !== NO_VALUE && v.kind !== 'unknown') {
          this.problem(propsNode.start, propsNode.end, 'error', `Properties of ${id} must be a mapping`);
        }
      }
      const g = globals.get(type);
      if (g) {
        bodyVal = { ...bodyVal, fields: new Map(bodyVal.fields) };
        mergeGlobals(bodyVal, g);
      }
      const r: SourceResource = {
        format: 'cloudformation',
        mode: 'resource',
        file: this.file.path,
        type,
        name: id,
        address: id,
        span: this.span(pair.start, pair.end),
        headerSpan: this.span(pair.key.start, pair.key.end),
        body: bodyVal,
      };
      // The Properties node as written here (an alias stays an alias: its anchor belongs to someone else).
      if (propsPair?.value) r.bodySpan = this.span(propsPair.value.start, propsPair.value.end);
      if (condition !== undefined) r.condition = condition;
      const metaPair = getPair(body, 'Metadata');
      if (metaPair?.value) {
        const m = this.eval(metaPair.value, 0);
        r.metadata = m !== NO_VALUE && m.kind === 'object' ? m : { kind: 'object', origin: 'explicit', fields: new Map() };
      } else r.metadata = { kind: 'object', origin: 'explicit', fields: new Map() };
      out.resources.push(r);
    }
  }

  /** SAM `Globals`: section name → evaluated properties, keyed by the serverless resource type they apply to. */
  private samGlobals(): Map<string, ObjectVal> {
    const out = new Map<string, ObjectVal>();
    const g = deref(getPair(this.root, 'Globals')?.value);
    if (g?.kind !== 'mapping') return out;
    for (const section of g.pairs) {
      if (!section.value) continue;
      const v = this.eval(section.value, 0);
      if (v !== NO_VALUE && v.kind === 'object') out.set(`AWS::Serverless::${section.keyText}`, v);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Values

  private eval(node: CfnNode, depth: number, ignoreTag = false): EvalResult {
    if (depth > MAX_EVAL_DEPTH) return unknown('nested too deeply to evaluate', this.span(node.start, node.end));
    if (node.kind === 'alias') {
      if (!node.target) return unknown(node.limited ? 'alias not expanded (alias expansion limit)' : `undefined alias *${node.name}`, this.span(node.start, node.end));
      // Anchored values evaluate the same wherever they are repeated, so each is evaluated once and shared.
      let v = this.aliasCache.get(node.target);
      if (v === undefined) {
        v = this.eval(node.target, depth + 1);
        this.aliasCache.set(node.target, v);
      }
      return v;
    }
    const fn = this.intrinsic(node, ignoreTag);
    if (fn) return this.call(fn, node, depth + 1);
    switch (node.kind) {
      case 'scalar':
        return this.scalar(node);
      case 'sequence': {
        const items: Val[] = [];
        for (const it of node.items) {
          const v = this.eval(it, depth + 1);
          if (v !== NO_VALUE) items.push(v);
        }
        return { kind: 'list', origin: 'explicit', span: this.span(node.start, node.end), items };
      }
      case 'mapping': {
        const fields = new Map<string, Field>();
        for (const p of node.pairs) {
          const v: EvalResult = p.value ? this.eval(p.value, depth + 1) : { kind: 'null', origin: 'explicit', span: this.span(p.key.end, p.end) };
          fields.delete(p.keyText);
          if (v === NO_VALUE) continue;
          fields.set(p.keyText, { key: p.keyText, keySpan: this.span(p.key.start, p.key.end), value: v });
        }
        return { kind: 'object', origin: 'explicit', span: this.span(node.start, node.end), fields };
      }
    }
  }

  private scalar(node: ScalarNode): Val {
    const span = this.span(node.start, node.end);
    const v = node.value;
    if (v === null) return { kind: 'null', origin: 'explicit', span };
    if (typeof v === 'number') return { kind: 'number', value: v, origin: 'explicit', span };
    if (typeof v === 'boolean') return { kind: 'bool', value: v, origin: 'explicit', span };
    const s: StringVal = { kind: 'string', value: v, origin: 'explicit', span };
    if (looksLikeJsonObject(v)) {
      const map = scalarOffsetMap(this.file.text, node);
      const parsed = parseJsonToVal(v, this.file.path, node.contentStart, map);
      if (parsed.value && parsed.errors.length === 0) {
        // Without a character map (folded text, YAML-only escapes) the best honest location is the whole string.
        if (!map) respan(parsed.value, span);
        s.json = parsed.value;
      }
    }
    return s;
  }

  private intrinsic(node: CfnNode, ignoreTag = false): Intrinsic | undefined {
    if (node.tag && !ignoreTag) {
      const fn = TAG_TO_FUNCTION[node.tag];
      return fn ? { fn, arg: node, tagged: true } : undefined;
    }
    if (node.kind === 'mapping' && node.pairs.length === 1) {
      const p = node.pairs[0]!;
      if (p.keyText === 'Ref' || p.keyText.startsWith('Fn::')) return { fn: p.keyText, arg: p.value, tagged: false };
    }
    return undefined;
  }

  /** Evaluates the intrinsic's argument as a whole value. */
  private evalArg(fn: Intrinsic, depth: number): EvalResult {
    if (!fn.arg) return unknown('missing argument');
    return this.eval(fn.arg, depth, fn.tagged);
  }

  /** Argument items when the argument is a literal list (`!Join [",", [...]]`). */
  private argItems(fn: Intrinsic): CfnNode[] | undefined {
    const a = fn.tagged ? fn.arg : deref(fn.arg);
    if (a?.kind === 'sequence') return a.items;
    const d = deref(a);
    return d?.kind === 'sequence' ? d.items : undefined;
  }

  private call(fn: Intrinsic, node: CfnNode, depth: number): EvalResult {
    const span = this.span(node.start, node.end);
    switch (fn.fn) {
      case 'Ref':
        return this.ref(fn, span);
      case 'Fn::GetAtt':
        return this.getAtt(fn, span, depth);
      case 'Fn::Sub':
        return this.sub(fn, span, depth);
      case 'Fn::Join':
        return this.join(fn, span, depth);
      case 'Fn::Select':
        return this.select(fn, span, depth);
      case 'Fn::Split':
        return this.split(fn, span, depth);
      case 'Fn::FindInMap':
        return this.findInMap(fn, span, depth);
      case 'Fn::If':
        return this.fnIf(fn, span, depth);
      case 'Fn::Equals':
      case 'Fn::Not':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Condition': {
        const b = this.condValue(node, depth);
        return b === undefined ? unknown('condition depends on values not known statically', span) : { kind: 'bool', value: b, origin: 'derived', span, via: [] };
      }
      case 'Fn::Base64': {
        const v = this.evalArg(fn, depth);
        if (v === NO_VALUE) return unknown('Fn::Base64 of AWS::NoValue', span);
        if (v.kind === 'string') return { kind: 'string', value: Buffer.from(v.value, 'utf8').toString('base64'), origin: 'derived', span, via: viaOf(v) };
        return unknown('Fn::Base64 of a value not known statically', span, v.refs);
      }
      case 'Fn::Length': {
        const v = this.evalArg(fn, depth);
        if (v !== NO_VALUE && v.kind === 'list') return { kind: 'number', value: v.items.length, origin: 'derived', span, via: viaOf(v) };
        return unknown('Fn::Length of a list not known statically', span, v !== NO_VALUE ? v.refs : undefined);
      }
      case 'Fn::ToJsonString': {
        const v = this.evalArg(fn, depth);
        if (v === NO_VALUE || !fullyKnown(v)) return unknown('Fn::ToJsonString of values not known statically', span, v !== NO_VALUE ? v.refs : undefined);
        // The structure keeps the spans where each part is written, which is what policy checks want.
        return { kind: 'string', value: JSON.stringify(toPlain(v)), origin: 'derived', span, via: viaOf(v), json: v };
      }
      case 'Fn::GetAZs':
        return unknown('Fn::GetAZs (the region’s Availability Zones)', span);
      case 'Fn::ImportValue': {
        const v = this.evalArg(fn, depth);
        const name = v !== NO_VALUE && v.kind === 'string' ? ` ${v.value}` : '';
        return unknown(`imported value${name}`, span, v !== NO_VALUE ? v.refs : undefined);
      }
      case 'Fn::Cidr':
        return unknown('Fn::Cidr (computed at deployment)', span);
      case 'Fn::Transform':
        return unknown('Fn::Transform (a macro runs at deployment)', span);
      default:
        return unknown(`${fn.fn} is not evaluated statically`, span);
    }
  }

  private argString(node: CfnNode | undefined, depth: number): string | undefined {
    if (!node) return undefined;
    const v = this.eval(node, depth);
    if (v === NO_VALUE) return undefined;
    if (v.kind === 'string') return v.value;
    if (v.kind === 'number' || v.kind === 'bool') return String(v.value);
    return undefined;
  }

  private ref(fn: Intrinsic, span: Span): EvalResult {
    const a = fn.tagged ? fn.arg : deref(fn.arg);
    const name = a?.kind === 'scalar' && a.value !== null ? String(a.value) : undefined;
    if (!name) {
      this.problem(span.start, span.end, 'error', 'Ref needs the name of a parameter or resource');
      return unknown('invalid Ref', span);
    }
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (PSEUDO.has(name) || name.startsWith('AWS::')) return unknown(`pseudo parameter ${name}`, span);
    if (this.params.has(name)) return this.paramValue(name, span);
    if (this.resourceIds.has(name)) return unknown(`reference to resource ${name}`, span, [{ address: name }]);
    this.problem(span.start, span.end, 'warning', `Ref to ${name}, which is neither a parameter nor a resource of this template`);
    return unknown(`undefined name ${name}`, span);
  }

  private readonly paramCache = new Map<string, Val>();

  private paramValue(name: string, span: Span): Val {
    const p = this.params.get(name)!;
    if (!p.def) return unknown(`parameter ${name} has no default`, span);
    let v = this.paramCache.get(name);
    if (!v) {
      const raw = this.eval(p.def, 0);
      v = raw === NO_VALUE ? unknown(`parameter ${name} default is AWS::NoValue`) : raw;
      const isList = p.type !== undefined && (p.type === 'CommaDelimitedList' || p.type.startsWith('List<'));
      if (isList && v.kind === 'string') {
        const s = v.span;
        const items: Val[] = v.value.split(',').map((x) => {
          const sv: StringVal = { kind: 'string', value: x.trim(), origin: 'explicit' };
          if (s) sv.span = s;
          return sv;
        });
        const lv: ListVal = { kind: 'list', items, origin: 'explicit' };
        if (s) lv.span = s;
        v = lv;
      }
      this.paramCache.set(name, v);
    }
    const defSpan = this.span(p.def.start, p.def.end);
    return rederive(v, span, [defSpan]);
  }

  private getAtt(fn: Intrinsic, span: Span, depth: number): Val {
    const a = fn.tagged ? fn.arg : deref(fn.arg);
    let res: string | undefined;
    let attr: string | undefined;
    if (a?.kind === 'scalar' && typeof a.value === 'string') {
      const dot = a.value.indexOf('.');
      res = dot < 0 ? a.value : a.value.slice(0, dot);
      attr = dot < 0 ? undefined : a.value.slice(dot + 1);
    } else if (a?.kind === 'sequence' && a.items.length >= 1) {
      const r = deref(a.items[0]);
      if (r?.kind === 'scalar' && r.value !== null) res = String(r.value);
      if (a.items[1]) attr = this.argString(a.items[1], depth);
    }
    if (!res) {
      this.problem(span.start, span.end, 'error', 'Fn::GetAtt needs a resource logical id and an attribute name');
      return unknown('invalid Fn::GetAtt', span);
    }
    if (!this.resourceIds.has(res)) {
      this.problem(span.start, span.end, 'warning', `Fn::GetAtt refers to ${res}, which is not a resource of this template`);
    }
    const ref: ResourceRef = { address: res };
    if (attr !== undefined) ref.attribute = attr;
    return unknown(`attribute ${res}.${attr ?? '?'}`, span, [ref]);
  }

  private sub(fn: Intrinsic, span: Span, depth: number): EvalResult {
    const a = fn.tagged ? fn.arg : deref(fn.arg);
    let template: string | undefined;
    const vars = new Map<string, EvalResult>();
    if (a?.kind === 'scalar' && typeof a.value === 'string') template = a.value;
    else if (a?.kind === 'sequence') {
      const t = a.items[0] ? this.eval(a.items[0], depth) : undefined;
      if (t && t !== NO_VALUE && t.kind === 'string') template = t.value;
      const m = deref(a.items[1]);
      if (m?.kind === 'mapping') for (const p of m.pairs) if (p.value) vars.set(p.keyText, this.eval(p.value, depth));
    }
    if (template === undefined) return unknown('Fn::Sub with a template not known statically', span);
    let out = '';
    let known = true;
    let substituted = false;
    const refs: ResourceRef[] = [];
    const via: Span[] = [];
    let i = 0;
    while (i < template.length) {
      const k = template.indexOf('${', i);
      if (k < 0) {
        out += template.slice(i);
        break;
      }
      out += template.slice(i, k);
      const close = template.indexOf('}', k + 2);
      if (close < 0) {
        out += template.slice(k);
        break;
      }
      const name = template.slice(k + 2, close).trim();
      i = close + 1;
      if (name.startsWith('!')) {
        out += '${' + name.slice(1) + '}';
        continue;
      }
      substituted = true;
      const v = this.subVar(name, vars, span);
      if (v === NO_VALUE) continue;
      if (v.kind === 'string' || v.kind === 'number' || v.kind === 'bool') {
        out += String(v.value);
        via.push(...viaOf(v));
      } else {
        known = false;
        if (v.refs) refs.push(...v.refs);
      }
    }
    if (!known) return unknown('Fn::Sub with parts not known statically', span, refs);
    const result: StringVal = substituted ? { kind: 'string', value: out, origin: 'derived', span, via } : { kind: 'string', value: out, origin: 'explicit', span };
    if (looksLikeJsonObject(out)) {
      // A policy written with !Sub: the text after substitution has no exact place, so parts point at the !Sub.
      const parsed = parseJsonToVal(out, this.file.path, span.start);
      if (parsed.value && parsed.errors.length === 0) {
        respan(parsed.value, span);
        result.json = parsed.value;
      }
    }
    return result;
  }

  private subVar(name: string, vars: Map<string, EvalResult>, span: Span): EvalResult {
    const v = vars.get(name);
    if (v !== undefined) return v;
    if (this.params.has(name)) return this.paramValue(name, span);
    if (PSEUDO.has(name) || name.startsWith('AWS::')) return unknown(`pseudo parameter ${name}`, span);
    const dot = name.indexOf('.');
    const res = dot < 0 ? name : name.slice(0, dot);
    if (this.resourceIds.has(res)) {
      const ref: ResourceRef = { address: res };
      if (dot >= 0) ref.attribute = name.slice(dot + 1);
      return unknown(`reference to ${name}`, span, [ref]);
    }
    this.problem(span.start, span.end, 'warning', `Fn::Sub variable \${${name}} is not a parameter, resource or variable of this template`);
    return unknown(`undefined name ${name}`, span);
  }

  private join(fn: Intrinsic, span: Span, depth: number): Val {
    const items = this.argItems(fn);
    if (!items || items.length < 2) return unknown('invalid Fn::Join', span);
    const delim = this.argString(items[0], depth) ?? undefined;
    const list = this.eval(items[1]!, depth);
    if (delim === undefined || list === NO_VALUE || list.kind !== 'list') {
      return unknown('Fn::Join of values not known statically', span, list !== NO_VALUE ? list.refs : undefined);
    }
    const parts: string[] = [];
    const refs: ResourceRef[] = [];
    const via: Span[] = [];
    let known = true;
    for (const it of list.items) {
      if (it.kind === 'string' || it.kind === 'number' || it.kind === 'bool') {
        parts.push(String(it.value));
        if (it.origin === 'derived') via.push(...viaOf(it));
      } else {
        known = false;
        if (it.refs) refs.push(...it.refs);
      }
    }
    if (!known) return unknown('Fn::Join with parts not known statically', span, refs);
    return { kind: 'string', value: parts.join(delim), origin: 'derived', span, via };
  }

  private select(fn: Intrinsic, span: Span, depth: number): Val {
    const items = this.argItems(fn);
    if (!items || items.length < 2) return unknown('invalid Fn::Select', span);
    const idx = Number(this.argString(items[0], depth));
    const list = this.eval(items[1]!, depth);
    if (!Number.isInteger(idx) || list === NO_VALUE || list.kind !== 'list') return unknown('Fn::Select over values not known statically', span, list !== NO_VALUE ? list.refs : undefined);
    const item = list.items[idx];
    if (!item) {
      this.problem(span.start, span.end, 'warning', `Fn::Select index ${idx} is out of range (the list has ${list.items.length} items)`);
      return unknown('Fn::Select index out of range', span);
    }
    return rederive(item, span, viaOf(item));
  }

  private split(fn: Intrinsic, span: Span, depth: number): Val {
    const items = this.argItems(fn);
    if (!items || items.length < 2) return unknown('invalid Fn::Split', span);
    const delim = this.argString(items[0], depth);
    const src = this.eval(items[1]!, depth);
    if (delim === undefined || delim === '' || src === NO_VALUE || src.kind !== 'string') {
      return unknown('Fn::Split of a value not known statically', span, src !== NO_VALUE ? src.refs : undefined);
    }
    const via = viaOf(src);
    return {
      kind: 'list',
      origin: 'derived',
      span,
      via,
      items: src.value.split(delim).map((s) => ({ kind: 'string', value: s, origin: 'derived', span, via }) as StringVal),
    };
  }

  private findInMap(fn: Intrinsic, span: Span, depth: number): Val {
    const items = this.argItems(fn);
    if (!items || items.length < 3) return unknown('invalid Fn::FindInMap', span);
    const keys = [0, 1, 2].map((i) => this.argString(items[i], depth));
    if (keys.some((k) => k === undefined)) return unknown('Fn::FindInMap with keys not known statically', span);
    const [m, k1, k2] = keys as string[];
    const top = deref(this.mappings ? getPair(this.mappings, m!)?.value : undefined);
    const second = top?.kind === 'mapping' ? deref(getPair(top, k1!)?.value) : undefined;
    const pair = second?.kind === 'mapping' ? getPair(second, k2!) : undefined;
    if (!pair?.value) {
      if (items[3]) {
        // Language-extensions form: [Map, K1, K2, {DefaultValue: v}].
        const d = deref(items[3]);
        const dv = d?.kind === 'mapping' ? getPair(d, 'DefaultValue')?.value : undefined;
        if (dv) {
          const v = this.eval(dv, depth);
          return v === NO_VALUE ? unknown('AWS::NoValue default', span) : v;
        }
      }
      this.problem(span.start, span.end, 'warning', `Fn::FindInMap: mapping ${m} has no entry ${k1} → ${k2}`);
      return unknown(`no mapping entry ${m}.${k1}.${k2}`, span);
    }
    const v = this.eval(pair.value, depth);
    if (v === NO_VALUE) return unknown('AWS::NoValue in a mapping', span);
    return rederive(v, span, viaOf(v));
  }

  private fnIf(fn: Intrinsic, span: Span, depth: number): EvalResult {
    const items = this.argItems(fn);
    if (!items || items.length < 3) return unknown('invalid Fn::If', span);
    const nameNode = deref(items[0]);
    const name = nameNode?.kind === 'scalar' && nameNode.value !== null ? String(nameNode.value) : undefined;
    if (name === undefined) return unknown('Fn::If needs a condition name', span);
    if (!this.conditionNodes.has(name)) {
      this.problem(nameNode!.start, nameNode!.end, 'warning', `Condition ${name} is not defined in the Conditions section`);
    }
    const c = this.condition(name, depth);
    if (c === true) return this.eval(items[1]!, depth);
    if (c === false) return this.eval(items[2]!, depth);
    const refs: ResourceRef[] = [];
    for (const branch of [items[1]!, items[2]!]) {
      const v = this.eval(branch, depth);
      if (v !== NO_VALUE && v.refs) refs.push(...v.refs);
    }
    return unknown(`condition ${name} is not known statically`, span, refs);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Conditions

  private condition(name: string, depth: number): boolean | undefined {
    const memo = this.conditionMemo.get(name);
    if (memo === 'pending') {
      const n = this.conditionNodes.get(name);
      if (n) this.problem(n.start, n.end, 'error', `Condition ${name} refers to itself`);
      return undefined;
    }
    if (this.conditionMemo.has(name)) return memo as boolean | undefined;
    const node = this.conditionNodes.get(name);
    if (!node) return undefined;
    this.conditionMemo.set(name, 'pending');
    const v = this.condValue(node, depth + 1);
    this.conditionMemo.set(name, v);
    return v;
  }

  /** A condition expression: true, false, or undefined when it depends on something not known. */
  private condValue(node: CfnNode, depth: number): boolean | undefined {
    if (depth > MAX_EVAL_DEPTH) return undefined;
    const n = node.kind === 'alias' ? deref(node) : node;
    if (!n) return undefined;
    let fn = this.intrinsic(n);
    if (!fn && n.kind === 'mapping' && n.pairs.length === 1 && n.pairs[0]!.keyText === 'Condition') {
      fn = { fn: 'Condition', arg: n.pairs[0]!.value, tagged: false };
    }
    if (!fn) {
      if (n.kind === 'scalar' && typeof n.value === 'boolean') return n.value;
      if (n.kind === 'scalar' && (n.value === 'true' || n.value === 'false')) return n.value === 'true';
      return undefined;
    }
    const items = this.argItems(fn);
    switch (fn.fn) {
      case 'Fn::Equals': {
        if (!items || items.length !== 2) return undefined;
        const a = this.eval(items[0]!, depth + 1);
        const b = this.eval(items[1]!, depth + 1);
        const pa = comparable(a);
        const pb = comparable(b);
        if (pa === undefined || pb === undefined) return undefined;
        return pa === pb;
      }
      case 'Fn::Not': {
        const inner = items ? items[0] : undefined;
        if (!inner) return undefined;
        const v = this.condValue(inner, depth + 1);
        return v === undefined ? undefined : !v;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!items) return undefined;
        const and = fn.fn === 'Fn::And';
        let sawUnknown = false;
        for (const it of items) {
          const v = this.condValue(it, depth + 1);
          if (v === undefined) sawUnknown = true;
          else if (v !== and) return v;
        }
        return sawUnknown ? undefined : and;
      }
      case 'Condition': {
        const a = fn.tagged ? fn.arg : deref(fn.arg);
        if (a?.kind !== 'scalar' || a.value === null) return undefined;
        const name = String(a.value);
        if (!this.conditionNodes.has(name)) {
          this.problem(a.start, a.end, 'warning', `Condition ${name} is not defined in the Conditions section`);
          return undefined;
        }
        return this.condition(name, depth + 1);
      }
      default: {
        const v = this.eval(n, depth + 1);
        return v !== NO_VALUE && v.kind === 'bool' ? v.value : undefined;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  private span(start: number, end: number): Span {
    return { file: this.file.path, start, end };
  }

  private problem(start: number, end: number, severity: 'error' | 'warning', message: string) {
    const key = `${start}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(structure(this.file, start, end, severity, message));
  }
}

function fullyKnown(v: Val, depth = 0): boolean {
  if (depth > MAX_EVAL_DEPTH) return false;
  if (v.kind === 'unknown') return false;
  if (v.kind === 'list') return v.items.every((i) => fullyKnown(i, depth + 1));
  if (v.kind === 'object') for (const f of v.fields.values()) if (!fullyKnown(f.value, depth + 1)) return false;
  return true;
}

function comparable(v: EvalResult): string | undefined {
  if (v === NO_VALUE) return undefined;
  if (v.kind === 'string' || v.kind === 'number' || v.kind === 'bool') return String(v.value);
  return undefined;
}

/** The chain a value came through: its own `via`, or the place its literal is written. */
function viaOf(v: Val): Span[] {
  if (v.via && v.via.length) return v.via;
  return v.span ? [v.span] : [];
}

/** The same value seen at a use site: derived, located at `span`, with `via` the chain behind it. */
function rederive(v: Val, span: Span, via: Span[]): Val {
  if (v.kind === 'unknown') return { ...v, span };
  return { ...v, origin: 'derived', span, via } as Val;
}

function respan(v: Val, span: Span): void {
  v.span = span;
  if (v.kind === 'list') for (const i of v.items) respan(i, span);
  if (v.kind === 'object') {
    for (const f of v.fields.values()) {
      f.keySpan = span;
      respan(f.value, span);
    }
  }
}

function looksLikeJsonObject(s: string): boolean {
  const t = s.trim();
  return t.length > 1 && t[0] === '{' && t[t.length - 1] === '}';
}

/**
 * SAM Globals, as the SAM translator merges them: a property the resource does not set comes from Globals,
 * mappings merge key by key (the resource wins), lists concatenate (global entries first), and a scalar set on
 * the resource replaces the global one.
 */
function mergeGlobals(body: ObjectVal, globals: ObjectVal): void {
  for (const [k, f] of globals.fields) {
    const own = body.fields.get(k);
    if (!own) {
      body.fields.set(k, { key: k, keySpan: f.keySpan, value: fromGlobals(f.value) } as Field);
    } else if (own.value.kind === 'object' && f.value.kind === 'object') {
      const copy: ObjectVal = { ...own.value, fields: new Map(own.value.fields) };
      mergeGlobals(copy, f.value);
      body.fields.set(k, { ...own, value: copy });
    } else if (own.value.kind === 'list' && f.value.kind === 'list') {
      const merged: ListVal = { ...own.value, items: [...f.value.items.map(fromGlobals), ...own.value.items] };
      body.fields.set(k, { ...own, value: merged });
    }
  }
}

function fromGlobals(v: Val): Val {
  if (v.kind === 'unknown' || v.origin === 'derived') return v;
  const via = v.span ? [v.span] : [];
  return { ...v, origin: 'derived', via } as Val;
}
