// JSON text → Val, with spans. Policies are often written as JSON inside HCL strings (quoted, heredoc,
// jsondecode, file); rules must point at the offending `"Action": "*"`, not at the whole string, so every
// JSON value gets the span of its own text, mapped back through the string's escapes by `offsets`.
import type { Span } from '../../types';
import type { Field, Val } from '../value';

export interface JsonSpanMap {
  file: string;
  /**
   * offsets[i] = source offset of decoded character i; offsets[text.length] = source offset just past the end.
   * When absent, every value gets `whole` (the text is not a literal we can see into).
   */
  offsets?: number[];
  /** Source offset of character 0 when decoded text and source coincide (a JSON file, a heredoc without indent). */
  base?: number;
  whole?: Span;
}

const MAX_DEPTH = 512;

/** Parses JSON text; undefined when it is not valid JSON (no exception escapes). */
export function parseJsonToVal(text: string, map: JsonSpanMap, origin: Val['origin'] = 'explicit'): Val | undefined {
  const p = new JsonParser(text, map, origin);
  try {
    p.ws();
    const v = p.value(0);
    p.ws();
    if (p.pos !== text.length) return undefined;
    return v;
  } catch {
    return undefined;
  }
}

/** Cheap test before parsing: an object (or, with `arrays`, an array) after optional whitespace. */
export function looksLikeJsonObject(text: string, arrays = false): boolean {
  const t = text.trimStart();
  const c = t[0];
  if (c === '{') return t.trimEnd().endsWith('}');
  if (arrays && c === '[') return t.trimEnd().endsWith(']');
  return false;
}

class JsonParser {
  pos = 0;
  constructor(
    private readonly text: string,
    private readonly map: JsonSpanMap,
    private readonly origin: Val['origin'],
  ) {}

  private span(start: number, end: number): Span | undefined {
    const m = this.map;
    if (m.offsets) {
      const s = m.offsets[start];
      const last = m.offsets[Math.max(start, end - 1)];
      if (s === undefined || last === undefined) return m.whole;
      // The end is where the next decoded character starts, so a value ending in an escape (`\"`) is whole.
      const next = m.offsets[end];
      const e = end > start ? (next !== undefined && next > last ? next : last + 1) : s;
      return { file: m.file, start: s, end: Math.max(s, e) };
    }
    if (m.base !== undefined) return { file: m.file, start: m.base + start, end: m.base + end };
    return m.whole;
  }

  ws(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  private fail(): never {
    throw new Error('invalid JSON');
  }

  value(depth: number): Val {
    if (depth > MAX_DEPTH) this.fail();
    const t = this.text;
    const start = this.pos;
    const c = t[this.pos];
    const withSpan = <T extends Val>(v: T): T => {
      const s = this.span(start, this.pos);
      if (s) v.span = s;
      return v;
    };
    if (c === '{') {
      this.pos++;
      const fields = new Map<string, Field>();
      this.ws();
      if (t[this.pos] === '}') {
        this.pos++;
        return withSpan({ kind: 'object', fields, origin: this.origin });
      }
      for (;;) {
        this.ws();
        if (t[this.pos] !== '"') this.fail();
        const keyStart = this.pos;
        const key = this.string();
        const keySpan = this.span(keyStart, this.pos);
        this.ws();
        if (t[this.pos] !== ':') this.fail();
        this.pos++;
        this.ws();
        const v = this.value(depth + 1);
        const f: Field = { key, value: v };
        if (keySpan) f.keySpan = keySpan;
        // Duplicate keys: the last one wins, as in JSON.parse and Terraform.
        fields.delete(key);
        fields.set(key, f);
        this.ws();
        if (t[this.pos] === ',') {
          this.pos++;
          continue;
        }
        if (t[this.pos] === '}') {
          this.pos++;
          break;
        }
        this.fail();
      }
      return withSpan({ kind: 'object', fields, origin: this.origin });
    }
    if (c === '[') {
      this.pos++;
      const items: Val[] = [];
      this.ws();
      if (t[this.pos] === ']') {
        this.pos++;
        return withSpan({ kind: 'list', items, origin: this.origin });
      }
      for (;;) {
        this.ws();
        items.push(this.value(depth + 1));
        this.ws();
        if (t[this.pos] === ',') {
          this.pos++;
          continue;
        }
        if (t[this.pos] === ']') {
          this.pos++;
          break;
        }
        this.fail();
      }
      return withSpan({ kind: 'list', items, origin: this.origin });
    }
    if (c === '"') {
      const s = this.string();
      return withSpan({ kind: 'string', value: s, origin: this.origin });
    }
    if (t.startsWith('true', this.pos)) {
      this.pos += 4;
      return withSpan({ kind: 'bool', value: true, origin: this.origin });
    }
    if (t.startsWith('false', this.pos)) {
      this.pos += 5;
      return withSpan({ kind: 'bool', value: false, origin: this.origin });
    }
    if (t.startsWith('null', this.pos)) {
      this.pos += 4;
      return withSpan({ kind: 'null', origin: this.origin });
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(t.slice(this.pos, this.pos + 64));
    if (m && m[0].length > 0) {
      this.pos += m[0].length;
      return withSpan({ kind: 'number', value: Number(m[0]), origin: this.origin });
    }
    this.fail();
  }

  private string(): string {
    const t = this.text;
    this.pos++; // opening quote
    let out = '';
    for (;;) {
      if (this.pos >= t.length) this.fail();
      const c = t[this.pos]!;
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        const e = t[this.pos + 1];
        this.pos += 2;
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = t.slice(this.pos, this.pos + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail();
            out += String.fromCharCode(parseInt(hex, 16));
            this.pos += 4;
            break;
          }
          default:
            this.fail();
        }
        continue;
      }
      if (c.charCodeAt(0) < 0x20) this.fail();
      out += c;
      this.pos++;
    }
  }
}

/**
 * Offsets of the decoded characters of a quoted HCL string body `src` (between the quotes, starting at source
 * offset `base`), following HCL's escapes; undefined when `src` does not decode to `expected`.
 */
export function quotedOffsets(src: string, base: number, expected: string): number[] | undefined {
  const offs: number[] = [];
  let decoded = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const e = src[i + 1];
      let ch: string | undefined;
      let len = 2;
      if (e === 'n') ch = '\n';
      else if (e === 'r') ch = '\r';
      else if (e === 't') ch = '\t';
      else if (e === '"') ch = '"';
      else if (e === '\\') ch = '\\';
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
        ch = String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        len = 6;
      } else if (e === 'U' && /^[0-9a-fA-F]{8}$/.test(src.slice(i + 2, i + 10))) {
        const cp = parseInt(src.slice(i + 2, i + 10), 16);
        if (cp > 0x10ffff) return undefined;
        ch = String.fromCodePoint(cp);
        len = 10;
      }
      if (ch === undefined) return undefined;
      for (let k = 0; k < ch.length; k++) offs.push(base + i);
      decoded += ch;
      i += len;
      continue;
    }
    if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') {
      offs.push(base + i, base + i + 2);
      decoded += c + '{';
      i += 3;
      continue;
    }
    offs.push(base + i);
    decoded += c;
    i++;
  }
  if (decoded !== expected) return undefined;
  offs.push(base + src.length);
  return offs;
}

/**
 * Offsets for text whose decoding only deletes source characters (heredoc indentation, `$${`): align greedily.
 * Undefined when the decoded text is not a subsequence of the source.
 */
export function alignedOffsets(src: string, base: number, decoded: string): number[] | undefined {
  const offs: number[] = [];
  let j = 0;
  for (let i = 0; i < decoded.length; i++) {
    const ch = decoded[i];
    while (j < src.length && src[j] !== ch) j++;
    if (j >= src.length) return undefined;
    offs.push(base + j);
    j++;
  }
  offs.push(base + Math.min(j, src.length));
  return offs;
}
