// Error-tolerant JSON → CfnNode tree with exact offsets. Hand-written because JSON.parse gives neither
// positions nor recovery. After an error the parser skips to the next `,` / `}` / `]` at the same level and goes
// on, so one broken resource does not hide the others. Nesting deeper than MAX_DEPTH is skipped iteratively.
import { MAX_DEPTH, type CfnNode, type MappingNode, type PairNode, type ParseDiagnostic, type ScalarNode, type SequenceNode } from './nodes';

export interface JsonTreeResult {
  root?: CfnNode;
  diagnostics: ParseDiagnostic[];
}

const MAX_ERRORS = 100;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parses JSON text (a leading BOM is skipped). Offsets are indices into `text`. */
export function parseJsonTree(text: string): JsonTreeResult {
  const p = new JsonParser(text);
  const diagnostics = p.diagnostics;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  p.i = i;
  p.ws();
  if (p.i >= text.length) {
    diagnostics.push({ start: 0, end: 0, severity: 'error', code: 'json-syntax', message: 'Empty JSON document' });
    return { diagnostics };
  }
  const root = p.value(0);
  p.ws();
  if (p.i < text.length) {
    i = p.i;
    let e = i;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
    p.error(i, Math.max(e, i + 1), 'Unexpected text after the end of the JSON document');
  }
  return { root, diagnostics };
}

class JsonParser {
  i = 0;
  readonly diagnostics: ParseDiagnostic[] = [];
  private deepReported = false;
  private eofReported = false;

  constructor(private readonly t: string) {}

  error(start: number, end: number, message: string) {
    if (this.diagnostics.length >= MAX_ERRORS) return;
    const s = Math.min(start, this.t.length);
    this.diagnostics.push({ start: s, end: Math.max(s, Math.min(end, this.t.length)), severity: 'error', code: 'json-syntax', message });
  }

  ws() {
    const t = this.t;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else if (c === 47 /* / */ && (t[this.i + 1] === '/' || t[this.i + 1] === '*')) {
        // Comments are not JSON; tolerate them so the rest is still read.
        const s = this.i;
        if (t[this.i + 1] === '/') {
          while (this.i < t.length && t[this.i] !== '\n') this.i++;
        } else {
          const e = t.indexOf('*/', this.i + 2);
          this.i = e < 0 ? t.length : e + 2;
        }
        this.error(s, this.i, 'Comments are not allowed in JSON');
      } else return;
    }
  }

  value(depth: number): CfnNode | undefined {
    const t = this.t;
    const s = this.i;
    const c = t[s];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) return this.skipDeep(s);
      return c === '{' ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = s;
      const m = NUMBER.exec(t);
      if (m && m[0].length > 0 && m[0] !== '-') {
        this.i = s + m[0].length;
        return scalar(Number(m[0]), s, this.i);
      }
    }
    let e = s;
    while (e < t.length && /[A-Za-z0-9_.+-]/.test(t[e]!)) e++;
    const word = t.slice(s, e);
    if (word === 'true' || word === 'false' || word === 'null') {
      this.i = e;
      return scalar(word === 'null' ? null : word === 'true', s, e);
    }
    if (s >= t.length) this.error(Math.max(0, t.length - 1), t.length, 'Unexpected end of the document: a value is missing');
    else if (word) this.error(s, e, `Unexpected '${word.length > 40 ? word.slice(0, 40) + '…' : word}': expected a value (string, number, object, array, true, false or null)`);
    else this.error(s, s + 1, `Unexpected '${c}': expected a value`);
    return undefined;
  }

  private skipDeep(s: number): ScalarNode {
    const t = this.t;
    let depth = 0;
    let i = s;
    for (; i < t.length; i++) {
      const c = t[i];
      if (c === '"') {
        i++;
        while (i < t.length && t[i] !== '"' && t[i] !== '\n') i += t[i] === '\\' ? 2 : 1;
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
    this.i = Math.min(i, t.length);
    if (!this.deepReported) {
      this.deepReported = true;
      this.diagnostics.push({
        start: s,
        end: s + 1,
        severity: 'error',
        code: 'nesting-too-deep',
        message: `JSON nested more than ${MAX_DEPTH} levels deep; the deeper content is not analyzed`,
      });
    }
    return scalar(null, s, this.i);
  }

  /** Skips to the next `,` or closing bracket at this level (not consuming it). */
  private recover() {
    const t = this.t;
    let depth = 0;
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === '"') {
        this.i++;
        while (this.i < t.length && t[this.i] !== '"' && t[this.i] !== '\n') this.i += t[this.i] === '\\' ? 2 : 1;
        this.i++;
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0) return;
        depth--;
      } else if (c === ',' && depth === 0) return;
      this.i++;
    }
    this.i = Math.min(this.i, t.length);
  }

  private object(depth: number): MappingNode {
    const t = this.t;
    const open = this.i++;
    const node: MappingNode = { kind: 'mapping', style: 'json', pairs: [], start: open, end: open + 1, valueStart: open, size: 1, open, keyColumn: -1 };
    const seen = new Set<string>();
    for (;;) {
      this.ws();
      const c = t[this.i];
      if (c === '}') {
        node.close = this.i;
        node.end = ++this.i;
        break;
      }
      if (c === undefined || c === ']') {
        // At the end of the text every open bracket is unclosed; the innermost one tells the story.
        if (c !== undefined || !this.eofReported) {
          this.error(open, open + 1, c === undefined ? "The document ends before this '{' is closed: missing '}'" : "This '{' is never closed: missing '}'");
        }
        if (c === undefined) this.eofReported = true;
        node.end = node.pairs.length ? node.pairs[node.pairs.length - 1]!.end : open + 1;
        break;
      }
      if (c !== '"') {
        this.error(this.i, this.i + 1, `Expected a property name in double quotes, found '${c}'`);
        const before = this.i;
        this.recover();
        if (t[this.i] === ',') this.i++;
        else if (this.i === before) this.i++;
        continue;
      }
      const key = this.string();
      const pair: PairNode = { start: key.start, end: key.end, key, keyText: String(key.value) };
      if (seen.has(pair.keyText) && this.diagnostics.length < MAX_ERRORS) {
        this.diagnostics.push({
          start: key.start,
          end: key.end,
          severity: 'warning',
          code: 'json-duplicate-key',
          message: `Duplicate key "${pair.keyText}": it is already set in the same object (the last one wins)`,
        });
      }
      seen.add(pair.keyText);
      node.pairs.push(pair);
      node.size += 1;
      this.ws();
      if (t[this.i] === ':') {
        pair.colon = this.i++;
        pair.end = this.i;
        this.ws();
      } else {
        this.error(key.end, key.end + 1, `Expected ':' after property name "${pair.keyText}"`);
      }
      if (t[this.i] === ',' || t[this.i] === '}' || this.i >= t.length) {
        if (pair.colon !== undefined) this.error(this.i, this.i + 1, `Missing value for property "${pair.keyText}"`);
      } else {
        const v = this.value(depth);
        if (v) {
          pair.value = v;
          pair.end = v.end;
          node.size += v.size;
        } else this.recover();
      }
      this.ws();
      const d = t[this.i];
      if (d === ',') {
        pair.comma = this.i++;
        this.ws();
        if (t[this.i] === '}') this.error(pair.comma, pair.comma + 1, 'Trailing comma before }');
      } else if (d === '}' || d === undefined || d === ']') {
        continue;
      } else if (d === '"') {
        this.error(pair.end, pair.end + 1, "Missing ',' between properties");
      } else {
        this.error(this.i, this.i + 1, `Expected ',' or '}' after the value of "${pair.keyText}", found '${d}'`);
        this.recover();
        if (t[this.i] === ',') pair.comma = this.i++;
      }
    }
    return node;
  }

  private array(depth: number): SequenceNode {
    const t = this.t;
    const open = this.i++;
    const node: SequenceNode = { kind: 'sequence', style: 'json', items: [], start: open, end: open + 1, valueStart: open, size: 1, open, itemColumn: -1 };
    for (;;) {
      this.ws();
      const c = t[this.i];
      if (c === ']') {
        node.close = this.i;
        node.end = ++this.i;
        break;
      }
      if (c === undefined || c === '}') {
        // At the end of the text every open bracket is unclosed; the innermost one tells the story.
        if (c !== undefined || !this.eofReported) {
          this.error(open, open + 1, c === undefined ? "The document ends before this '[' is closed: missing ']'" : "This '[' is never closed: missing ']'");
        }
        if (c === undefined) this.eofReported = true;
        node.end = node.items.length ? node.items[node.items.length - 1]!.end : open + 1;
        break;
      }
      const before = this.i;
      const v = this.value(depth);
      if (v) {
        node.items.push(v);
        node.size += v.size;
      } else {
        this.recover();
        if (this.i === before && t[this.i] !== ',') this.i++;
      }
      this.ws();
      const d = t[this.i];
      if (d === ',') {
        const comma = this.i++;
        this.ws();
        if (t[this.i] === ']') this.error(comma, comma + 1, 'Trailing comma before ]');
      } else if (d === ']' || d === undefined || d === '}') {
        continue;
      } else if (v) {
        this.error(this.i, this.i + 1, `Expected ',' or ']' after an array item, found '${d}'`);
        if (!/["{[\-0-9tfn]/.test(d)) {
          this.recover();
          if (t[this.i] === ',') this.i++;
        }
      }
    }
    return node;
  }

  private string(): ScalarNode {
    const t = this.t;
    const s = this.i;
    let i = s + 1;
    let out = '';
    let chunk = i;
    let closed = false;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === 34 /* " */) {
        out += t.slice(chunk, i);
        closed = true;
        i++;
        break;
      }
      if (c === 10 || c === 13) break;
      if (c === 92 /* \ */) {
        out += t.slice(chunk, i);
        const [decoded, width] = decodeEscape(t, i);
        if (decoded === undefined) this.error(i, i + width, `Invalid escape sequence '${t.slice(i, i + width)}' in string`);
        else out += decoded;
        i += width;
        chunk = i;
        continue;
      }
      i++;
    }
    if (!closed) {
      out += t.slice(chunk, i);
      this.error(s, i, 'Unterminated string: missing closing "');
    }
    this.i = i;
    return { kind: 'scalar', style: 'json', value: out, start: s, end: i, valueStart: s, contentStart: s + 1, contentEnd: closed ? i - 1 : i, size: 1 };
  }
}

function scalar(value: string | number | boolean | null, start: number, end: number): ScalarNode {
  return { kind: 'scalar', style: 'json', value, start, end, valueStart: start, contentStart: start, contentEnd: end, size: 1 };
}

/** JSON's one-character escapes (`\n` → newline…); YAML's double-quoted strings accept these and more. */
export const JSON_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);

/** Decodes the JSON escape at `i` (a backslash): [decoded text or undefined if invalid, source width]. */
export function decodeEscape(t: string, i: number): [string | undefined, number] {
  const e = t[i + 1];
  if (e === undefined) return [undefined, 1];
  const simple = JSON_ESCAPES.get(e);
  if (simple !== undefined) return [simple, 2];
  if (e === 'u') {
    const hex = t.slice(i + 2, i + 6);
    if (/^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), 6];
  }
  return [undefined, 2];
}

/**
 * For a JSON string node: offsetMap[i] is the source offset where decoded character i starts, and
 * offsetMap[value.length] the offset just after the last one (before the closing quote).
 */
export function jsonStringOffsetMap(text: string, node: ScalarNode): number[] | undefined {
  if (typeof node.value !== 'string') return undefined;
  const map: number[] = [];
  let i = node.contentStart;
  const end = node.contentEnd;
  while (i < end) {
    if (text.charCodeAt(i) === 92) {
      const [d, w] = decodeEscape(text, i);
      for (let k = 0; k < (d?.length ?? 0); k++) map.push(i);
      i += w;
    } else {
      map.push(i);
      i++;
    }
  }
  map.push(Math.min(i, end));
  return map.length === node.value.length + 1 ? map : undefined;
}
