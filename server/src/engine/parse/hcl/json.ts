// Terraform JSON syntax (.tf.json, .tfvars.json) converted into the native-syntax tree, with every offset
// pointing into the JSON text. Strings become templates parsed from their decoded value; each decoded
// character is mapped back to the source so that `"${var.x}"` inside an escaped string still lands exactly.
import type {
  Attribute,
  Block,
  BlockLabel,
  Body,
  Expr,
  HclComment,
  HclFile,
  ObjectItem,
  ParseError,
  TemplateExpr,
} from './ast';
import { MAX_DEPTH, parseTemplate } from './parser';
import { LineIndex } from '../../text';

const J_EOF: number = 0;
const J_LBRACE: number = 1;
const J_RBRACE: number = 2;
const J_LBRACK: number = 3;
const J_RBRACK: number = 4;
const J_COLON: number = 5;
const J_COMMA: number = 6;
const J_STRING: number = 7;
const J_NUMBER: number = 8;
const J_TRUE: number = 9;
const J_FALSE: number = 10;
const J_NULL: number = 11;
const J_INVALID: number = 12;

interface JString {
  kind: 'string';
  start: number;
  end: number;
  /** Raw content between the quotes. */
  contentStart: number;
  contentEnd: number;
}
interface JMember {
  key: JString;
  value: JValue;
}
interface JObject {
  kind: 'object';
  start: number;
  end: number;
  members: JMember[];
  close: number;
}
interface JArray {
  kind: 'array';
  start: number;
  end: number;
  items: JValue[];
}
interface JScalar {
  kind: 'number' | 'true' | 'false' | 'null' | 'invalid';
  start: number;
  end: number;
}
type JValue = JString | JObject | JArray | JScalar;

/** Labels each top-level block type takes in Terraform. */
const BLOCK_LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
  check: 1,
  locals: 0,
  terraform: 0,
  moved: 0,
  import: 0,
  removed: 0,
};

class JsonReader {
  tok = J_EOF;
  tokStart = 0;
  tokEnd = 0;
  prevEnd = 0;
  invalidMsg = '';
  depth = 0;
  readonly errors: ParseError[] = [];
  private lineIndex: LineIndex | undefined;

  constructor(readonly text: string) {}

  error(start: number, end: number, message: string): void {
    const last = this.errors[this.errors.length - 1];
    if (last && last.start === start && last.end === end) return;
    if (this.errors.length < 1000) this.errors.push({ start, end, message });
  }

  lineOf(offset: number): number {
    return (this.lineIndex ??= new LineIndex(this.text)).positionAt(offset).line + 1;
  }

  describe(): string {
    if (this.tok === J_EOF) return 'end of file';
    if (this.tok === J_STRING) return 'a string';
    const s = this.text.slice(this.tokStart, Math.min(this.tokEnd, this.tokStart + 24));
    return `'${s}'`;
  }

  advance(): void {
    this.prevEnd = this.tokEnd;
    this.scan(this.tokEnd);
  }

  scan(p: number): void {
    const t = this.text;
    const n = t.length;
    while (p < n) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) p++;
      else break;
    }
    if (p >= n) return this.set(J_EOF, n, n);
    const c = t.charCodeAt(p);
    switch (c) {
      case 123:
        return this.set(J_LBRACE, p, p + 1);
      case 125:
        return this.set(J_RBRACE, p, p + 1);
      case 91:
        return this.set(J_LBRACK, p, p + 1);
      case 93:
        return this.set(J_RBRACK, p, p + 1);
      case 58:
        return this.set(J_COLON, p, p + 1);
      case 44:
        return this.set(J_COMMA, p, p + 1);
      case 34: {
        let q = p + 1;
        while (q < n) {
          const d = t.charCodeAt(q);
          if (d === 34) return this.set(J_STRING, p, q + 1);
          if (d === 10 || d === 13) break;
          q += d === 92 ? 2 : 1;
        }
        q = Math.min(q, n);
        this.error(p, q, 'unterminated string: add the closing \'"\' on the same line');
        return this.set(J_STRING, p, q);
      }
      default:
        break;
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      let q = p + 1;
      while (q < n) {
        const d = t.charCodeAt(q);
        if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) q++;
        else break;
      }
      if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(t.slice(p, q))) this.error(p, q, `invalid number '${t.slice(p, q)}'`);
      return this.set(J_NUMBER, p, q);
    }
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      let q = p + 1;
      while (q < n) {
        const d = t.charCodeAt(q);
        if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95) q++;
        else break;
      }
      const w = t.slice(p, q);
      if (w === 'true') return this.set(J_TRUE, p, q);
      if (w === 'false') return this.set(J_FALSE, p, q);
      if (w === 'null') return this.set(J_NULL, p, q);
      this.invalidMsg = `unexpected word '${w}' (JSON strings need double quotes)`;
      return this.set(J_INVALID, p, q);
    }
    const w = c >= 0xd800 && c <= 0xdbff && p + 1 < n ? 2 : 1;
    const ch = t.slice(p, p + w);
    this.invalidMsg =
      c === 47 ? "unexpected character '/': JSON has no comments (Terraform reads a \"//\" property as a comment)" : `unexpected character '${c < 32 ? `\\u${c.toString(16).padStart(4, '0')}` : ch}'`;
    return this.set(J_INVALID, p, p + w);
  }

  private set(tok: number, s: number, e: number): void {
    this.tok = tok;
    this.tokStart = s;
    this.tokEnd = e;
  }

  private reportHere(fallback: string): void {
    if (this.tok === J_INVALID) this.error(this.tokStart, this.tokEnd, this.invalidMsg);
    else this.error(this.tokStart, this.tokEnd, fallback);
  }

  parseValue(): JValue {
    const s = this.tokStart;
    const e = this.tokEnd;
    switch (this.tok) {
      case J_STRING: {
        const closed = e - s >= 2 && this.text.charCodeAt(e - 1) === 34;
        this.advance();
        return { kind: 'string', start: s, end: e, contentStart: s + 1, contentEnd: closed ? e - 1 : e };
      }
      case J_NUMBER:
        this.advance();
        return { kind: 'number', start: s, end: e };
      case J_TRUE:
        this.advance();
        return { kind: 'true', start: s, end: e };
      case J_FALSE:
        this.advance();
        return { kind: 'false', start: s, end: e };
      case J_NULL:
        this.advance();
        return { kind: 'null', start: s, end: e };
      case J_LBRACE:
      case J_LBRACK:
        if (this.depth >= MAX_DEPTH) {
          this.error(s, e, `nesting deeper than ${MAX_DEPTH} levels`);
          this.skipBalanced();
          return { kind: 'invalid', start: s, end: this.prevEnd };
        }
        this.depth++;
        try {
          return this.tok === J_LBRACE ? this.parseObject() : this.parseArray();
        } finally {
          this.depth--;
        }
      default:
        this.reportHere(`expected a value, found ${this.describe()}`);
        return { kind: 'invalid', start: s, end: s };
    }
  }

  private skipBalanced(): void {
    let level = 0;
    do {
      const t = this.tok;
      if (t === J_EOF) return;
      if (t === J_LBRACE || t === J_LBRACK) level++;
      else if (t === J_RBRACE || t === J_RBRACK) level--;
      this.advance();
    } while (level > 0);
  }

  /** Consume one bad token; a nested structure is consumed whole. */
  private skipJunk(): void {
    if (this.tok === J_LBRACE || this.tok === J_LBRACK) this.parseValue();
    else this.advance();
  }

  private parseObject(): JObject {
    const start = this.tokStart;
    this.advance();
    const members: JMember[] = [];
    let close = -1;
    for (;;) {
      const t = this.tok;
      if (t === J_RBRACE) {
        close = this.tokStart;
        this.advance();
        break;
      }
      if (t === J_EOF || t === J_RBRACK) {
        this.error(this.prevEnd, this.prevEnd, `expected '}' to close the object opened at line ${this.lineOf(start)}`);
        break;
      }
      if (t !== J_STRING) {
        this.reportHere(`expected a property name in double quotes, found ${this.describe()}`);
        this.skipJunk();
        continue;
      }
      const ks = this.tokStart;
      const ke = this.tokEnd;
      const closed = ke - ks >= 2 && this.text.charCodeAt(ke - 1) === 34;
      const key: JString = { kind: 'string', start: ks, end: ke, contentStart: ks + 1, contentEnd: closed ? ke - 1 : ke };
      this.advance();
      if (this.tok === J_COLON) this.advance();
      else this.reportHere(`expected ':' after the property name, found ${this.describe()}`);
      const before = this.tokStart;
      const value = this.parseValue();
      members.push({ key, value });
      if (this.tokStart === before && this.tok !== J_EOF && this.tok !== J_RBRACE && this.tok !== J_COMMA) this.skipJunk();
      if (this.tok === J_COMMA) {
        const c = this.tokStart;
        this.advance();
        if (this.tok === J_RBRACE) this.error(c, c + 1, 'a trailing comma is not allowed in JSON');
        continue;
      }
      if (this.tok === J_RBRACE || this.tok === J_EOF || this.tok === J_RBRACK) continue;
      if (this.tok === J_STRING) {
        this.error(this.prevEnd, this.prevEnd, "expected ',' between the properties");
        continue;
      }
      this.reportHere(`expected ',' or '}' after the property, found ${this.describe()}`);
      this.skipJunk();
    }
    return { kind: 'object', start, end: close >= 0 ? close + 1 : Math.max(this.prevEnd, start + 1), members, close };
  }

  private parseArray(): JArray {
    const start = this.tokStart;
    this.advance();
    const items: JValue[] = [];
    let end = -1;
    for (;;) {
      const t = this.tok;
      if (t === J_RBRACK) {
        end = this.tokEnd;
        this.advance();
        break;
      }
      if (t === J_EOF || t === J_RBRACE) {
        this.error(this.prevEnd, this.prevEnd, `expected ']' to close the array opened at line ${this.lineOf(start)}`);
        break;
      }
      const before = this.tokStart;
      const v = this.parseValue();
      if (this.tokStart === before) {
        this.skipJunk();
        continue;
      }
      items.push(v);
      if (this.tok === J_COMMA) {
        const c = this.tokStart;
        this.advance();
        if (this.tok === J_RBRACK) this.error(c, c + 1, 'a trailing comma is not allowed in JSON');
        continue;
      }
      if (this.tok === J_RBRACK || this.tok === J_EOF || this.tok === J_RBRACE) continue;
      this.error(this.prevEnd, this.prevEnd, "expected ',' or ']' after the array element");
    }
    return { kind: 'array', start, end: end >= 0 ? end : Math.max(this.prevEnd, start + 1), items };
  }
}

/** Decoded JSON string content; `map[i]` is the source offset where decoded UTF-16 unit i begins. */
function decodeJsonString(r: JsonReader, s: JString): { value: string; map: Int32Array | null } {
  const t = r.text;
  const cs = s.contentStart;
  const ce = s.contentEnd;
  const bs = t.indexOf('\\', cs);
  if (bs < 0 || bs >= ce) return { value: t.slice(cs, ce), map: null };
  const map = new Int32Array(ce - cs + 1);
  let out = '';
  let n = 0;
  let p = cs;
  while (p < ce) {
    const c = t.charCodeAt(p);
    if (c !== 92) {
      out += t[p];
      map[n++] = p;
      p++;
      continue;
    }
    const e = t.charCodeAt(p + 1);
    let ch: string | null = null;
    let len = 2;
    switch (e) {
      case 34:
        ch = '"';
        break;
      case 92:
        ch = '\\';
        break;
      case 47:
        ch = '/';
        break;
      case 98:
        ch = '\b';
        break;
      case 102:
        ch = '\f';
        break;
      case 110:
        ch = '\n';
        break;
      case 114:
        ch = '\r';
        break;
      case 116:
        ch = '\t';
        break;
      case 117: {
        const hex = t.slice(p + 2, p + 6);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          ch = String.fromCharCode(parseInt(hex, 16));
          len = 6;
        }
        break;
      }
      default:
        break;
    }
    if (ch === null) {
      r.error(p, Math.min(p + 2, ce), `invalid escape sequence in JSON string: '${t.slice(p, Math.min(p + 2, ce))}'`);
      ch = t.slice(p, Math.min(p + 2, ce));
      len = ch.length;
    }
    for (let k = 0; k < ch.length; k++) map[n++] = p;
    out += ch;
    p += len;
  }
  map[n] = ce;
  return { value: out, map: map.subarray(0, n + 1) };
}

/** Shift every offset in a freshly parsed subtree through `m`. Iterative: templates may be deep. */
function remap(root: object, m: (i: number) => number): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const o = stack.pop();
    if (Array.isArray(o)) {
      for (const x of o) if (x && typeof x === 'object') stack.push(x);
      continue;
    }
    if (!o || typeof o !== 'object') continue;
    const rec = o as Record<string, unknown>;
    for (const k in rec) {
      const v = rec[k];
      if (typeof v === 'number') {
        if (k === 'start' || k === 'end' || k === 'contentStart' || k === 'contentEnd') rec[k] = m(v);
      } else if (v && typeof v === 'object') stack.push(v);
    }
  }
}

class Converter {
  readonly comments: HclComment[] = [];

  constructor(readonly r: JsonReader) {}

  keyName(k: JString): string {
    return decodeJsonString(this.r, k).value;
  }

  template(s: JString): TemplateExpr {
    const { value, map } = decodeJsonString(this.r, s);
    const cs = s.contentStart;
    const tpl: TemplateExpr = { type: 'Template', parts: [], contentStart: cs, contentEnd: s.contentEnd, start: s.start, end: s.end };
    if (value.indexOf('${') < 0 && value.indexOf('%{') < 0) {
      // Plain strings (the vast majority) skip the template parser; `$${` cannot occur without `${`.
      if (value.length > 0) tpl.parts.push({ type: 'Text', value, start: cs, end: s.contentEnd });
      return tpl;
    }
    const parsed = parseTemplate(value);
    const m = map ? (i: number) => map[Math.max(0, Math.min(i, map.length - 1))]! : (i: number) => cs + i;
    remap(parsed.template.parts, m);
    tpl.parts = parsed.template.parts;
    for (const e of parsed.errors) this.r.error(m(e.start), m(e.end), e.message);
    return tpl;
  }

  expr(v: JValue): Expr {
    switch (v.kind) {
      case 'string':
        return this.template(v);
      case 'number':
        return { type: 'Literal', value: Number(this.r.text.slice(v.start, v.end)), start: v.start, end: v.end };
      case 'true':
      case 'false':
        return { type: 'Literal', value: v.kind === 'true', start: v.start, end: v.end };
      case 'null':
        return { type: 'Literal', value: null, start: v.start, end: v.end };
      case 'array':
        return { type: 'Tuple', items: v.items.map((x) => this.expr(x)), start: v.start, end: v.end };
      case 'object': {
        const items: ObjectItem[] = v.members.map((mb) => {
          const value = this.expr(mb.value);
          return { key: this.template(mb.key), value, start: mb.key.start, end: Math.max(value.end, mb.key.end) };
        });
        return { type: 'Object', items, start: v.start, end: v.end };
      }
      default:
        return { type: 'Invalid', start: v.start, end: v.end };
    }
  }

  comment(mb: JMember): void {
    const v = mb.value;
    const text = v.kind === 'string' ? decodeJsonString(this.r, v).value : this.r.text.slice(v.start, v.end);
    this.comments.push({ style: '//', text, start: mb.key.start, end: v.end });
  }

  attribute(mb: JMember): Attribute {
    const expr = this.expr(mb.value);
    return {
      type: 'Attribute',
      name: { start: mb.key.start, end: mb.key.end, name: this.keyName(mb.key) },
      expr,
      start: mb.key.start,
      end: Math.max(expr.end, mb.key.end),
    };
  }

  body(obj: JObject): Body {
    const items: (Attribute | Block)[] = [];
    for (const mb of obj.members) {
      if (this.keyName(mb.key) === '//') this.comment(mb);
      else items.push(this.attribute(mb));
    }
    return { start: obj.start + 1, end: obj.close >= 0 ? obj.close : obj.end, items };
  }

  /** Unfolds `{"type": {"name": {body}}}` (arrays allowed at every level) into blocks. */
  blocks(typeKey: JString, typeName: string, v: JValue, remaining: number, labels: BlockLabel[], start: number, out: Block[]): void {
    if (v.kind === 'array') {
      for (const item of v.items) this.blocks(typeKey, typeName, item, remaining, labels, item.start, out);
      return;
    }
    if (v.kind !== 'object') {
      if (v.kind === 'invalid') return; // already reported where the value should have been
      const what = remaining === 0 ? `the body of the "${typeName}" block` : `the labels of the "${typeName}" block`;
      this.r.error(v.start, v.end, `expected a JSON object for ${what}`);
      return;
    }
    if (remaining === 0) {
      out.push({
        type: 'Block',
        blockType: { start: typeKey.start, end: typeKey.end, name: typeName },
        labels,
        body: this.body(v),
        openBrace: v.start,
        closeBrace: v.close,
        start,
        end: v.end,
      });
      return;
    }
    for (const mb of v.members) {
      const name = this.keyName(mb.key);
      if (name === '//') {
        this.comment(mb);
        continue;
      }
      const label: BlockLabel = { start: mb.key.start, end: mb.key.end, value: name, quoted: true };
      this.blocks(typeKey, typeName, mb.value, remaining - 1, [...labels, label], mb.key.start, out);
    }
  }
}

export interface TerraformJsonOptions {
  /** `.tfvars.json`: every top-level property is a variable value (an attribute), never a block. */
  tfvars?: boolean;
}

export function parseTerraformJson(text: string, options: TerraformJsonOptions = {}): HclFile {
  const r = new JsonReader(text);
  r.scan(0);
  const conv = new Converter(r);
  const items: (Attribute | Block)[] = [];
  if (r.tok === J_EOF) {
    // An empty .tf.json is not valid JSON, but it declares nothing either; say so once.
    r.error(0, 0, 'empty file: a Terraform JSON file must contain one JSON object');
  } else {
    const root = r.parseValue();
    if (r.tok !== J_EOF) r.error(r.tokStart, text.length, 'unexpected content after the top-level JSON object');
    if (root.kind !== 'object') {
      if (root.kind !== 'invalid') r.error(root.start, root.end, 'a Terraform JSON file must contain one JSON object at the top level');
    } else {
      for (const mb of root.members) {
        const name = conv.keyName(mb.key);
        if (name === '//') {
          conv.comment(mb);
          continue;
        }
        const labels = options.tfvars ? undefined : BLOCK_LABELS[name];
        if (labels === undefined) {
          items.push(conv.attribute(mb));
          continue;
        }
        const out: Block[] = [];
        conv.blocks(mb.key, name, mb.value, labels, [], mb.key.start, out);
        for (const b of out) items.push(b);
      }
    }
  }
  conv.comments.sort((a, b) => a.start - b.start);
  r.errors.sort((a, b) => a.start - b.start);
  return { body: { start: 0, end: text.length, items }, comments: conv.comments, errors: r.errors };
}
