// A hand-written reader for the YAML that CloudFormation and SAM templates actually use, in front of the
// `yaml`-package path in yaml.ts.
//
// Why: the general path (lossless CST, composer, conversion) costs about 30× more per character than our JSON
// and HCL parsers, and CloudFormation YAML was the largest share of analysis time in mixed workspaces.
// Templates use a small part of YAML: block mappings and sequences, plain and quoted scalars (also over several
// lines), literal/folded blocks, short-form intrinsic tags, flow collections and comments. This reader
// handles exactly that part, line by line.
//
// The contract: parseYamlFast returns either undefined ("not sure, use the general path") or precisely the
// TemplateParse the general path produces for the same text: the same tree, offsets, values and comments, and
// no diagnostics. So it never reports problems and never recovers from errors: anything outside the subset,
// anything that would produce a diagnostic (duplicate keys, unknown tags, over-deep nesting, syntax errors)
// and anything merely unusual makes it give up. The differential tests in
// test/engine/parse/cloudformation/yaml-fast.test.ts hold it to that.
import { MAX_DEPTH, singlePairMapping } from './nodes';
import type { CfnNode, MappingNode, PairNode, RawComment, ScalarNode, ScalarStyle, SequenceNode, TemplateParse } from './nodes';
import { isIntrinsicTag } from './intrinsics';
import { JSON_ESCAPES } from './json';
import { deepRegions } from './prescan';

/** YAML's one-character escapes in double-quoted scalars: JSON's, plus these. */
const YAML_ESCAPES: ReadonlyMap<string, string> = new Map([
  ...JSON_ESCAPES,
  ['0', '\0'],
  ['a', '\x07'],
  ['e', '\x1b'],
  ['v', '\v'],
  ['N', '\u0085'],
  ['_', '\u00a0'],
  ['L', '\u2028'],
  ['P', '\u2029'],
  [' ', ' '],
]);

/** Thrown (never escapes this module) when the text leaves the subset this reader is certain about. */
const BAIL = { bail: true };

function bail(): never {
  throw BAIL;
}

let faults = 0;

/** How many times the reader failed unexpectedly (a bug) and fell back; the tests assert it stays 0. */
export function fastPathFaults(): number {
  return faults;
}

// Well under MAX_DEPTH, so the general path's own depth handling (which reports a diagnostic) never applies
// to a document this reader accepts.
const FAST_MAX_DEPTH = MAX_DEPTH >> 1;

// Implicit keys longer than this are a syntax error for the `yaml` package (1024); stay clear of the limit.
const MAX_KEY_LENGTH = 1000;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/**
 * Reads `text` if it lies wholly inside the subset of YAML described above; otherwise returns undefined and
 * the caller uses the general path. Never throws.
 */
export function parseYamlFast(text: string): TemplateParse | undefined {
  try {
    if (!plainCharacters(text)) return undefined;
    const result = new FastReader(text).document();
    // The general path blanks regions its lexical depth estimate flags (and reports them), even where the real
    // nesting is shallow (brackets inside plain scalars count); leave those documents to it.
    if (estimateMayFlag(text) && deepRegions(text, MAX_DEPTH).length > 0) return undefined;
    return result;
  } catch (e) {
    // A bug here must never cost the user a parse: the general path is always correct. It is counted so the
    // tests notice.
    if (e !== BAIL) faults++;
    return undefined;
  }
}

// Control characters, lone carriage returns, C1 controls, line/paragraph separators, non-characters and a BOM
// anywhere but at the start: the `yaml` package has its own opinions on each, so such text is left to it.
const UNUSUAL_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]|\r(?!\n)|(?!^)\ufeff/;

function plainCharacters(text: string): boolean {
  return !UNUSUAL_CHARACTER.test(text);
}

/**
 * False when prescan.ts's estimate provably stays within MAX_DEPTH, so it need not run. Its block stack holds
 * strictly increasing columns, each within a line's leading run of spaces, tabs and `-`/`?` indicators; its flow
 * depth never exceeds the number of `[` and `{` in the text.
 */
function estimateMayFlag(text: string): boolean {
  let budget = MAX_DEPTH - 1;
  for (let i = text.indexOf('['); i >= 0 && budget >= 0; i = text.indexOf('[', i + 1)) budget--;
  for (let i = text.indexOf('{'); i >= 0 && budget >= 0; i = text.indexOf('{', i + 1)) budget--;
  if (budget < 0) return true;
  let run = 0;
  for (let ls = 0; ls < text.length; ) {
    let i = ls;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c !== SPACE && c !== DASH && c !== 63 && c !== TAB) break;
      i++;
    }
    if (i - ls > run) run = i - ls;
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    ls = nl + 1;
  }
  return run >= budget;
}

const isWs = (c: number) => c === SPACE || c === TAB || c === LF || c === CR;

/**
 * Where the local tag `tag` is written before a value starting at `valueStart`: skips whitespace and an anchor
 * backwards; for a tag glued to its neighbours (`[!Ref x`, `!GetAZs''`) it searches the preceding text.
 * Undefined when the tag is not found right before the value (e.g. a comment in between). Shared with the
 * general path so both place tags identically.
 */
export function tagStartBefore(text: string, tag: string, valueStart: number): number | undefined {
  let i = valueStart;
  for (let guard = 0; guard < 3; guard++) {
    while (i > 0 && isWs(text.charCodeAt(i - 1))) i--;
    let j = i;
    while (j > 0 && !isWs(text.charCodeAt(j - 1))) j--;
    if (i - j === tag.length && text.startsWith(tag, j)) return j;
    if (text.charCodeAt(j) === 38 /* & */ && j < i) {
      i = j;
      continue;
    }
    const from = Math.max(0, valueStart - 256);
    const k = text.slice(from, valueStart).lastIndexOf(tag);
    if (k >= 0 && from + k >= j) return from + k;
    break;
  }
  return undefined;
}

/** 0-based UTF-16 column of `offset` (a BOM on the first line counts as a character). */
export function columnOf(text: string, offset: number): number {
  // Scan back to the line start (lastIndexOf('\r') would scan the whole file when there is none).
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === LF || c === CR) break;
    i--;
  }
  return offset - i;
}

/** `e` moved back over whitespace and line breaks. */
export function trimEndWs(text: string, e: number): number {
  let i = Math.min(e, text.length);
  while (i > 0 && isWs(text.charCodeAt(i - 1))) i--;
  return i;
}

const OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar resolved with the YAML 1.2 core schema, in the `yaml` package's order and arithmetic. */
export function resolvePlain(s: string): string | number | boolean | null {
  const c = s.charCodeAt(0);
  // Only these first characters can start a null, boolean or number; everything else is a string.
  const numeric = (c >= 48 && c <= 57) || c === 43 || c === DASH || c === 46;
  if (!numeric && c !== 126 && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return s;
  switch (s) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  if (!numeric) return s;
  if (OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (HEX.test(s)) return parseInt(s.substring(2), 16);
  if (INF_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

class FastReader {
  private readonly n: number;
  private readonly comments: RawComment[] = [];
  // The current line: start, end of its content (before CR LF), start of the next line, indentation.
  // `eof` is set once no content line is left.
  private ls = 0;
  private le = 0;
  private nx = 0;
  private ind = 0;
  private eof = false;
  // Position after the last flow collection or flow item read.
  private fp = 0;
  // End of the plain scalar last scanned by plainBlock (trailing spaces excluded).
  private pe = 0;
  // The line measured last by measure(): first non-space, end of content, start of the next line.
  private mSp = 0;
  private mLe = 0;
  private mNx = 0;

  constructor(private readonly text: string) {
    this.n = text.length;
  }

  document(): TemplateParse {
    const text = this.text;
    const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.nextContentLine(first, true);
    if (this.eof) bail(); // only comments: the general path's result shape differs subtly; not worth it
    if (this.ind === 0 && this.isMarker(this.ls, '---')) {
      this.finishLine(this.ls + 3);
      if (this.eof) bail();
    }
    if (this.ind !== 0) bail();
    const cs = this.ls;
    // After a BOM the general path places a root sequence's first `-` one column in.
    if (first === 1 && cs === 1 && this.isSeqIndicator(cs)) bail();
    const root = this.isSeqIndicator(cs) ? this.sequence(0, cs, 1) : this.mapping(0, cs, 1);
    if (!this.eof) bail();
    return { root, diagnostics: [], comments: this.comments };
  }

  // ---- lines ----------------------------------------------------------------------------------------------

  /** Measures the line that starts at `p` into mSp / mLe / mNx (see the fields). */
  private measure(p: number): void {
    const text = this.text;
    const n = this.n;
    let sp = p;
    while (sp < n && text.charCodeAt(sp) === SPACE) sp++;
    const nl = text.indexOf('\n', sp);
    let le = nl < 0 ? n : nl;
    if (le > sp && text.charCodeAt(le - 1) === CR) le--;
    this.mSp = sp;
    this.mLe = le;
    this.mNx = nl < 0 ? n : nl + 1;
  }

  /**
   * Moves to the first content line at or after `p` (a line start), collecting comment lines on the way.
   * Document markers and tab indentation are left to the general path.
   */
  private nextContentLine(p: number, allowDocStart = false): void {
    const text = this.text;
    const n = this.n;
    for (;;) {
      if (p >= n) {
        this.eof = true;
        this.ls = this.le = this.nx = n;
        this.ind = -1;
        return;
      }
      this.measure(p);
      const sp = this.mSp;
      const le = this.mLe;
      const nx = this.mNx;
      if (sp >= le) {
        p = nx;
        continue;
      }
      const c = text.charCodeAt(sp);
      if (c === TAB) bail();
      if (c === HASH) {
        this.comment(sp, le);
        p = nx;
        continue;
      }
      if (sp === p && (this.isMarker(p, '...') || (this.isMarker(p, '---') && !allowDocStart))) bail();
      if (c === 37 /* % */) bail();
      this.ls = sp;
      this.le = le;
      this.nx = nx;
      this.ind = sp - p;
      return;
    }
  }

  private isMarker(p: number, marker: string): boolean {
    if (!this.text.startsWith(marker, p)) return false;
    const c = this.text.charCodeAt(p + 3);
    return Number.isNaN(c) || c === SPACE || c === TAB || c === LF || c === CR;
  }

  private comment(start: number, end: number): void {
    this.comments.push({ start, end, text: this.text.slice(start + 1, end) });
  }

  /** After a value ends at `p`: only spaces and a comment may follow on the line. Then moves to the next line. */
  private finishLine(p: number): void {
    const text = this.text;
    const le = this.le;
    while (p < le && text.charCodeAt(p) === SPACE) p++;
    // A comment needs whitespace before it (`a#b` is part of a scalar).
    if (p < le) {
      if (text.charCodeAt(p) !== HASH || p === 0 || text.charCodeAt(p - 1) !== SPACE) bail();
      this.comment(p, le);
    }
    this.nextContentLine(this.nx);
  }

  private skipSpaces(p: number): number {
    const text = this.text;
    const le = this.le;
    while (p < le && text.charCodeAt(p) === SPACE) p++;
    if (p < le && text.charCodeAt(p) === TAB) bail();
    return p;
  }

  /** `-` followed by a space or the line end at `p`. */
  private isSeqIndicator(p: number): boolean {
    if (this.text.charCodeAt(p) !== DASH) return false;
    return p + 1 >= this.le || this.text.charCodeAt(p + 1) === SPACE;
  }

  // ---- block collections ------------------------------------------------------------------------------------

  /** A block mapping whose first key is at `p` on the current line; `col` is that key's column. */
  private mapping(col: number, p: number, depth: number): MappingNode {
    if (depth > FAST_MAX_DEPTH) bail();
    const text = this.text;
    const pairs: PairNode[] = [];
    let seen: Set<string> | undefined;
    let size = 1;
    for (;;) {
      const key = this.blockKey(p);
      const keyText = key.value === null ? '' : String(key.value);
      const colon = this.fp;
      seen = checkUnique(pairs, keyText, seen); // the general path warns about duplicates
      const value = this.value(colon + 1, col, depth, true, false);
      let end = value.end > key.end ? value.end : key.end;
      if (colon + 1 > end) end = colon + 1;
      pairs.push({ start: key.start, end, key, keyText, value, colon });
      size += 1 + value.size;
      if (this.eof || this.ind < col) break;
      if (this.ind > col) bail();
      p = this.ls;
      if (this.isSeqIndicator(p)) bail();
    }
    const first = pairs[0]!;
    return {
      kind: 'mapping',
      style: 'block',
      pairs,
      start: first.start,
      end: pairs[pairs.length - 1]!.end,
      valueStart: first.start,
      size,
      keyColumn: columnOf(text, first.start),
    };
  }

  /** A block sequence whose first `-` is at `p` on the current line (column `col`). */
  private sequence(col: number, p: number, depth: number): SequenceNode {
    if (depth > FAST_MAX_DEPTH) bail();
    const first = p;
    const items: CfnNode[] = [];
    let size = 1;
    for (;;) {
      const item = this.value(p + 1, col, depth, false, true);
      items.push(item);
      size += item.size;
      if (this.eof || this.ind < col) break;
      if (this.ind > col) bail();
      p = this.ls;
      // A key at the sequence's column ends it: legal only where the sequence is a mapping value written at the
      // mapping's own indentation, which the caller checks.
      if (!this.isSeqIndicator(p)) break;
    }
    return {
      kind: 'sequence',
      style: 'block',
      items,
      start: first,
      end: items[items.length - 1]!.end,
      valueStart: first,
      size,
      itemColumn: columnOf(this.text, first),
    };
  }

  /** Reads a block mapping key at `p`: plain or quoted, then `:` and a space or the line end. Sets `fp` to the colon. */
  private blockKey(p: number): ScalarNode {
    const text = this.text;
    const c = text.charCodeAt(p);
    let node: ScalarNode;
    let colon: number;
    if (c === 34 || c === 39) {
      node = this.quoted(p, c);
      colon = this.skipSpaces(node.end);
      if (text.charCodeAt(colon) !== COLON) bail();
      const after = colon + 1;
      if (after < this.le && text.charCodeAt(after) !== SPACE) bail();
    } else {
      if (!this.plainStart(p, false)) bail();
      colon = this.plainBlock(p);
      if (colon < 0) bail();
      const end = this.pe;
      const raw = text.slice(p, end);
      // `<<` is a merge key in some YAML dialects; leave it to the general path.
      if (raw === '<<') bail();
      node = this.scalar('plain', resolvePlain(raw), p, end, p, end);
    }
    if (colon - p > MAX_KEY_LENGTH) bail();
    this.fp = colon;
    return node;
  }

  /**
   * The value after a `:` or `-` indicator ending at `p` - 1. `col` is the column of the collection that owns
   * the value. Leaves the reader on the next content line.
   */
  private value(p: number, col: number, depth: number, mapValue: boolean, seqItem: boolean): CfnNode {
    const text = this.text;
    const le = this.le;
    if (p < le && text.charCodeAt(p) !== SPACE) bail();
    const q = this.skipSpaces(p);
    if (q >= le || text.charCodeAt(q) === HASH) {
      // Nothing on this line: a nested block collection or a scalar on the next lines, or null. (With comments
      // in between, the general path sometimes reads a scalar there as a key: left to it.)
      const comments = this.comments.length;
      this.finishLine(q);
      const nested = this.nestedBlock(col, depth, mapValue, this.comments.length === comments);
      if (nested) return nested;
      return this.scalar('plain', null, q, q, q, q);
    }
    const c = text.charCodeAt(q);
    if (c === 33 /* ! */) return this.tagged(q, col, depth, mapValue);
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(q, col, undefined);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const node = this.flowCollection(q, depth + 1, col, 1);
      this.finishLine(this.fp);
      return node;
    }
    if (c === 34 || c === 39) {
      const lineStart = this.ls - this.ind;
      const node = this.quoted(q, c, col);
      const after = this.skipSpaces(node.end);
      if (after < this.le && text.charCodeAt(after) === COLON) {
        // `- "key": value` starts a compact mapping; after `key:` (or over several lines) it is an error.
        if (!seqItem || this.ls - this.ind !== lineStart) bail();
        return this.mapping(q - lineStart, q, depth + 1);
      }
      this.finishLine(node.end);
      return node;
    }
    if (this.isSeqIndicator(q)) {
      if (!seqItem) bail();
      return this.sequence(this.column(q), q, depth + 1);
    }
    if (!this.plainStart(q, false)) bail();
    if (this.plainBlock(q) >= 0) {
      if (!seqItem) bail();
      return this.mapping(this.column(q), q, depth + 1);
    }
    return this.blockPlain(q, this.pe, col, true);
  }

  /**
   * A plain scalar in block context starting at `q`, whose first line ends at `end`, continued on following
   * lines indented more than `col` (the lines are folded into one value). Leaves the reader on the next line.
   */
  private blockPlain(q: number, end: number, col: number, resolve: boolean): ScalarNode {
    const text = this.text;
    const n = this.n;
    let multiLine = false;
    // A comment ends a plain scalar; otherwise more-indented lines continue it.
    if (this.skipSpaces(end) >= this.le) {
      for (let p = this.nx; p < n; ) {
        this.measure(p);
        const sp = this.mSp;
        const le = this.mLe;
        const nx = this.mNx;
        if (sp >= le) {
          p = nx;
          continue;
        }
        if (sp - p <= col) break;
        const c = text.charCodeAt(sp);
        if (c === HASH) break;
        // Continuation lines that start like an indicator (`- x`, `"x`, `[x`...) are left to the general path.
        if (!this.plainStart(sp, false) || c === DASH || c === COLON || c === 63) bail();
        this.ls = sp;
        this.le = le;
        this.nx = nx;
        this.ind = sp - p;
        if (this.plainBlock(sp) >= 0) bail(); // `key: value` on a continuation line is an error
        end = this.pe;
        multiLine = true;
        if (this.skipSpaces(end) < le) break;
        p = nx;
      }
    }
    const raw = multiLine ? unfoldLines(text.slice(q, end)) : text.slice(q, end);
    const node = this.scalar('plain', resolve ? resolvePlain(raw) : raw, q, end, q, end);
    this.finishLine(end);
    if (!this.eof && this.ind > col) bail();
    return node;
  }

  /** Column of `p` on the current line, in this reader's terms (a leading BOM does not count). */
  private column(p: number): number {
    return p - this.ls + this.ind;
  }

  /**
   * After a key or item with nothing more on its line: the node on the following lines, if any — a block
   * collection, or a plain or quoted scalar (`scalars` false: only a collection). A mapping value may also be a
   * sequence written at the mapping's own indentation.
   */
  private nestedBlock(col: number, depth: number, mapValue: boolean, scalars: boolean): CfnNode | undefined {
    if (this.eof) return undefined;
    const p = this.ls;
    if (this.ind > col) {
      if (this.isSeqIndicator(p)) return this.sequence(this.ind, p, depth + 1);
      const c = this.text.charCodeAt(p);
      if (c === 34 || c === 39) {
        if (this.quotedKeyAhead(p, c)) return this.mapping(this.ind, p, depth + 1);
        if (!scalars) bail();
        const node = this.quoted(p, c, col);
        if (this.text.charCodeAt(this.skipSpaces(node.end)) === COLON) bail();
        this.finishLine(node.end);
        return node;
      }
      if (!this.plainStart(p, false)) bail(); // tags, block scalars, flow collections on their own line
      if (this.plainBlock(p) >= 0) return this.mapping(this.ind, p, depth + 1);
      if (!scalars) bail();
      return this.blockPlain(p, this.pe, col, true);
    }
    if (mapValue && this.ind === col && this.isSeqIndicator(p)) return this.sequence(col, p, depth + 1);
    return undefined;
  }

  /** Whether a quoted scalar at `p` closes on its line and is followed by `:` (a quoted key). */
  private quotedKeyAhead(p: number, quote: number): boolean {
    const text = this.text;
    const le = this.le;
    for (let i = p + 1; i < le; i++) {
      const c = text.charCodeAt(i);
      if (c === 92 && quote === 34) i++;
      else if (c === quote) {
        if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
        else return text.charCodeAt(this.skipSpaces(i + 1)) === COLON;
      }
    }
    return false;
  }

  /** `!Tag` at `q` and what it tags. */
  private tagged(q: number, col: number, depth: number, mapValue: boolean): CfnNode {
    const text = this.text;
    const le = this.le;
    let e = q + 1;
    while (e < le && isAlnum(text.charCodeAt(e))) e++;
    if (e === q + 1) bail();
    if (e < le && text.charCodeAt(e) !== SPACE) bail();
    const tag = text.slice(q, e);
    if (!isIntrinsicTag(tag)) bail(); // unknown tags get a warning from the general path
    const r = this.skipSpaces(e);
    if (r >= le || text.charCodeAt(r) === HASH) {
      this.finishLine(r);
      // A tag on its own line tags the collection below it (a scalar there is left to the general path).
      const nested = this.nestedBlock(col, depth, mapValue, false);
      if (nested) return this.withTag(nested, tag);
      return this.withTag(this.scalar('plain', '', r, r, r, r), tag);
    }
    const c = text.charCodeAt(r);
    if (c === 124 || c === 62) return this.blockScalar(r, col, tag);
    if (c === 91 || c === 123) {
      const node = this.flowCollection(r, depth + 1, col, 1);
      this.finishLine(this.fp);
      return this.withTag(node, tag);
    }
    if (c === 34 || c === 39) {
      const node = this.quoted(r, c, col);
      const after = this.skipSpaces(node.end);
      if (after < this.le && text.charCodeAt(after) === COLON) bail();
      this.finishLine(node.end);
      return this.withTag(node, tag);
    }
    if (!this.plainStart(r, false)) bail();
    if (this.plainBlock(r) >= 0) bail();
    return this.withTag(this.blockPlain(r, this.pe, col, false), tag);
  }

  private withTag<T extends CfnNode>(node: T, tag: string): T {
    const tagStart = tagStartBefore(this.text, tag, node.valueStart);
    node.tag = tag;
    node.tagStart = tagStart;
    if (tagStart !== undefined) node.start = tagStart;
    return node;
  }

  // ---- scalars ------------------------------------------------------------------------------------------------

  private scalar(style: ScalarStyle, value: string | number | boolean | null, start: number, end: number, contentStart: number, contentEnd: number): ScalarNode {
    return { kind: 'scalar', style, value, start, end, valueStart: start, contentStart, contentEnd, size: 1 };
  }

  /** Whether a plain scalar may start at `p` (not an indicator). */
  private plainStart(p: number, flow: boolean): boolean {
    const text = this.text;
    const c = text.charCodeAt(p);
    switch (c) {
      case 44: // ,
      case 91: // [
      case 93: // ]
      case 123: // {
      case 125: // }
      case HASH:
      case 38: // &
      case 42: // *
      case 33: // !
      case 124: // |
      case 62: // >
      case 39: // '
      case 34: // "
      case 37: // %
      case 64: // @
      case 96: // `
      case TAB:
      case SPACE:
        return false;
      // `-`, `?` and `:` are indicators only before a space (`::/0` and `-1` are plain scalars).
      case COLON:
      case 63: // ?
      case DASH: {
        const d = text.charCodeAt(p + 1);
        if (p + 1 >= this.le || d === SPACE || d === TAB) return false;
        if (flow && (d === 44 || d === 91 || d === 93 || d === 123 || d === 125)) return false;
        return true;
      }
    }
    return true;
  }

  /**
   * Scans a plain scalar in block context from `p`: up to the line end, ` #`, or a `:` that makes it a key.
   * Returns that colon's offset or -1; the scalar's end is left in `pe` (no object per scalar).
   */
  private plainBlock(p: number): number {
    const text = this.text;
    const le = this.le;
    let end = p;
    let colon = -1;
    for (let i = p; i < le; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
        continue;
      }
      if (c === TAB) bail();
      if (c === COLON && (i + 1 >= le || text.charCodeAt(i + 1) === SPACE)) {
        colon = i;
        break;
      }
      end = i + 1;
    }
    this.pe = end;
    return colon;
  }

  /**
   * A quoted scalar starting at `p` (`quote` is its quote character). With `col` >= 0 (a block value) it may
   * continue on following lines indented more than `col`; its line breaks then fold as YAML specifies.
   * Otherwise (keys, flow collections) it must close on its line.
   */
  private quoted(p: number, quote: number, col = -1): ScalarNode {
    const text = this.text;
    const n = this.n;
    let le = this.le;
    let i = p + 1;
    let value = '';
    let from = i;
    let multiLine = false;
    for (;;) {
      if (i >= le) {
        if (col < 0) bail();
        // The next line: empty, or indented more than the owning collection.
        const start = this.nx;
        if (start >= n) bail(); // unterminated
        this.measure(start);
        const sp = this.mSp;
        if (sp < this.mLe && sp - start <= col) bail();
        this.ls = sp;
        this.le = le = this.mLe;
        this.nx = this.mNx;
        this.ind = sp - start;
        i = sp;
        multiLine = true;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === quote) {
        if (quote === 39 && text.charCodeAt(i + 1) === 39) {
          value += text.slice(from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      if (c === TAB) bail();
      if (c === 92 /* \ */ && quote === 34) {
        // An escaped line break joins lines without a space: rare, left to the general path.
        if (i + 1 >= le) bail();
        value += text.slice(from, i);
        const [decoded, width] = this.escape(i);
        value += decoded;
        i += width;
        from = i;
        continue;
      }
      i++;
    }
    value += text.slice(from, i);
    const end = i + 1;
    if (multiLine) value = quote === 34 ? foldDoubleQuoted(text.slice(p + 1, i), (k) => this.escape(p + 1 + k)) : unfoldLines(text.slice(p + 1, i)).replace(/''/g, "'");
    return this.scalar(quote === 34 ? 'double' : 'single', value, p, end, p + 1, i);
  }

  /** A double-quoted escape at `p` (the backslash): its text and width. */
  private escape(p: number): [string, number] {
    const text = this.text;
    if (p + 1 >= this.le) bail();
    const e = text[p + 1]!;
    const simple = YAML_ESCAPES.get(e);
    if (simple !== undefined) return [simple, 2];
    switch (e) {
      case 'x':
      case 'u':
      case 'U': {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        if (p + 2 + len > this.le) bail();
        const hex = text.slice(p + 2, p + 2 + len);
        for (let k = 0; k < len; k++) if (!isHex(hex.charCodeAt(k))) bail();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) bail();
        return [String.fromCodePoint(code), 2 + len];
      }
    }
    return bail();
  }

  /**
   * A literal or folded block scalar whose header is at `h`. Matches the `yaml` package's lexer (which lines
   * belong to the scalar, where its range ends) and its value resolution (indentation, folding, chomping).
   */
  private blockScalar(h: number, col: number, tag: string | undefined): ScalarNode {
    const text = this.text;
    const n = this.n;
    const folded = text.charCodeAt(h) === 62;
    let chomp = '';
    let p = h + 1;
    const c1 = text.charCodeAt(p);
    if (c1 === DASH || c1 === 43) {
      chomp = c1 === DASH ? '-' : '+';
      p++;
    }
    // Explicit indentation indicators are rare in templates and subtle; left to the general path.
    if (p < this.le && text.charCodeAt(p) !== SPACE) bail();
    const headerLineEnd = this.le;
    const q = this.skipSpaces(p);
    if (q < headerLineEnd) {
      if (text.charCodeAt(q) !== HASH || q === p) bail();
      this.comment(q, headerLineEnd);
    }
    const bodyStart = this.nx;
    if (bodyStart >= n || bodyStart === headerLineEnd) bail();

    // The indentation of the first non-empty line sets the scalar's indentation.
    let indent = -1;
    let maxLeadingBlank = 0;
    let ls = bodyStart;
    for (;;) {
      if (ls >= n) bail(); // nothing but empty lines: an empty scalar
      let sp = ls;
      while (sp < n && text.charCodeAt(sp) === SPACE) sp++;
      const c = text.charCodeAt(sp);
      if (c === LF || (c === CR && text.charCodeAt(sp + 1) === LF)) {
        if (sp - ls > maxLeadingBlank) maxLeadingBlank = sp - ls;
        ls = text.indexOf('\n', sp) + 1;
        continue;
      }
      if (sp >= n || c === TAB) bail();
      indent = sp - ls;
      break;
    }
    if (indent <= col || maxLeadingBlank > indent) bail();

    // Lines belong to the scalar while they are empty or indented at least as much as the first one.
    let nl = ls - 1;
    for (;;) {
      const lineEnd = text.indexOf('\n', ls);
      nl = lineEnd < 0 ? n : lineEnd;
      if (nl >= n) break;
      const next = nl + 1;
      if (next >= n) break;
      let sp = next;
      while (sp < n && text.charCodeAt(sp) === SPACE) sp++;
      const c = text.charCodeAt(sp);
      if (sp >= n) bail(); // a last line of only spaces: an edge case of the lexer
      if (c === LF || (c === CR && text.charCodeAt(sp + 1) === LF) || sp - next >= indent) {
        ls = next;
        continue;
      }
      // The line after the scalar: tabs there have special handling in the lexer.
      if (c === TAB) bail();
      break;
    }
    if (chomp !== '+') {
      // Trailing lines of at most `indent` spaces are not part of the scalar's source.
      for (;;) {
        let i = nl - 1;
        if (text.charCodeAt(i) === CR) i--;
        const lastChar = i;
        while (text.charCodeAt(i) === SPACE) i--;
        if (text.charCodeAt(i) === LF && i >= bodyStart && i + 1 + indent > lastChar) nl = i;
        else break;
      }
    }
    const rangeEnd = Math.min(nl + 1, n);
    const value = blockValue(text.slice(bodyStart, rangeEnd), folded, chomp, indent);
    const node = this.scalar(folded ? 'folded' : 'literal', value, h, trimEndWs(text, rangeEnd), h, rangeEnd);
    if (tag) this.withTag(node, tag);
    this.nextContentLine(rangeEnd);
    return node;
  }

  // ---- flow collections ----------------------------------------------------------------------------------------

  /**
   * Skips spaces, comments and line breaks inside a flow collection from `i`. Lines inside it must be indented
   * more than `col` (the owning block collection's column), except a line starting with the outermost closing
   * bracket, which may sit at `col`.
   */
  private flowSkip(i: number, col: number, level: number, close: number): number {
    const text = this.text;
    const n = this.n;
    for (;;) {
      i = this.skipSpaces(i);
      if (i < this.le) {
        if (text.charCodeAt(i) !== HASH) return i;
        if (!isWs(text.charCodeAt(i - 1))) bail();
        this.comment(i, this.le);
      }
      const start = this.nx;
      if (start >= n) bail(); // unterminated
      let sp = start;
      while (sp < n && text.charCodeAt(sp) === SPACE) sp++;
      const nl = text.indexOf('\n', sp);
      let e = nl < 0 ? n : nl;
      if (e > sp && text.charCodeAt(e - 1) === CR) e--;
      if (sp < e) {
        const c = text.charCodeAt(sp);
        // (Comment lines too: the general path rejects a comment at the start of a line inside a flow collection.)
        if (sp - start <= col && !(level === 1 && sp - start === col && c === close)) bail();
      }
      this.ls = sp;
      this.le = e;
      this.nx = nl < 0 ? n : nl + 1;
      this.ind = sp - start;
      i = sp;
    }
  }

  /**
   * `[...]` or `{...}` at `p`, possibly over several lines (`col`: the owning block collection's column,
   * `level`: flow nesting, 1 for the outermost). Sets `fp` after the closing bracket.
   */
  private flowCollection(p: number, depth: number, col: number, level: number): MappingNode | SequenceNode {
    if (depth > FAST_MAX_DEPTH) bail();
    const text = this.text;
    const isSeq = text.charCodeAt(p) === 91;
    const close = isSeq ? 93 : 125;
    const items: CfnNode[] = [];
    const pairs: PairNode[] = [];
    let seen: Set<string> | undefined;
    let size = 1;
    let i = p + 1;
    for (;;) {
      i = this.flowSkip(i, col, level, close);
      if (text.charCodeAt(i) === close) break;
      if (isSeq) {
        const node = this.flowItem(i, depth, col, level);
        const j = this.skipSpaces(this.fp);
        if (j < this.le && text.charCodeAt(j) === COLON) {
          // `[key: value]`: a one-pair mapping inside the sequence.
          if (node.kind !== 'scalar' || node.tag !== undefined) bail();
          const pair = this.flowPair(node, j, depth, col, level);
          const m = singlePairMapping(pair);
          // The general path reads the pair as a flow mapping spanning key to value, and takes a `}` that ends
          // the value for the mapping's closing brace.
          if (text.charCodeAt(pair.end - 1) === 125) m.close = pair.end - 1;
          items.push(m);
          size += m.size;
        } else {
          items.push(node);
          size += node.size;
        }
      } else {
        const c = text.charCodeAt(i);
        let key: ScalarNode;
        if (c === 34 || c === 39) key = this.quoted(i, c);
        else {
          if (!this.plainStart(i, true)) bail();
          key = this.plainFlow(i);
        }
        const j = this.skipSpaces(key.end);
        if (j >= this.le || text.charCodeAt(j) !== COLON) bail(); // `{a}`: a key without value
        const pair = this.flowPair(key, j, depth, col, level);
        seen = checkUnique(pairs, pair.keyText, seen);
        pairs.push(pair);
        size += pair.key.size + pair.value!.size;
      }
      i = this.flowSkip(this.fp, col, level, close);
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === close) break;
      bail(); // includes a `:` on a later line than its key
    }
    this.fp = i + 1;
    if (isSeq) {
      return { kind: 'sequence', style: 'flow', items, start: p, end: i + 1, valueStart: p, size, itemColumn: -1, open: p, close: i };
    }
    return { kind: 'mapping', style: 'flow', pairs, start: p, end: i + 1, valueStart: p, size, keyColumn: -1, open: p, close: i };
  }

  /** `key: value` inside a flow collection, `j` at the colon; the value on the same line. Sets `fp` after it. */
  private flowPair(key: ScalarNode, j: number, depth: number, col: number, level: number): PairNode {
    const text = this.text;
    if (j - key.start > MAX_KEY_LENGTH) bail();
    // A value is required, separated by a space (`{a:b}` and `{a: }` have subtler readings).
    if (j + 1 >= this.le || text.charCodeAt(j + 1) !== SPACE) bail();
    const v = this.skipSpaces(j + 1);
    if (v >= this.le) bail();
    const vc = text.charCodeAt(v);
    if (vc === 44 || vc === 93 || vc === 125 || vc === HASH) bail();
    const value = this.flowItem(v, depth, col, level);
    const after = this.skipSpaces(this.fp);
    if (after < this.le && text.charCodeAt(after) === COLON) bail();
    const keyText = key.value === null ? '' : String(key.value);
    let end = value.end > key.end ? value.end : key.end;
    if (j + 1 > end) end = j + 1;
    return { start: key.start, end, key, keyText, value, colon: j };
  }

  /** One node inside a flow collection at `p`: scalar, nested collection or tagged node. Sets `fp` after it. */
  private flowItem(p: number, depth: number, col: number, level: number, resolve = true): CfnNode {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === 91 || c === 123) return this.flowCollection(p, depth + 1, col, level + 1);
    if (c === 33) {
      let e = p + 1;
      while (e < this.le && isAlnum(text.charCodeAt(e))) e++;
      if (e === p + 1 || e >= this.le || text.charCodeAt(e) !== SPACE) bail();
      const tag = text.slice(p, e);
      if (!isIntrinsicTag(tag)) bail();
      const r = this.skipSpaces(e);
      if (r >= this.le) bail();
      const rc = text.charCodeAt(r);
      if (rc === 33 || rc === 44 || rc === 93 || rc === 125 || rc === HASH) bail();
      // Under a local tag a scalar is not resolved (`!Ref 012` is the string "012").
      const inner = this.flowItem(r, depth, col, level, false);
      // `[!Ref a: b]` would tag a key; left to the general path.
      const after = this.skipSpaces(this.fp);
      if (after < this.le && text.charCodeAt(after) === COLON) bail();
      return this.withTag(inner, tag);
    }
    if (c === 34 || c === 39) {
      const node = this.quoted(p, c);
      this.fp = node.end;
      return node;
    }
    if (!this.plainStart(p, true)) bail();
    const node = this.plainFlow(p, resolve);
    this.fp = node.end;
    return node;
  }

  /**
   * A plain scalar inside a flow collection: ends at a flow indicator, `: `, a comment or the line end (what
   * follows is checked by the caller: a scalar continued on the next line is not read).
   */
  private plainFlow(p: number, resolve = true): ScalarNode {
    const text = this.text;
    const le = this.le;
    let end = p;
    for (let i = p; i < le; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
        continue;
      }
      if (c === TAB) bail();
      if (c === 44 || c === 93 || c === 125) break;
      if (c === 91 || c === 123) bail();
      if (c === COLON) {
        const d = i + 1 < le ? text.charCodeAt(i + 1) : SPACE;
        if (d === SPACE || d === 44 || d === 91 || d === 93 || d === 123 || d === 125) break;
      }
      end = i + 1;
    }
    const raw = text.slice(p, end);
    return this.scalar('plain', resolve ? resolvePlain(raw) : raw, p, end, p, end);
  }
}

/**
 * Bails out when `keyText` is already a key of the mapping being built. Small mappings (nearly all) are
 * scanned; a set is built once a mapping grows large (Resources with thousands of entries).
 */
function checkUnique(pairs: PairNode[], keyText: string, seen: Set<string> | undefined): Set<string> | undefined {
  if (seen) {
    if (seen.has(keyText)) bail();
    seen.add(keyText);
    return seen;
  }
  const n = pairs.length;
  for (let i = 0; i < n; i++) if (pairs[i]!.keyText === keyText) bail();
  if (n < 16) return undefined;
  const set = new Set<string>();
  for (let i = 0; i < n; i++) set.add(pairs[i]!.keyText);
  set.add(keyText);
  return set;
}

/**
 * A multi-line double-quoted scalar's value from its text between the quotes: escapes decoded (`escape(k)`
 * decodes the one at offset k), each line break folded to a space or, after empty lines, to line breaks,
 * whitespace around line breaks dropped.
 */
function foldDoubleQuoted(body: string, escape: (k: number) => [string, number]): string {
  let res = '';
  const n = body.length;
  for (let i = 0; i < n; i++) {
    const c = body.charCodeAt(i);
    if (c === CR && body.charCodeAt(i + 1) === LF) continue;
    if (c === LF) {
      let fold = '';
      let j = i + 1;
      for (;;) {
        const d = body.charCodeAt(j);
        if (d === SPACE || d === TAB) j++;
        else if (d === CR && body.charCodeAt(j + 1) === LF) j++;
        else if (d === LF) {
          fold += '\n';
          j++;
        } else break;
      }
      res += fold === '' ? ' ' : fold;
      i = j - 1;
    } else if (c === 92) {
      const [decoded, width] = escape(i);
      res += decoded;
      i += width - 1;
    } else if (c === SPACE || c === TAB) {
      // Whitespace before a line break is dropped.
      let j = i + 1;
      while (body.charCodeAt(j) === SPACE || body.charCodeAt(j) === TAB) j++;
      const d = body.charCodeAt(j);
      if (d !== LF && !(d === CR && body.charCodeAt(j + 1) === LF)) res += body.slice(i, j);
      i = j - 1;
    } else res += body[i];
  }
  return res;
}

/** A multi-line plain scalar's value: lines trimmed and joined by spaces, each empty line a line break. */
function unfoldLines(source: string): string {
  const lines = source.split('\n');
  const last = lines.length - 1;
  let res = trimSpaceTab(lines[0]!, false);
  let sep = ' ';
  for (let i = 1; i < last; i++) {
    const line = trimSpaceTab(lines[i]!, true);
    if (line === '') {
      if (sep === '\n') res += sep;
      else sep = '\n';
    } else {
      res += sep + line;
      sep = ' ';
    }
  }
  return res + sep + trimSpaceTab(lines[last]!, true, false);
}

/** Strips a final CR and trailing (and, if `start`, leading) spaces and tabs — not other Unicode spaces. */
function trimSpaceTab(s: string, start: boolean, end = true): string {
  let e = s.length;
  if (end) {
    if (e > 0 && s.charCodeAt(e - 1) === CR) e--;
    while (e > 0 && (s.charCodeAt(e - 1) === SPACE || s.charCodeAt(e - 1) === TAB)) e--;
  }
  let b = 0;
  if (start) while (b < e && (s.charCodeAt(b) === SPACE || s.charCodeAt(b) === TAB)) b++;
  return s.slice(b, e);
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * The value of a block scalar from its body (the lines after the header, as far as the lexer takes them),
 * following the `yaml` package's resolution: strip the indentation, fold (`>`) or keep (`|`) line breaks,
 * then apply chomping to the trailing empty lines.
 */
function blockValue(source: string, folded: boolean, chomp: string, trimIndent: number): string {
  // [indentation (spaces), content (may end with CR)] per line.
  const lines: [number, string][] = [];
  let from = 0;
  for (;;) {
    const nl = source.indexOf('\n', from);
    const line = nl < 0 ? source.slice(from) : source.slice(from, nl);
    let sp = 0;
    while (sp < line.length && line.charCodeAt(sp) === SPACE) sp++;
    lines.push([sp, line.slice(sp)]);
    if (nl < 0) break;
    from = nl + 1;
  }
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i]![1];
    if (content === '' || content === '\r') chompStart = i;
    else break;
  }
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const content = lines[i]![1];
    if (content !== '' && content !== '\r') {
      contentStart = i;
      break;
    }
  }
  // Trailing whitespace-only lines indented more than the scalar are content.
  for (let i = lines.length - 1; i >= chompStart; --i) if (lines[i]![0] > trimIndent) chompStart = i + 1;
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += ' '.repeat(Math.max(0, lines[i]![0] - trimIndent)) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const indent = lines[i]![0];
    let content = lines[i]![1];
    if (content.charCodeAt(content.length - 1) === CR) content = content.slice(0, -1);
    const extra = indent > trimIndent ? ' '.repeat(indent - trimIndent) : '';
    if (!folded) {
      value += sep + extra + content;
      sep = '\n';
    } else if (indent > trimIndent || content.charCodeAt(0) === TAB) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + extra + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i) value += '\n' + ' '.repeat(Math.max(0, lines[i]![0] - trimIndent));
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (chomp !== '-') value += '\n';
  return value;
}
