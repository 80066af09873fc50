// Hand-written scanner for HCL native syntax (normal mode only). Template content (inside quotes and heredocs)
// is scanned character by character by the parser, which calls back into this scanner for `${…}` and `%{…}`;
// doing it that way keeps one token of state here instead of a mode stack.
import type { HclComment, ParseError } from './ast';
import { LineIndex } from '../../text';

export const T_EOF: number = 0;
export const T_NL: number = 1;
export const T_IDENT: number = 2;
export const T_NUMBER: number = 3;
export const T_OQUOTE: number = 4;
export const T_HEREDOC: number = 5;
export const T_LBRACE: number = 6;
export const T_RBRACE: number = 7;
export const T_LBRACK: number = 8;
export const T_RBRACK: number = 9;
export const T_LPAREN: number = 10;
export const T_RPAREN: number = 11;
export const T_COMMA: number = 12;
export const T_DOT: number = 13;
export const T_ELLIPSIS: number = 14;
export const T_COLON: number = 15;
export const T_QUESTION: number = 16;
export const T_EQUAL: number = 17;
export const T_ARROW: number = 18;
export const T_OR: number = 19;
export const T_AND: number = 20;
export const T_EQEQ: number = 21;
export const T_NEQ: number = 22;
export const T_LT: number = 23;
export const T_GT: number = 24;
export const T_LTE: number = 25;
export const T_GTE: number = 26;
export const T_PLUS: number = 27;
export const T_MINUS: number = 28;
export const T_STAR: number = 29;
export const T_SLASH: number = 30;
export const T_PERCENT: number = 31;
export const T_BANG: number = 32;
export const T_TILDE: number = 33;
export const T_INVALID: number = 34;

export const MAX_ERRORS = 1000;

// ASCII classification tables; non-ASCII falls back to Unicode property tests (rare in Terraform).
const ID_START = new Uint8Array(128);
const ID_CONT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const digit = c >= 48 && c <= 57;
  // HCL's scanner accepts a leading underscore although Unicode ID_Start does not include it.
  ID_START[c] = letter || c === 95 ? 1 : 0;
  ID_CONT[c] = letter || digit || c === 95 || c === 45 ? 1 : 0;
}
const UNI_START = /^[\p{ID_Start}]$/u;
const UNI_CONT = /^[\p{ID_Continue}]$/u;

/** Length in UTF-16 units of the identifier-start character at `p`, or 0. */
export function idStartLen(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c < 128) return ID_START[c]!;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(p)!;
  const s = String.fromCodePoint(cp);
  return UNI_START.test(s) ? s.length : 0;
}

/** Length in UTF-16 units of the identifier-continue character at `p` (letters, digits, `_`, `-`), or 0. */
export function idContLen(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c < 128) return ID_CONT[c]!;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(p)!;
  const s = String.fromCodePoint(cp);
  return UNI_CONT.test(s) || UNI_START.test(s) ? s.length : 0;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export class Lexer {
  readonly text: string;
  /** Scanning never reads at or past this offset (heredoc bodies narrow it while their content is parsed). */
  limit: number;
  tok = T_EOF;
  tokStart = 0;
  tokEnd = 0;
  /** A newline was skipped just before the current token (only when newlines are insignificant). */
  nlBefore = false;
  /** End of the last consumed token other than a line break: where a missing closer would have been. */
  prevEnd = 0;
  /** Inside (), [] and ${}, newlines are not separators. */
  ignoreNl = false;
  heredocMarker = '';
  heredocIndented = false;
  invalidMsg = '';
  readonly comments: HclComment[] = [];
  readonly errors: ParseError[] = [];
  /** Comments are recorded once even when lookahead rescans the same region. */
  private commentHigh = 0;
  private eofReported = false;
  private lineIndex: LineIndex | undefined;

  constructor(text: string) {
    this.text = text;
    this.limit = text.length;
  }

  error(start: number, end: number, message: string): void {
    const errs = this.errors;
    const last = errs[errs.length - 1];
    // One mistake often trips several callers at the same spot (e.g. EOF inside nested constructs).
    if (last && last.start === start && last.end === end && last.message === message) return;
    if (errs.length >= MAX_ERRORS) return;
    // Everything still open at the end of the file fails there at once; the first report says enough.
    const atEof = end >= this.text.length;
    if (atEof && this.eofReported) return;
    if (atEof) this.eofReported = true;
    errs.push({ start, end, message });
  }

  /** 1-based line of an offset, for messages. */
  lineOf(offset: number): number {
    return (this.lineIndex ??= new LineIndex(this.text)).positionAt(offset).line + 1;
  }

  /** True when the current token is the first thing on its line (only indentation before it). */
  atColumn0(): boolean {
    const p = this.tokStart;
    if (p === 0) return true;
    const c = this.text.charCodeAt(p - 1);
    return c === 10 || c === 13 || (p === 1 && c === 0xfeff);
  }

  /**
   * True when a line break separates the current token from the previous one (or it is the first token).
   * Only the gap between the two is read, so this stays cheap on very long lines.
   */
  firstOnLine(): boolean {
    const t = this.text;
    const stop = this.prevEnd;
    for (let p = this.tokStart - 1; p >= stop; p--) {
      const c = t.charCodeAt(p);
      if (c === 10 || c === 13) return true;
    }
    return stop === 0;
  }

  tokText(): string {
    return this.text.slice(this.tokStart, this.tokEnd);
  }

  /** Human description of the current token for messages. */
  describe(): string {
    switch (this.tok) {
      case T_EOF:
        return 'end of file';
      case T_NL:
        return 'end of line';
      case T_OQUOTE:
        return 'a string';
      case T_HEREDOC:
        return 'a heredoc';
      default: {
        const s = this.text.slice(this.tokStart, Math.min(this.tokEnd, this.tokStart + 24));
        return `'${s}${this.tokEnd - this.tokStart > 24 ? '…' : ''}'`;
      }
    }
  }

  advance(): void {
    // Line breaks do not count: a missing closer belongs right after the last real token.
    if (this.tok !== T_NL) this.prevEnd = this.tokEnd;
    this.scan(this.tokEnd);
  }

  /** Consume everything up to `p` (which the caller scanned itself) and scan the next token there. */
  advanceFrom(p: number): void {
    this.prevEnd = p;
    this.scan(p);
  }

  private addComment(style: '#' | '//' | '/*', start: number, end: number, textStart: number, textEnd: number): void {
    if (start < this.commentHigh) return;
    this.commentHigh = end;
    this.comments.push({ style, start, end, text: this.text.slice(textStart, textEnd) });
  }

  private lineEnd(p: number): number {
    const t = this.text;
    const lim = this.limit;
    while (p < lim) {
      const c = t.charCodeAt(p);
      if (c === 10 || c === 13) break;
      p++;
    }
    return p;
  }

  scan(p: number): void {
    const t = this.text;
    const lim = this.limit;
    this.nlBefore = false;
    for (;;) {
      if (p >= lim) {
        this.set(T_EOF, lim, lim);
        return;
      }
      const c = t.charCodeAt(p);
      switch (c) {
        case 32:
        case 9:
        case 0xfeff:
          p++;
          continue;
        case 10:
        case 13: {
          const e = c === 13 && t.charCodeAt(p + 1) === 10 ? p + 2 : p + 1;
          if (this.ignoreNl) {
            this.nlBefore = true;
            p = e;
            continue;
          }
          this.set(T_NL, p, e);
          return;
        }
        case 35: {
          const e = this.lineEnd(p + 1);
          this.addComment('#', p, e, p + 1, e);
          p = e;
          continue;
        }
        case 47: {
          const n = t.charCodeAt(p + 1);
          if (n === 47) {
            const e = this.lineEnd(p + 2);
            this.addComment('//', p, e, p + 2, e);
            p = e;
            continue;
          }
          if (n === 42) {
            const close = t.indexOf('*/', p + 2);
            if (close < 0 || close + 2 > lim) {
              this.error(p, lim, 'unterminated comment: /* has no matching */');
              this.addComment('/*', p, lim, p + 2, lim);
              p = lim;
              continue;
            }
            this.addComment('/*', p, close + 2, p + 2, close);
            p = close + 2;
            continue;
          }
          this.set(T_SLASH, p, p + 1);
          return;
        }
        case 34:
          this.set(T_OQUOTE, p, p + 1);
          return;
        case 123:
          this.set(T_LBRACE, p, p + 1);
          return;
        case 125:
          this.set(T_RBRACE, p, p + 1);
          return;
        case 91:
          this.set(T_LBRACK, p, p + 1);
          return;
        case 93:
          this.set(T_RBRACK, p, p + 1);
          return;
        case 40:
          this.set(T_LPAREN, p, p + 1);
          return;
        case 41:
          this.set(T_RPAREN, p, p + 1);
          return;
        case 44:
          this.set(T_COMMA, p, p + 1);
          return;
        case 46:
          if (t.charCodeAt(p + 1) === 46 && t.charCodeAt(p + 2) === 46) this.set(T_ELLIPSIS, p, p + 3);
          else this.set(T_DOT, p, p + 1);
          return;
        case 58:
          this.set(T_COLON, p, p + 1);
          return;
        case 63:
          this.set(T_QUESTION, p, p + 1);
          return;
        case 61: {
          const n = t.charCodeAt(p + 1);
          if (n === 61) this.set(T_EQEQ, p, p + 2);
          else if (n === 62) this.set(T_ARROW, p, p + 2);
          else this.set(T_EQUAL, p, p + 1);
          return;
        }
        case 33:
          if (t.charCodeAt(p + 1) === 61) this.set(T_NEQ, p, p + 2);
          else this.set(T_BANG, p, p + 1);
          return;
        case 60:
          if (t.charCodeAt(p + 1) === 60) {
            this.scanHeredocIntro(p);
            return;
          }
          if (t.charCodeAt(p + 1) === 61) this.set(T_LTE, p, p + 2);
          else this.set(T_LT, p, p + 1);
          return;
        case 62:
          if (t.charCodeAt(p + 1) === 61) this.set(T_GTE, p, p + 2);
          else this.set(T_GT, p, p + 1);
          return;
        case 124:
          if (t.charCodeAt(p + 1) === 124) this.set(T_OR, p, p + 2);
          else this.invalid(p, p + 1, "unexpected character '|' (did you mean '||'?)");
          return;
        case 38:
          if (t.charCodeAt(p + 1) === 38) this.set(T_AND, p, p + 2);
          else this.invalid(p, p + 1, "unexpected character '&' (did you mean '&&'?)");
          return;
        case 43:
          this.set(T_PLUS, p, p + 1);
          return;
        case 45:
          this.set(T_MINUS, p, p + 1);
          return;
        case 42:
          this.set(T_STAR, p, p + 1);
          return;
        case 37:
          this.set(T_PERCENT, p, p + 1);
          return;
        case 126:
          this.set(T_TILDE, p, p + 1);
          return;
        default:
          break;
      }
      if (c >= 48 && c <= 57) {
        this.scanNumber(p);
        return;
      }
      const sl = idStartLen(t, p);
      if (sl > 0) {
        this.scanIdent(p, sl);
        return;
      }
      const width = c >= 0xd800 && c <= 0xdbff && p + 1 < lim ? 2 : 1;
      const ch = t.slice(p, p + width);
      const shown = c < 32 || c === 127 ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
      this.invalid(p, p + width, `unexpected character '${shown}'`);
      return;
    }
  }

  private set(tok: number, start: number, end: number): void {
    this.tok = tok;
    this.tokStart = start;
    this.tokEnd = end;
  }

  private invalid(start: number, end: number, msg: string): void {
    this.invalidMsg = msg;
    this.set(T_INVALID, start, end);
  }

  private scanNumber(p: number): void {
    const t = this.text;
    const lim = this.limit;
    const s = p;
    while (p < lim && isDigit(t.charCodeAt(p))) p++;
    if (t.charCodeAt(p) === 46 && p + 1 < lim && isDigit(t.charCodeAt(p + 1))) {
      p += 2;
      while (p < lim && isDigit(t.charCodeAt(p))) p++;
    }
    const e = t.charCodeAt(p);
    if (e === 101 || e === 69) {
      let q = p + 1;
      const sign = t.charCodeAt(q);
      if (sign === 43 || sign === 45) q++;
      if (q < lim && isDigit(t.charCodeAt(q))) {
        while (q < lim && isDigit(t.charCodeAt(q))) q++;
        p = q;
      }
    }
    this.set(T_NUMBER, s, p);
  }

  /** Digits only: `foo.0.1` is two legacy index steps, not the number 0.1. */
  scanIntegerAt(p: number): number {
    const t = this.text;
    const lim = this.limit;
    while (p < lim && isDigit(t.charCodeAt(p))) p++;
    return p;
  }

  private scanIdent(p: number, firstLen: number): void {
    const t = this.text;
    const lim = this.limit;
    const s = p;
    p += firstLen;
    for (;;) {
      while (p < lim) {
        const c = t.charCodeAt(p);
        if (c < 128) {
          if (ID_CONT[c] === 0) break;
          p++;
        } else {
          const l = idContLen(t, p);
          if (l === 0) break;
          p += l;
        }
      }
      // Provider-defined functions: provider::aws::arn_parse — kept as one name.
      if (t.charCodeAt(p) === 58 && t.charCodeAt(p + 1) === 58 && p + 2 < lim) {
        const l = idStartLen(t, p + 2);
        if (l > 0) {
          p += 2 + l;
          continue;
        }
      }
      break;
    }
    this.set(T_IDENT, s, p);
  }

  /** `<<EOT` or `<<-EOT` immediately followed by a line break. */
  private scanHeredocIntro(p: number): void {
    const t = this.text;
    const lim = this.limit;
    let q = p + 2;
    let indented = false;
    if (t.charCodeAt(q) === 45) {
      indented = true;
      q++;
    }
    const ms = q;
    const l = idStartLen(t, q);
    if (l > 0) {
      q += l;
      while (q < lim) {
        const k = idContLen(t, q);
        if (k === 0) break;
        q += k;
      }
    }
    const me = q;
    const c = t.charCodeAt(q);
    if (me > ms && (c === 10 || c === 13)) {
      this.heredocMarker = t.slice(ms, me);
      this.heredocIndented = indented;
      this.set(T_HEREDOC, p, c === 13 && t.charCodeAt(q + 1) === 10 ? q + 2 : q + 1);
      return;
    }
    if (me > ms && q >= lim) {
      this.heredocMarker = t.slice(ms, me);
      this.heredocIndented = indented;
      this.set(T_HEREDOC, p, q);
      return;
    }
    this.invalid(
      p,
      Math.max(me, p + 2),
      me > ms
        ? `a heredoc marker must end its line: put the text on the lines after <<${indented ? '-' : ''}${t.slice(ms, me)}`
        : "invalid heredoc: expected a marker such as <<EOT or <<-EOT after '<<'",
    );
  }
}
