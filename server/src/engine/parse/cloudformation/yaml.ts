// CloudFormation YAML → CfnNode tree.
//
// Two paths give the same tree. Typical templates are read by a hand-written reader (yaml-fast.ts) that knows
// the subset of YAML templates use and is about as fast per character as our JSON parser. Everything else goes
// through the general path below, built on the `yaml` package's lossless CST parser and composer, which stays
// the source of truth: it implements YAML 1.2 fully (block scalars, flow collections, anchors, explicit keys,
// directives), recovers after errors, reports exact offsets and produces every diagnostic. The fast reader
// declines any document that would have a diagnostic or that it cannot read exactly, and the differential
// tests in test/engine/parse/cloudformation/yaml-fast.test.ts compare the two on thousands of inputs.
// The general path's weak spots are covered here:
// - Its composer is recursive: deep nesting overflows the stack (and very deep block input has been seen to
//   exhaust memory in the error path). We measure depth on the CST first (iteratively) and blank out
//   collections nested deeper than MAX_DEPTH before composing, reporting each blanked region.
// - Aliases are not expanded by the composer; our tree keeps aliases as pointers and a budget bounds the total
//   expansion, so a "billion laughs" document costs linear time.
import { Composer, Parser, YAMLMap, YAMLSeq, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { CollectionTag, Node as YamlNode, Pair as YamlPair, ScalarTag, YAMLError } from 'yaml';
import { MAX_DEPTH, singlePairMapping } from './nodes';
import type {
  AliasNode,
  CfnNode,
  MappingNode,
  ParseDiagnostic,
  PairNode,
  RawComment,
  ScalarNode,
  ScalarStyle,
  SequenceNode,
  TemplateParse,
} from './nodes';
import { TAG_TO_FUNCTION, isIntrinsicTag } from './intrinsics';
import { deepRegions } from './prescan';
import { columnOf, parseYamlFast, tagStartBefore, trimEndWs } from './yaml-fast';

/** Upper bound on nodes added by expanding aliases, over the whole document. */
export const MAX_ALIAS_EXPANSION = 100_000;

interface CstToken {
  type: string;
  offset: number;
  source?: string;
  [k: string]: unknown;
}

/**
 * Parses a CloudFormation YAML template. Typical templates are read by the fast path (yaml-fast.ts); anything
 * it is not certain about goes through the general path below, which gives the same result for what both read.
 */
export function parseYamlTemplate(text: string): TemplateParse {
  return parseYamlFast(text) ?? parseYamlTemplateSlow(text);
}

/** The general path on top of the `yaml` package: all of YAML, diagnostics, error recovery. Exported for tests. */
export function parseYamlTemplateSlow(text: string): TemplateParse {
  const diagnostics: ParseDiagnostic[] = [];
  const comments: RawComment[] = [];
  // Lexical estimate first (protects the CST parser), then the exact check on the CST (protects the composer).
  let deep = deepRegions(text, MAX_DEPTH);
  let source = deep.length > 0 ? blank(text, deep) : text;
  let tokens: CstToken[];
  try {
    tokens = [...new Parser().parse(source)] as unknown as CstToken[];
    const exact = scanCst(tokens, comments);
    if (exact.length > 0) {
      deep = deep.concat(exact);
      source = blank(source, exact);
      comments.length = 0;
      tokens = [...new Parser().parse(source)] as unknown as CstToken[];
      scanCst(tokens, comments);
    }
  } catch (e) {
    return { diagnostics: [tooComplex(text, e)], comments: [] };
  }
  if (deep.length > 0) {
    deep.sort((a, b) => a[0] - b[0]);
    diagnostics.push({
      start: deep[0]![0],
      end: Math.min(deep[0]![0] + 1, text.length),
      severity: 'error',
      code: 'nesting-too-deep',
      message:
        `YAML nested more than ${MAX_DEPTH} levels deep; the deeper content` +
        (deep.length > 1 ? ` (${deep.length} places)` : '') +
        ' is not analyzed',
    });
  }

  const composer = new Composer({ uniqueKeys: false, strict: false, prettyErrors: false, customTags: INTRINSIC_TAGS });
  let docs: ReturnType<Composer['compose']> extends Generator<infer D> ? D[] : never;
  try {
    docs = [...composer.compose(tokens as never, true, source.length)];
  } catch (e) {
    return { diagnostics: [...diagnostics, tooComplex(text, e)], comments };
  }
  const doc = docs[0];
  if (!doc) return { diagnostics, comments };
  if (docs.length > 1) {
    const second = docs[1]!;
    const at = second.range?.[0] ?? 0;
    diagnostics.push({
      start: at,
      end: Math.min(at + 3, text.length),
      severity: 'warning',
      code: 'yaml-syntax',
      message: 'This file holds more than one YAML document; only the first is read as the template',
    });
  }
  for (const e of doc.errors) diagnostics.push(fromYamlError(e, text.length, 'error'));
  for (const w of doc.warnings) {
    // Intrinsic tags are ours; unknown tags are reported by the converter with a clearer message.
    if (w.code === 'TAG_RESOLVE_FAILED') continue;
    diagnostics.push(fromYamlError(w, text.length, 'warning'));
  }
  const conv = new Converter(text, diagnostics);
  const root = doc.contents ? conv.node(doc.contents as YamlNode, 0) : undefined;
  return { root, diagnostics, comments };
}

// Declaring the intrinsic tags keeps the composer from creating an "unresolved tag" error object (with a stack
// trace, which dominated parse time) for every !Ref. Scalars under them stay strings, collections stay as they are.
const INTRINSIC_TAGS = Object.keys(TAG_TO_FUNCTION).flatMap((tag) => [
  { tag, resolve: (v: string) => v } as ScalarTag,
  { tag, collection: 'map', nodeClass: YAMLMap, resolve: (m: unknown) => m } as unknown as CollectionTag,
  { tag, collection: 'seq', nodeClass: YAMLSeq, resolve: (q: unknown) => q } as unknown as CollectionTag,
]);

function blank(text: string, regions: [number, number][]): string {
  // Same length and same line breaks, so every offset outside the blanked regions is unchanged.
  const chars = text.split('');
  for (const [s, e] of regions) {
    for (let i = s; i < e && i < chars.length; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  }
  return chars.join('');
}

function tooComplex(text: string, e: unknown): ParseDiagnostic {
  const why = e instanceof RangeError ? 'it is nested too deeply' : String((e as Error)?.message ?? e);
  return { start: 0, end: Math.min(1, text.length), severity: 'error', code: 'yaml-syntax', message: `The YAML could not be read: ${why}` };
}

// The yaml package's messages, reworded where they are cryptic for someone editing a template.
const FRIENDLY: Record<string, string> = {
  TAB_AS_INDENT: 'Tabs are not allowed for indentation in YAML; indent with spaces',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line: a line is probably mis-indented or missing its ":"',
  BLOCK_AS_IMPLICIT_KEY: 'A nested mapping cannot start on the same line as its key: check the indentation',
  RESOURCE_EXHAUSTION: 'The YAML is too complex to read',
};

function fromYamlError(e: YAMLError, len: number, severity: 'error' | 'warning'): ParseDiagnostic {
  let [start, end] = e.pos;
  start = Math.max(0, Math.min(start, len));
  end = Math.max(start, Math.min(end, len));
  const friendly = FRIENDLY[e.code];
  const message = friendly ? `${friendly} (${e.message})` : e.message;
  return { start, end, severity, code: 'yaml-syntax', message };
}

/**
 * Walks the CST without recursion: collects comments and returns the regions of collections nested deeper
 * than MAX_DEPTH (outermost only).
 */
function scanCst(tokens: CstToken[], comments: RawComment[]): [number, number][] {
  const deep: [number, number][] = [];
  // Two parallel stacks instead of a {token, depth} object per entry: this walk visits every CST token of the
  // file, and the allocations showed in profiles of large templates.
  const stack: unknown[] = [];
  const depths: number[] = [];
  const push = (t: unknown, depth: number) => {
    if (t !== undefined && t !== null) {
      stack.push(t);
      depths.push(depth);
    }
  };
  for (let i = tokens.length - 1; i >= 0; i--) push(tokens[i], 0);
  while (stack.length > 0) {
    const t = stack.pop();
    const depth = depths.pop()!;
    if (typeof t !== 'object') continue;
    if (Array.isArray(t)) {
      for (let i = t.length - 1; i >= 0; i--) push(t[i], depth);
      continue;
    }
    const tok = t as CstToken;
    if (tok.type === 'comment' && typeof tok.source === 'string') {
      comments.push({ start: tok.offset, end: tok.offset + tok.source.length, text: tok.source.slice(1) });
      continue;
    }
    const isCollection = tok.type === 'block-map' || tok.type === 'block-seq' || tok.type === 'flow-collection';
    const d = isCollection ? depth + 1 : depth;
    if (isCollection && d > MAX_DEPTH) {
      deep.push([tok.offset, tokenEnd(tok)]);
      continue;
    }
    // Children in document order (start, props, items, key, sep, value, end), pushed reversed so they pop in order.
    push(tok.end, d);
    push(tok.value, d);
    push(tok.sep, d);
    push(tok.key, d);
    const items = tok.items;
    if (Array.isArray(items)) {
      for (let i = items.length - 1; i >= 0; i--) {
        const it = items[i] as Record<string, unknown>;
        push(it.value, d);
        push(it.sep, d);
        push(it.key, d);
        push(it.start, d);
      }
    } else push(items, d);
    push(tok.props, d);
    push(tok.start, d);
  }
  comments.sort((a, b) => a.start - b.start);
  return deep;
}

/** End offset of a CST token, from its furthest leaf (iterative). */
function tokenEnd(root: CstToken): number {
  let end = root.offset;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const t = stack.pop();
    if (!t || typeof t !== 'object') continue;
    if (Array.isArray(t)) {
      for (const x of t) stack.push(x);
      continue;
    }
    const tok = t as CstToken;
    if (tok.type === 'block-scalar') {
      let headerEnd = tok.offset;
      for (const p of (tok.props as CstToken[] | undefined) ?? []) {
        if (typeof p.source === 'string') headerEnd = Math.max(headerEnd, p.offset + p.source.length);
      }
      end = Math.max(end, headerEnd + (tok.source?.length ?? 0));
      continue;
    }
    if (typeof tok.source === 'string' && typeof tok.offset === 'number' && tok.type !== 'newline') {
      end = Math.max(end, tok.offset + tok.source.length);
    }
    for (const k of ['start', 'items', 'key', 'sep', 'value', 'end']) {
      const v = tok[k];
      if (k === 'items' && Array.isArray(v)) {
        for (const it of v as Record<string, unknown>[]) stack.push(it.start, it.key, it.sep, it.value);
      } else if (v !== undefined) stack.push(v);
    }
  }
  return end;
}

class Converter {
  private anchors = new Map<string, CfnNode>();
  private expansion = 0;
  private limitReported = false;

  constructor(
    private readonly text: string,
    private readonly diagnostics: ParseDiagnostic[],
  ) {}

  node(n: YamlNode, depth: number): CfnNode {
    const built = this.build(n, depth);
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor) {
      built.anchor = anchor;
      // Registered once complete: an alias inside its own anchor's node cannot form a cycle.
      this.anchors.set(anchor, built);
    }
    return built;
  }

  private build(n: YamlNode, depth: number): CfnNode {
    const range = n.range ?? [0, 0, 0];
    const valueStart = range[0];
    const { tag, tagStart } = this.tagOf(n, valueStart);
    const start = tagStart ?? valueStart;
    if (tag && !isIntrinsicTag(tag)) {
      this.diagnostics.push({
        start,
        end: tagStart !== undefined ? tagStart + tag.length : valueStart,
        severity: 'warning',
        code: 'yaml-unknown-tag',
        message: `Unknown tag ${tag}: not a CloudFormation intrinsic function; the value is read without it`,
      });
    }

    if (isAlias(n)) {
      const name = n.source;
      const target = this.anchors.get(name);
      const node: AliasNode = { kind: 'alias', name, start, end: range[1], valueStart, size: 1 };
      if (!target) {
        this.diagnostics.push({
          start: valueStart,
          end: range[1],
          severity: 'error',
          code: 'yaml-syntax',
          message: `Alias *${name} refers to an anchor &${name} that is not defined before it`,
        });
        return node;
      }
      if (this.expansion + target.size > MAX_ALIAS_EXPANSION) {
        node.limited = true;
        if (!this.limitReported) {
          this.limitReported = true;
          this.diagnostics.push({
            start: valueStart,
            end: range[1],
            severity: 'error',
            code: 'yaml-alias-limit',
            message:
              `Too many alias expansions: the aliases in this document would expand to more than ` +
              `${MAX_ALIAS_EXPANSION} nodes (a "billion laughs" pattern?); aliases from here on are not expanded`,
          });
        }
        return node;
      }
      this.expansion += target.size;
      node.target = target;
      node.size = target.size;
      return node;
    }

    if (isMap(n)) {
      const flow = !!n.flow;
      const pairs: PairNode[] = [];
      let size = 1;
      // The composer's own duplicate check is quadratic (5,000 resources took seconds); a set is not.
      const seen = new Set<string>();
      for (const p of n.items) {
        const pair = this.pair(p as YamlPair, depth);
        if (!pair) continue;
        if (seen.has(pair.keyText)) {
          this.diagnostics.push({
            start: pair.key.start,
            end: pair.key.end,
            severity: 'warning',
            code: 'yaml-duplicate-key',
            message: `Duplicate key ${pair.keyText}: it is already set in the same mapping (the last one wins)`,
          });
        }
        seen.add(pair.keyText);
        size += pair.key.size + (pair.value?.size ?? 0);
        pairs.push(pair);
      }
      // A block collection ends with its last child (its range would also cover a trailing comment).
      const end = flow ? range[1] : pairs.length > 0 ? pairs[pairs.length - 1]!.end : this.trimEnd(range[1]);
      const node: MappingNode = {
        kind: 'mapping',
        style: flow ? 'flow' : 'block',
        pairs,
        start,
        end,
        valueStart,
        size,
        keyColumn: !flow && pairs.length > 0 ? this.column(pairs[0]!.start) : -1,
      };
      if (flow) this.braces(node, valueStart, range[1], '{', '}');
      if (tag) Object.assign(node, { tag, tagStart });
      return node;
    }

    if (isSeq(n)) {
      const flow = !!n.flow;
      const items: CfnNode[] = [];
      let size = 1;
      for (const it of n.items) {
        if (isPair(it)) {
          // `[a: 1]` is a single-pair mapping inside a flow sequence.
          const pair = this.pair(it as YamlPair, depth);
          if (!pair) continue;
          const m = singlePairMapping(pair);
          items.push(m);
          size += m.size;
          continue;
        }
        if (!it) continue;
        const c = this.child(it as YamlNode, depth);
        items.push(c);
        size += c.size;
      }
      const end = flow ? range[1] : items.length > 0 ? items[items.length - 1]!.end : this.trimEnd(range[1]);
      const node: SequenceNode = {
        kind: 'sequence',
        style: flow ? 'flow' : 'block',
        items,
        start,
        end,
        valueStart,
        size,
        itemColumn: flow ? -1 : this.column(valueStart),
      };
      if (flow) this.braces(node, valueStart, range[1], '[', ']');
      if (tag) Object.assign(node, { tag, tagStart });
      return node;
    }

    // Scalar (or anything unexpected, read as its source text).
    const scalar = isScalar(n) ? n : undefined;
    const type = scalar?.type;
    const style: ScalarStyle =
      type === 'QUOTE_SINGLE'
        ? 'single'
        : type === 'QUOTE_DOUBLE'
          ? 'double'
          : type === 'BLOCK_LITERAL'
            ? 'literal'
            : type === 'BLOCK_FOLDED'
              ? 'folded'
              : 'plain';
    let value: string | number | boolean | null;
    const raw = scalar?.value;
    if (tag) {
      // Under a local tag YAML does not resolve the scalar's type; CloudFormation reads it as a string.
      value = raw === null || raw === undefined ? '' : String(raw);
    } else if (raw === null || raw === undefined) value = null;
    else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') value = raw;
    else if (typeof raw === 'bigint') value = Number(raw);
    else value = this.text.slice(range[0], range[1]);
    let contentStart = range[0];
    let contentEnd = range[1];
    if (style === 'single' || style === 'double') {
      contentStart = Math.min(range[0] + 1, range[1]);
      contentEnd = Math.max(contentStart, range[1] - 1);
    }
    const node: ScalarNode = {
      kind: 'scalar',
      style,
      value,
      start,
      end: style === 'literal' || style === 'folded' ? this.trimEnd(range[1]) : range[1],
      valueStart,
      contentStart,
      contentEnd,
      size: 1,
    };
    if (tag) Object.assign(node, { tag, tagStart });
    return node;
  }

  private child(n: YamlNode, depth: number): CfnNode {
    if (depth >= MAX_DEPTH + 5) {
      // Unreachable after the CST scan; a last guard for the stack.
      const at = n.range?.[0] ?? 0;
      return { kind: 'scalar', style: 'plain', value: null, start: at, end: at, valueStart: at, contentStart: at, contentEnd: at, size: 1 };
    }
    return this.node(n, depth + 1);
  }

  private pair(p: YamlPair, depth: number): PairNode | undefined {
    const k = p.key as YamlNode | null;
    const v = p.value as YamlNode | null;
    let key: ScalarNode;
    let keyText: string;
    if (k && isScalar(k)) {
      key = this.node(k, depth + 1) as ScalarNode;
      keyText = key.value === null ? '' : String(key.value);
    } else if (k) {
      // Complex keys are not meaningful in templates; keep the text so nothing is lost.
      const r = k.range ?? [0, 0, 0];
      keyText = this.text.slice(r[0], r[1]);
      key = { kind: 'scalar', style: 'plain', value: keyText, start: r[0], end: r[1], valueStart: r[0], contentStart: r[0], contentEnd: r[1], size: 1 };
    } else {
      return undefined;
    }
    const pair: PairNode = { start: key.start, end: key.end, key, keyText };
    if (v) {
      const value = this.child(v, depth);
      pair.value = value;
      if (value.end > pair.end) pair.end = value.end;
      // A null value of `key:` has an empty range at the end; the pair still ends at the key/colon.
    }
    const colon = this.text.indexOf(':', key.end);
    if (colon >= 0 && colon < (pair.value ? pair.value.start : colon + 1)) pair.colon = colon;
    if (pair.colon !== undefined && pair.colon + 1 > pair.end) pair.end = pair.colon + 1;
    return pair;
  }

  /** Finds a local tag written before the value (`!Ref X`, `!Sub\n  - …`), skipping whitespace and an anchor. */
  private tagOf(n: YamlNode, valueStart: number): { tag?: string; tagStart?: number } {
    const t = (n as { tag?: string }).tag;
    if (!t || !t.startsWith('!')) return {};
    const tagStart = tagStartBefore(this.text, t, valueStart);
    return tagStart === undefined ? { tag: t } : { tag: t, tagStart };
  }

  private braces(node: MappingNode | SequenceNode, s: number, e: number, open: string, close: string) {
    if (this.text[s] === open) node.open = s;
    if (e > s && this.text[e - 1] === close) node.close = e - 1;
  }

  private trimEnd(e: number): number {
    return trimEndWs(this.text, e);
  }

  private column(offset: number): number {
    return columnOf(this.text, offset);
  }
}
