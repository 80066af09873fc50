// Error-tolerant recursive-descent parser for HCL native syntax. Recursion is bounded by MAX_DEPTH so that
// hostile nesting cannot overflow the stack; every loop either consumes a token or leaves.
import type {
  Attribute,
  BinaryOp,
  Block,
  BlockLabel,
  Body,
  Expr,
  ForExpr,
  HclFile,
  Ident,
  IndexExpr,
  InvalidExpr,
  ObjectItem,
  ParseError,
  TemplateExpr,
  TemplatePart,
  TemplateText,
} from './ast';
import * as lx from './lexer';
import { Lexer } from './lexer';

// Local copies: imported bindings compile to getter calls in per-file transpilers (tsx), which the hot loops feel.
const T_AND = lx.T_AND;
const T_ARROW = lx.T_ARROW;
const T_BANG = lx.T_BANG;
const T_COLON = lx.T_COLON;
const T_COMMA = lx.T_COMMA;
const T_DOT = lx.T_DOT;
const T_ELLIPSIS = lx.T_ELLIPSIS;
const T_EOF = lx.T_EOF;
const T_EQEQ = lx.T_EQEQ;
const T_EQUAL = lx.T_EQUAL;
const T_GT = lx.T_GT;
const T_GTE = lx.T_GTE;
const T_HEREDOC = lx.T_HEREDOC;
const T_IDENT = lx.T_IDENT;
const T_INVALID = lx.T_INVALID;
const T_LBRACE = lx.T_LBRACE;
const T_LBRACK = lx.T_LBRACK;
const T_LPAREN = lx.T_LPAREN;
const T_LT = lx.T_LT;
const T_LTE = lx.T_LTE;
const T_MINUS = lx.T_MINUS;
const T_NEQ = lx.T_NEQ;
const T_NL = lx.T_NL;
const T_NUMBER = lx.T_NUMBER;
const T_OQUOTE = lx.T_OQUOTE;
const T_OR = lx.T_OR;
const T_PERCENT = lx.T_PERCENT;
const T_PLUS = lx.T_PLUS;
const T_QUESTION = lx.T_QUESTION;
const T_RBRACE = lx.T_RBRACE;
const T_RBRACK = lx.T_RBRACK;
const T_RPAREN = lx.T_RPAREN;
const T_SLASH = lx.T_SLASH;
const T_STAR = lx.T_STAR;
const T_TILDE = lx.T_TILDE;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;


export const MAX_DEPTH = 200;
const TOO_DEEP = `nesting deeper than ${MAX_DEPTH} levels`;

// Binary operator precedence (HCL: || < && < == != < < > <= >= < + - < * / %); 0 = not a binary operator.
const PREC = new Uint8Array(40);
const OPS: (BinaryOp | undefined)[] = [];
function op(tok: number, prec: number, s: BinaryOp): void {
  PREC[tok] = prec;
  OPS[tok] = s;
}
op(T_OR, 1, '||');
op(T_AND, 2, '&&');
op(T_EQEQ, 3, '==');
op(T_NEQ, 3, '!=');
op(T_LT, 4, '<');
op(T_GT, 4, '>');
op(T_LTE, 4, '<=');
op(T_GTE, 4, '>=');
op(T_PLUS, 5, '+');
op(T_MINUS, 5, '-');
op(T_STAR, 6, '*');
op(T_SLASH, 6, '/');
op(T_PERCENT, 6, '%');

const STARTS_EXPR = new Uint8Array(40);
for (const t of [T_NUMBER, T_IDENT, T_OQUOTE, T_HEREDOC, T_LPAREN, T_LBRACK, T_LBRACE, T_BANG, T_MINUS]) STARTS_EXPR[t] = 1;

/** Terraform's top-level block types and their label counts (see atTopLevelHeader). */
const TOP_LEVEL = new Map([
  ['resource', 2],
  ['data', 2],
  ['module', 1],
  ['variable', 1],
  ['output', 1],
  ['provider', 1],
  ['check', 1],
  ['locals', 0],
  ['terraform', 0],
  ['moved', 0],
  ['import', 0],
  ['removed', 0],
]);

interface TextRec {
  part: TemplateText;
  arr: TemplatePart[];
  lstrip: boolean;
  rstrip: boolean;
  lineStart: boolean;
}

interface TemplateCtx {
  /** Quoted templates end at `"` and decode backslash escapes; heredocs and bare templates do neither. */
  quoted: boolean;
  heredoc: boolean;
  limit: number;
  contentStart: number;
  recs: TextRec[];
  /** Offset right after a `~}`: a text part starting there loses its leading whitespace. */
  pendingLstrip: number;
  lastPart: TemplateText | null;
  lastArr: TemplatePart[] | null;
  lastRec: TextRec | null;
}

interface SeqResult {
  parts: TemplatePart[];
  pos: number;
  /** The directive that ended the sequence, if any. */
  term: 'else' | 'endif' | 'endfor' | null;
  termStart: number;
  termEnd: number;
}

export class Parser extends Lexer {
  private depth = 0;

  parseFile(): HclFile {
    this.scan(0);
    const items = this.parseBodyItems(false);
    return { body: { start: 0, end: this.text.length, items }, comments: this.comments, errors: this.errors };
  }

  // ---------------------------------------------------------------- bodies

  private parseBodyItems(inBlock: boolean): (Attribute | Block)[] {
    const items: (Attribute | Block)[] = [];
    for (;;) {
      const t = this.tok;
      if (t === T_NL) {
        this.advance();
        continue;
      }
      if (t === T_EOF) break;
      if (t === T_RBRACE) {
        if (inBlock) break;
        this.error(this.tokStart, this.tokEnd, "unexpected '}': there is no open block to close");
        this.advance();
        continue;
      }
      if (t === T_IDENT) {
        if (inBlock && this.atTopLevelHeader()) break;
        const item = this.parseItem();
        if (item) items.push(item);
        continue;
      }
      if (t === T_INVALID) this.error(this.tokStart, this.tokEnd, this.invalidMsg);
      else this.error(this.tokStart, this.tokEnd, `unexpected ${this.describe()}: expected an argument name or a block`);
      this.skipLine();
    }
    return items;
  }

  /**
   * A top-level block header (`resource "…"`, `locals {`) at column 0 inside another construct: almost surely a
   * closer is missing above. Label-taking types need a quoted label so that nested blocks in unindented files
   * (`data {`) are not mistaken for one.
   */
  private atTopLevelHeader(): boolean {
    if (this.tok !== T_IDENT || !this.atColumn0()) return false;
    const labels = TOP_LEVEL.get(this.tokText());
    if (labels === undefined) return false;
    const t = this.peekTok();
    return labels > 0 ? t === T_OQUOTE : t === T_LBRACE;
  }

  private parseItem(): Attribute | Block | null {
    const name: Ident = { start: this.tokStart, end: this.tokEnd, name: this.tokText() };
    this.advance();
    const t = this.tok;
    if (t === T_EQUAL) {
      this.advance();
      const expr = this.parseExpression();
      const attr: Attribute = { type: 'Attribute', name, expr, start: name.start, end: Math.max(expr.end, name.end) };
      this.expectLineEnd(name.name);
      return attr;
    }
    if (t === T_OQUOTE || t === T_IDENT || t === T_LBRACE) return this.parseBlockRest(name);
    if (t === T_COLON) {
      this.error(this.tokStart, this.tokEnd, `use '=' rather than ':' to set the argument "${name.name}"`);
      this.advance();
      const expr = this.parseExpression();
      this.expectLineEnd(name.name);
      return { type: 'Attribute', name, expr, start: name.start, end: Math.max(expr.end, name.end) };
    }
    this.error(
      this.tokStart,
      this.tokEnd,
      `expected '=' (an argument) or '{' (a block) after "${name.name}", found ${this.describe()}`,
    );
    this.skipLine();
    return null;
  }

  private expectLineEnd(attrName: string): void {
    const t = this.tok;
    // nlBefore: an unclosed list/call already consumed the line break while looking for its closer.
    if (t === T_NL || t === T_EOF || t === T_RBRACE || this.nlBefore || this.firstOnLine()) return;
    if (t === T_INVALID) this.error(this.tokStart, this.tokEnd, this.invalidMsg);
    else this.error(this.tokStart, this.tokEnd, `expected a line break after the value of "${attrName}", found ${this.describe()}`);
    this.skipLine();
  }

  private parseBlockRest(blockType: Ident): Block | null {
    const labels: BlockLabel[] = [];
    for (;;) {
      if (this.tok === T_OQUOTE) {
        const tpl = this.parseQuotedTemplate();
        let value = '';
        let plain = true;
        for (const p of tpl.parts) {
          if (p.type === 'Text') value += p.value;
          else plain = false;
        }
        if (!plain) {
          this.error(tpl.start, tpl.end, 'block labels cannot contain interpolations or directives');
          value = this.text.slice(tpl.contentStart, tpl.contentEnd);
        }
        labels.push({ start: tpl.start, end: tpl.end, value, quoted: true });
        this.advanceFrom(tpl.end);
      } else if (this.tok === T_IDENT) {
        labels.push({ start: this.tokStart, end: this.tokEnd, value: this.tokText(), quoted: false });
        this.advance();
      } else break;
    }
    if (this.tok !== T_LBRACE) {
      const where = labels.length ? labels[labels.length - 1]!.end : blockType.end;
      if (this.tok === T_NL || this.tok === T_EOF) this.error(where, where, `expected '{' to open the block "${blockType.name}"`);
      else this.error(this.tokStart, this.tokEnd, `expected '{' to open the block "${blockType.name}", found ${this.describe()}`);
      this.skipLine();
      return null;
    }
    const openBrace = this.tokStart;
    if (this.depth >= MAX_DEPTH) {
      this.error(blockType.start, blockType.end, TOO_DEEP);
      this.skipRest(true);
      return null;
    }
    this.depth++;
    const prevIgnore = this.ignoreNl;
    this.ignoreNl = false;
    this.advance();
    const items = this.parseBodyItems(true);
    this.ignoreNl = prevIgnore;
    this.depth--;
    let closeBrace = -1;
    let end: number;
    let bodyEnd: number;
    if (this.tok === T_RBRACE) {
      closeBrace = this.tokStart;
      bodyEnd = closeBrace;
      end = this.tokEnd;
      this.advance();
      const t = this.tok;
      if (t !== T_NL && t !== T_EOF && t !== T_RBRACE && !this.nlBefore && !this.firstOnLine()) {
        this.error(this.tokStart, this.tokEnd, `expected a line break after the '}' that closes the block "${blockType.name}", found ${this.describe()}`);
      }
    } else {
      end = Math.max(this.prevEnd, openBrace + 1);
      bodyEnd = end;
      this.error(end, end, `expected '}' to close the block "${blockType.name}" opened at line ${this.lineOf(openBrace)}`);
    }
    const body: Body = { start: openBrace + 1, end: bodyEnd, items };
    return { type: 'Block', blockType, labels, body, openBrace, closeBrace, start: blockType.start, end };
  }

  // ---------------------------------------------------------------- recovery

  /** Kind of the token after the current one, without moving. */
  private peekTok(): number {
    const tok = this.tok;
    const ts = this.tokStart;
    const te = this.tokEnd;
    const pe = this.prevEnd;
    const nl = this.nlBefore;
    this.advance();
    const next = this.tok;
    this.tok = tok;
    this.tokStart = ts;
    this.tokEnd = te;
    this.prevEnd = pe;
    this.nlBefore = nl;
    return next;
  }

  /** Consume one token; strings and heredocs are consumed whole so their content is not re-read as code. */
  private skipToken(): void {
    if (this.tok === T_OQUOTE) this.advanceFrom(this.skipQuotedRaw(this.tokEnd));
    else if (this.tok === T_HEREDOC) this.advanceFrom(this.findHeredocEnd(this.tokEnd, this.heredocMarker).end);
    else this.advance();
  }

  /** Skip to the end of the line (the newline is left for the caller), balancing brackets on the way. */
  private skipLine(): void {
    let level = 0;
    for (;;) {
      const t = this.tok;
      if (t === T_EOF) return;
      if (t === T_NL) {
        if (level <= 0) return;
        this.advance();
        // A multi-line construct that never closes: stop at the next line that starts at column 0.
        if (this.atColumn0() && this.tok !== T_RBRACE && this.tok !== T_RBRACK && this.tok !== T_RPAREN) return;
        continue;
      }
      if (t === T_LBRACE || t === T_LBRACK || t === T_LPAREN) level++;
      else if (t === T_RBRACE || t === T_RBRACK || t === T_RPAREN) {
        if (level === 0) {
          if (t === T_RBRACE) return;
        } else level--;
      }
      this.skipToken();
    }
  }

  /**
   * Skip the rest of the current construct: a balanced group, then up to (not including) the next separator or
   * closer at this level. With `untilLine`, also stop at a line break at this level.
   */
  private skipRest(untilLine: boolean): void {
    let level = 0;
    for (;;) {
      const t = this.tok;
      if (t === T_EOF) return;
      if (level === 0) {
        if (t === T_COMMA || t === T_RPAREN || t === T_RBRACK || t === T_RBRACE) return;
        if (t === T_NL && (untilLine || !this.ignoreNl)) return;
      }
      if (t === T_LBRACE || t === T_LBRACK || t === T_LPAREN) level++;
      else if (t === T_RBRACE || t === T_RBRACK || t === T_RPAREN) level--;
      this.skipToken();
    }
  }

  /** From just after an opening `"`, the offset after its closing quote (or where the line ends). */
  private skipQuotedRaw(p: number): number {
    const t = this.text;
    const lim = this.limit;
    // Stack of states: -1 = inside a string; n >= 0 = inside an interpolation with n open braces.
    const stack: number[] = [-1];
    while (p < lim) {
      const c = t.charCodeAt(p);
      const top = stack[stack.length - 1]!;
      if (top === -1) {
        if (c === 92) p += 2;
        else if (c === 34) {
          stack.pop();
          p++;
          if (stack.length === 0) return p;
        } else if (c === 10 || c === 13) return p;
        else if ((c === 36 || c === 37) && t.charCodeAt(p + 1) === 123) {
          stack.push(0);
          p += 2;
        } else p++;
      } else {
        if (c === 123) stack[stack.length - 1] = top + 1;
        else if (c === 125) {
          if (top === 0) stack.pop();
          else stack[stack.length - 1] = top - 1;
        } else if (c === 34) stack.push(-1);
        p++;
      }
    }
    return lim;
  }

  private invalidAt(start: number, end: number): InvalidExpr {
    return { type: 'Invalid', start, end };
  }

  private tooDeep(start: number): InvalidExpr {
    this.error(this.tokStart, this.tokEnd, TOO_DEEP);
    this.skipRest(false);
    return this.invalidAt(start, Math.max(start, this.prevEnd));
  }

  /** An unclosed list/call/parenthesis usually shows as a block or attribute header at the start of a line. */
  private looksLikeNewItem(): boolean {
    if (this.tok !== T_IDENT || !this.atColumn0()) return false;
    const t = this.peekTok();
    return t === T_EQUAL || t === T_OQUOTE || t === T_LBRACE || t === T_IDENT;
  }

  // ---------------------------------------------------------------- expressions

  parseExpression(): Expr {
    const cond = this.parseBinary(1);
    if (this.tok !== T_QUESTION) return cond;
    if (this.depth >= MAX_DEPTH) return this.tooDeep(cond.start);
    this.depth++;
    this.advance();
    const then = this.parseExpression();
    let els: Expr;
    if (this.tok === T_COLON) {
      this.advance();
      els = this.parseExpression();
    } else {
      this.error(this.tokStart, this.tokEnd, `expected ':' in the conditional expression, found ${this.describe()}`);
      els = this.invalidAt(this.prevEnd, this.prevEnd);
    }
    this.depth--;
    return { type: 'Conditional', cond, then, else: els, start: cond.start, end: Math.max(els.end, then.end) };
  }

  private parseBinary(minPrec: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      const prec = PREC[this.tok]!;
      if (prec === 0 || prec < minPrec) return left;
      const o = OPS[this.tok]!;
      this.advance();
      const right = this.parseBinary(prec + 1);
      left = { type: 'Binary', op: o, left, right, start: left.start, end: Math.max(right.end, left.end) };
    }
  }

  private parseUnary(): Expr {
    const t = this.tok;
    if (t === T_BANG || t === T_MINUS) {
      const start = this.tokStart;
      if (this.depth >= MAX_DEPTH) return this.tooDeep(start);
      this.depth++;
      this.advance();
      const operand = this.parseUnary();
      this.depth--;
      return { type: 'Unary', op: t === T_BANG ? '!' : '-', operand, start, end: Math.max(operand.end, start + 1) };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePrimary(): Expr {
    const start = this.tokStart;
    switch (this.tok) {
      case T_NUMBER: {
        const value = Number(this.tokText());
        const end = this.tokEnd;
        this.advance();
        return { type: 'Literal', value, start, end };
      }
      case T_IDENT: {
        const name = this.tokText();
        const end = this.tokEnd;
        if (name === 'true' || name === 'false' || name === 'null') {
          this.advance();
          return { type: 'Literal', value: name === 'null' ? null : name === 'true', start, end };
        }
        this.advance();
        if (this.tok === T_LPAREN) return this.parseCall({ start, end, name });
        return { type: 'Variable', name, start, end };
      }
      case T_OQUOTE: {
        if (this.depth >= MAX_DEPTH) return this.tooDeep(start);
        this.depth++;
        const tpl = this.parseQuotedTemplate();
        this.depth--;
        this.advanceFrom(tpl.end);
        return tpl;
      }
      case T_HEREDOC: {
        if (this.depth >= MAX_DEPTH) return this.tooDeep(start);
        this.depth++;
        const tpl = this.parseHeredoc();
        this.depth--;
        this.advanceFrom(tpl.end);
        return tpl;
      }
      case T_LPAREN:
        if (this.depth >= MAX_DEPTH) return this.tooDeep(start);
        return this.parseParens();
      case T_LBRACK:
        if (this.depth >= MAX_DEPTH) return this.tooDeep(start);
        return this.parseTuple();
      case T_LBRACE:
        if (this.depth >= MAX_DEPTH) return this.tooDeep(start);
        return this.parseObject();
      case T_INVALID: {
        this.error(this.tokStart, this.tokEnd, this.invalidMsg);
        const end = this.tokEnd;
        this.advance();
        return this.invalidAt(start, end);
      }
      default:
        this.error(this.tokStart, this.tokEnd, `expected an expression, found ${this.describe()}`);
        return this.invalidAt(start, start);
    }
  }

  private parseParens(): Expr {
    const start = this.tokStart;
    const expr = this.inside(true, () => this.parseExpression());
    const end = this.closeWith(T_RPAREN, () => `expected ')' to close the parenthesis opened at line ${this.lineOf(start)}`);
    return { type: 'Parens', expr, start, end };
  }

  /** Steps over an opening bracket and parses what it encloses, one level deeper, with newlines significant or not. */
  private inside<T>(ignoreNl: boolean, parse: () => T): T {
    this.depth++;
    const prevIgnore = this.ignoreNl;
    this.ignoreNl = ignoreNl;
    this.advance();
    const r = parse();
    this.ignoreNl = prevIgnore;
    this.depth--;
    return r;
  }

  /** Consumes `closer` and returns the construct's end; reports it missing (see closeMissing) when it is not there. */
  private closeWith(closer: number, message: () => string): number {
    if (this.tok !== closer) return this.closeMissing(message, closer);
    const end = this.tokEnd;
    this.advance();
    return end;
  }

  /**
   * Report a missing closer. If the closer appears later on this level (after junk), skip to it and consume it;
   * otherwise leave the tokens for the enclosing construct. Returns the construct's end.
   */
  private closeMissing(message: () => string, closer: number): number {
    const t = this.tok;
    if (t !== T_EOF && t !== T_NL && !this.looksLikeNewItem() && t !== T_RBRACE && t !== T_RBRACK && t !== T_RPAREN) {
      this.error(this.tokStart, this.tokEnd, `${message()}, found ${this.describe()}`);
      this.skipRest(true);
      if (this.tok === closer) {
        const end = this.tokEnd;
        this.advance();
        return end;
      }
      return this.prevEnd;
    }
    const at = this.prevEnd;
    this.error(at, at, message());
    return at;
  }

  /** Items of a list or call: comma-separated, newlines insignificant, trailing comma allowed. */
  private parseItems(closer: number, fn: string | null, openStart: number, allowExpand: boolean): { items: Expr[]; end: number; expand: boolean } {
    const items: Expr[] = [];
    const what = (): string => (fn === null ? 'list' : `call to "${fn}"`);
    let expand = false;
    const closerText = closer === T_RBRACK ? ']' : ')';
    for (;;) {
      const t = this.tok;
      if (t === closer) {
        const end = this.tokEnd;
        return { items, end, expand };
      }
      if (t === T_EOF || t === T_RBRACE || t === T_RBRACK || t === T_RPAREN || (this.nlBefore && this.looksLikeNewItem())) {
        const at = this.prevEnd;
        this.error(at, at, `expected '${closerText}' to close the ${what()} opened at line ${this.lineOf(openStart)}`);
        return { items, end: -1, expand };
      }
      const before = this.tokStart;
      const item = this.parseExpression();
      if (this.tokStart === before) {
        // Nothing could be parsed here (the error is already reported): drop the token and go on.
        this.skipToken();
        continue;
      }
      items.push(item);
      if (this.tok === T_ELLIPSIS) {
        if (allowExpand) expand = true;
        else this.error(this.tokStart, this.tokEnd, "'...' is only allowed after the last argument of a function call");
        this.advance();
        if (this.tok !== closer && this.tok !== T_COMMA) {
          this.error(this.tokStart, this.tokEnd, "'...' must follow the last argument");
        }
      }
      if (this.tok === T_COMMA) {
        this.advance();
        continue;
      }
      if (this.tok === closer) continue;
      const n = this.tok;
      if (n === T_EOF || n === T_RBRACE || n === T_RBRACK || n === T_RPAREN || (this.nlBefore && this.looksLikeNewItem())) continue;
      if (STARTS_EXPR[n]) {
        // A forgotten comma: say so and carry on as if it were there.
        this.error(this.prevEnd, this.prevEnd, `expected ',' between the items of the ${what()}`);
        continue;
      }
      if (n === T_INVALID) this.error(this.tokStart, this.tokEnd, this.invalidMsg);
      else this.error(this.tokStart, this.tokEnd, `expected ',' or '${closerText}' in the ${what()}, found ${this.describe()}`);
      this.skipRest(false);
      if (this.tok === T_COMMA) this.advance();
    }
  }

  private parseCall(name: Ident): Expr {
    // Current token is '('.
    if (this.depth >= MAX_DEPTH) {
      return this.tooDeep(name.start);
    }
    const open = this.tokStart;
    const r = this.inside(true, () => this.parseItems(T_RPAREN, name.name, open, true));
    let end: number;
    if (r.end >= 0) {
      end = r.end;
      this.advance();
    } else end = Math.max(this.prevEnd, open + 1);
    return { type: 'Call', name, args: r.items, expandFinal: r.expand, start: name.start, end };
  }

  private nextIsIdent(): boolean {
    return this.peekTok() === T_IDENT;
  }

  private parseTuple(): Expr {
    const start = this.tokStart;
    this.depth++;
    const prevIgnore = this.ignoreNl;
    this.ignoreNl = true;
    this.advance();
    if (this.tok === T_IDENT && this.tokText() === 'for' && this.nextIsIdent()) {
      const f = this.parseFor(start, false);
      this.depth--;
      return this.finishFor(f, T_RBRACK, start, prevIgnore);
    }
    const r = this.parseItems(T_RBRACK, null, start, false);
    this.ignoreNl = prevIgnore;
    this.depth--;
    let end: number;
    if (r.end >= 0) {
      end = r.end;
      this.advance();
    } else end = Math.max(this.prevEnd, start + 1);
    return { type: 'Tuple', items: r.items, start, end };
  }

  private parseObject(): Expr {
    const start = this.tokStart;
    this.depth++;
    const prevIgnore = this.ignoreNl;
    this.ignoreNl = false;
    this.advance();
    while (this.tok === T_NL) this.advance();
    if (this.tok === T_IDENT && this.tokText() === 'for' && this.nextIsIdent()) {
      this.ignoreNl = true;
      const f = this.parseFor(start, true);
      this.depth--;
      return this.finishFor(f, T_RBRACE, start, prevIgnore);
    }
    const items: ObjectItem[] = [];
    let end = -1;
    for (;;) {
      const t = this.tok;
      if (t === T_NL || t === T_COMMA) {
        if (t === T_COMMA) this.error(this.tokStart, this.tokEnd, "unexpected ',': expected an object item");
        this.advance();
        continue;
      }
      if (t === T_RBRACE) {
        end = this.tokEnd;
        break;
      }
      if (t === T_EOF || t === T_RBRACK || t === T_RPAREN || this.atTopLevelHeader()) {
        const at = this.prevEnd;
        this.error(at, at, `expected '}' to close the object opened at line ${this.lineOf(start)}`);
        break;
      }
      const itemStart = this.tokStart;
      let key: Expr;
      let bareKey = false;
      if (t === T_IDENT && this.nextIsKeySep()) {
        key = { type: 'Variable', name: this.tokText(), start: this.tokStart, end: this.tokEnd };
        bareKey = true;
        this.advance();
      } else {
        key = this.parseBinary(1);
        if (this.tokStart === itemStart) {
          this.skipToken();
          this.skipObjectItem();
          continue;
        }
      }
      if (this.tok === T_EQUAL || this.tok === T_COLON) this.advance();
      else {
        if (this.tok === T_INVALID) this.error(this.tokStart, this.tokEnd, this.invalidMsg);
        else this.error(this.tokStart, this.tokEnd, `expected '=' or ':' after the object key, found ${this.describe()}`);
        this.skipObjectItem();
        continue;
      }
      const value = this.parseExpression();
      const item: ObjectItem = { key, value, start: key.start, end: Math.max(value.end, key.end) };
      if (bareKey) item.bareKey = true;
      items.push(item);
      const n = this.tok;
      if (n === T_COMMA) {
        this.advance();
        continue;
      }
      if (n === T_NL || n === T_RBRACE || n === T_EOF) continue;
      if (n === T_INVALID) this.error(this.tokStart, this.tokEnd, this.invalidMsg);
      else this.error(this.tokStart, this.tokEnd, `expected ',' or a line break after the object item, found ${this.describe()}`);
      this.skipObjectItem();
    }
    this.ignoreNl = prevIgnore;
    this.depth--;
    if (end >= 0) this.advance();
    else end = Math.max(this.prevEnd, start + 1);
    return { type: 'Object', items, start, end };
  }

  private nextIsKeySep(): boolean {
    const t = this.peekTok();
    return t === T_EQUAL || t === T_COLON;
  }

  private skipObjectItem(): void {
    this.skipRest(true);
    if (this.tok === T_COMMA) this.advance();
  }

  /** Parses `for … in …: …` up to (not including) the closer. Current token is the `for` keyword. */
  private parseFor(start: number, object: boolean): ForExpr | null {
    this.advance();
    const v1 = this.expectIdent('a variable name after "for"');
    if (!v1) return null;
    let keyVar: Ident | undefined;
    let valueVar = v1;
    if (this.tok === T_COMMA) {
      this.advance();
      const v2 = this.expectIdent("a second variable name after ','");
      if (!v2) return null;
      keyVar = v1;
      valueVar = v2;
    }
    if (this.tok !== T_IDENT || this.tokText() !== 'in') {
      this.error(this.tokStart, this.tokEnd, `expected 'in' after the for variable${keyVar ? 's' : ''}, found ${this.describe()}`);
      return null;
    }
    this.advance();
    const collection = this.parseExpression();
    if (this.tok !== T_COLON) {
      this.error(this.tokStart, this.tokEnd, `expected ':' after the collection of the for expression, found ${this.describe()}`);
      return null;
    }
    this.advance();
    let keyExpr: Expr | undefined;
    if (object) {
      keyExpr = this.parseExpression();
      if (this.tok !== T_ARROW) {
        this.error(this.tokStart, this.tokEnd, `expected '=>' between the key and the value of the for expression, found ${this.describe()}`);
        return null;
      }
      this.advance();
    }
    const valueExpr = this.parseExpression();
    let grouping = false;
    if (this.tok === T_ELLIPSIS) {
      if (!object) this.error(this.tokStart, this.tokEnd, "grouping ('...') is only allowed in an object for expression");
      grouping = true;
      this.advance();
    }
    let cond: Expr | undefined;
    if (this.tok === T_IDENT && this.tokText() === 'if') {
      this.advance();
      cond = this.parseExpression();
    }
    const f: ForExpr = { type: 'For', object, valueVar, collection, valueExpr, grouping, start, end: this.prevEnd };
    if (keyVar) f.keyVar = keyVar;
    if (keyExpr) f.keyExpr = keyExpr;
    if (cond) f.cond = cond;
    return f;
  }

  /** Expects the for expression's closer (newlines still insignificant), then restores the outer newline mode. */
  private finishFor(f: ForExpr | null, closer: number, start: number, outerIgnoreNl: boolean): Expr {
    const closerText = closer === T_RBRACK ? ']' : '}';
    let end = -1;
    if (this.tok === closer) end = this.tokEnd;
    else {
      const newItem = (): boolean => this.tok === T_EOF || ((this.nlBefore || this.firstOnLine()) && this.looksLikeNewItem());
      if (newItem()) {
        this.error(this.prevEnd, this.prevEnd, `expected '${closerText}' to close the for expression opened at line ${this.lineOf(start)}`);
      } else {
        if (f) this.error(this.tokStart, this.tokEnd, `expected '${closerText}' to close the for expression opened at line ${this.lineOf(start)}, found ${this.describe()}`);
        // Skip the damaged remainder up to this construct's own closer, but not into the next argument or block.
        for (;;) {
          this.skipRest(false);
          const t = this.tok;
          if (t === closer) {
            end = this.tokEnd;
            break;
          }
          if (t === T_EOF || t === T_RBRACE || t === T_RBRACK || t === T_RPAREN || newItem()) break;
          this.skipToken();
          if (newItem()) break;
        }
      }
    }
    this.ignoreNl = outerIgnoreNl;
    if (end >= 0) this.advance();
    else end = Math.max(this.prevEnd, start + 1);
    if (!f) return this.invalidAt(start, end);
    f.start = start;
    f.end = end;
    return f;
  }

  private expectIdent(what: string): Ident | null {
    if (this.tok !== T_IDENT) {
      this.error(this.tokStart, this.tokEnd, `expected ${what}, found ${this.describe()}`);
      return null;
    }
    const id: Ident = { start: this.tokStart, end: this.tokEnd, name: this.tokText() };
    this.advance();
    return id;
  }

  // ---------------------------------------------------------------- traversals and splats

  private parsePostfix(e: Expr): Expr {
    for (;;) {
      const t = this.tok;
      if (t === T_DOT && this.text.charCodeAt(this.tokEnd) === 42) {
        const s = this.tokStart;
        const end = this.tokEnd + 1;
        this.advanceFrom(end);
        e = this.parseSplat(e, false, s, end);
        continue;
      }
      if (t === T_LBRACK && this.atFullSplat()) {
        const s = this.tokStart;
        this.advance(); // '['
        this.advance(); // '*'
        const end = this.tokEnd;
        this.advance(); // ']'
        e = this.parseSplat(e, true, s, end);
        continue;
      }
      const n = this.traversalStep(e, true);
      if (!n) return e;
      e = n;
    }
  }

  /** `[*]` ahead? Checked on the characters: the common `[key]` must not pay for a token lookahead. */
  private atFullSplat(): boolean {
    const t = this.text;
    let p = this.tokEnd;
    let c = t.charCodeAt(p);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = t.charCodeAt(++p);
    if (c !== 42) return false;
    c = t.charCodeAt(++p);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = t.charCodeAt(++p);
    return c === 93 && p < this.limit;
  }

  private parseSplat(object: Expr, full: boolean, opStart: number, opEnd: number): Expr {
    let each: Expr = { type: 'Variable', name: '*', start: opStart, end: opEnd };
    for (;;) {
      const t = this.tok;
      if (t === T_DOT && this.text.charCodeAt(this.tokEnd) === 42) break;
      if (t === T_LBRACK && (!full || this.atFullSplat())) break;
      const n = this.traversalStep(each, full);
      if (!n) break;
      each = n;
    }
    return { type: 'Splat', object, full, each, start: object.start, end: Math.max(each.end, opEnd) };
  }

  /** One `.name`, `.0` or `[key]` step applied to `e`, or null when the current token starts none. */
  private traversalStep(e: Expr, allowIndex: boolean): Expr | null {
    const t = this.tok;
    if (t === T_DOT) {
      const dotEnd = this.tokEnd;
      if (isDigit(this.text.charCodeAt(dotEnd))) {
        const numEnd = this.scanIntegerAt(dotEnd);
        const key: Expr = { type: 'Literal', value: Number(this.text.slice(dotEnd, numEnd)), start: dotEnd, end: numEnd };
        this.advanceFrom(numEnd);
        const ix: IndexExpr = { type: 'Index', object: e, key, legacy: true, start: e.start, end: numEnd };
        return ix;
      }
      this.advance();
      if (this.tok === T_IDENT) {
        const name: Ident = { start: this.tokStart, end: this.tokEnd, name: this.tokText() };
        this.advance();
        return { type: 'GetAttr', object: e, name, start: e.start, end: name.end };
      }
      this.error(this.tokStart, this.tokEnd, `expected an attribute name after '.', found ${this.describe()}`);
      return this.invalidAt(e.start, dotEnd);
    }
    if (t === T_LBRACK && allowIndex) {
      const open = this.tokStart;
      if (this.depth >= MAX_DEPTH) return this.tooDeep(e.start);
      const key = this.inside(true, () => this.parseExpression());
      const end = this.closeWith(T_RBRACK, () => `expected ']' to close the index opened at line ${this.lineOf(open)}`);
      return { type: 'Index', object: e, key, start: e.start, end };
    }
    return null;
  }

  // ---------------------------------------------------------------- templates

  /** Current token is an opening quote. Leaves the token state untouched; the caller resumes at the result's end. */
  parseQuotedTemplate(): TemplateExpr {
    const start = this.tokStart;
    const ctx: TemplateCtx = { quoted: true, heredoc: false, limit: this.limit, contentStart: start + 1, recs: [], pendingLstrip: -1, lastPart: null, lastArr: null, lastRec: null };
    const seq = this.parseSeq(ctx, start + 1, null, start);
    const p = seq.pos;
    let end: number;
    if (p < this.limit && this.text.charCodeAt(p) === 34) end = p + 1;
    else {
      this.error(start, p, 'unterminated string: add the closing \'"\' on the same line');
      end = p;
    }
    this.finishTemplate(ctx, 0);
    return { type: 'Template', parts: seq.parts, contentStart: start + 1, contentEnd: p, start, end };
  }

  /** A whole text as template content (no quotes, no backslash escapes), as Terraform JSON strings are read. */
  parseBareTemplate(): TemplateExpr {
    const ctx: TemplateCtx = { quoted: false, heredoc: false, limit: this.limit, contentStart: 0, recs: [], pendingLstrip: -1, lastPart: null, lastArr: null, lastRec: null };
    const seq = this.parseSeq(ctx, 0, null, 0);
    this.finishTemplate(ctx, 0);
    return { type: 'Template', parts: seq.parts, contentStart: 0, contentEnd: this.limit, start: 0, end: this.limit };
  }

  findHeredocEnd(contentStart: number, marker: string): { contentEnd: number; end: number; found: boolean } {
    const t = this.text;
    const lim = this.limit;
    const m0 = marker.charCodeAt(0);
    const ml = marker.length;
    let ls = contentStart;
    while (ls < lim) {
      let j = ls;
      let c = t.charCodeAt(j);
      while (c === 32 || c === 9) c = t.charCodeAt(++j);
      if (c === m0 && t.startsWith(marker, j)) {
        let k = j + ml;
        let d = t.charCodeAt(k);
        while (d === 32 || d === 9) d = t.charCodeAt(++k);
        if (k >= lim || d === 10 || d === 13) return { contentEnd: ls, end: j + ml, found: true };
      }
      // Next line.
      let q = j;
      while (q < lim) {
        const d = t.charCodeAt(q);
        if (d === 10) {
          q++;
          break;
        }
        if (d === 13) {
          q += t.charCodeAt(q + 1) === 10 ? 2 : 1;
          break;
        }
        q++;
      }
      if (q >= lim) break;
      ls = q;
    }
    return { contentEnd: lim, end: lim, found: false };
  }

  /** Current token is a heredoc introducer. */
  private parseHeredoc(): TemplateExpr {
    const start = this.tokStart;
    const marker = this.heredocMarker;
    const indented = this.heredocIndented;
    const contentStart = this.tokEnd;
    const h = this.findHeredocEnd(contentStart, marker);
    if (!h.found) {
      this.error(start, this.tokEnd, `unterminated heredoc: no line containing only "${marker}" closes it`);
    }
    const ctx: TemplateCtx = { quoted: false, heredoc: true, limit: h.contentEnd, contentStart, recs: [], pendingLstrip: -1, lastPart: null, lastArr: null, lastRec: null };
    const outerLimit = this.limit;
    this.limit = h.contentEnd;
    const seq = this.parseSeq(ctx, contentStart, null, start);
    this.limit = outerLimit;
    this.finishTemplate(ctx, indented ? this.minIndent(contentStart, h.contentEnd) : 0);
    return {
      type: 'Template',
      parts: seq.parts,
      heredoc: { marker, indented },
      contentStart,
      contentEnd: h.contentEnd,
      start,
      end: h.end,
    };
  }

  /** Smallest count of leading spaces/tabs over the non-blank lines of [s, e). */
  private minIndent(s: number, e: number): number {
    const t = this.text;
    let min = Infinity;
    let p = s;
    while (p < e) {
      let n = 0;
      let c = t.charCodeAt(p);
      while (p < e && (c === 32 || c === 9)) {
        n++;
        c = t.charCodeAt(++p);
      }
      if (p < e && c !== 10 && c !== 13 && n < min) min = n;
      while (p < e) {
        c = t.charCodeAt(p++);
        if (c === 10) break;
        if (c === 13) {
          if (t.charCodeAt(p) === 10) p++;
          break;
        }
      }
    }
    return min === Infinity ? 0 : min;
  }

  /** Apply heredoc indentation removal, then `~` strip markers; drop text parts left empty. */
  private finishTemplate(ctx: TemplateCtx, indent: number): void {
    for (const r of ctx.recs) {
      let v = r.part.value;
      if (indent > 0) v = dedent(v, indent, r.lineStart);
      if (r.lstrip) v = v.replace(/^[ \t\r\n]+/, '');
      if (r.rstrip) v = v.replace(/[ \t\r\n]+$/, '');
      if (v !== r.part.value) {
        r.part.value = v;
        if (v === '') {
          const i = r.arr.indexOf(r.part);
          if (i >= 0) r.arr.splice(i, 1);
        }
      }
    }
  }

  private pushText(ctx: TemplateCtx, parts: TemplatePart[], start: number, end: number, value: string): void {
    if (end <= start) return;
    const part: TemplateText = { type: 'Text', value, start, end };
    parts.push(part);
    ctx.lastPart = part;
    ctx.lastArr = parts;
    ctx.lastRec = null;
    // Post-processing records only where something may change the text: most strings need none.
    const lstrip = ctx.pendingLstrip === start;
    if (!ctx.heredoc && !lstrip) return;
    let lineStart = false;
    if (ctx.heredoc) {
      const c = this.text.charCodeAt(start - 1);
      lineStart = start === ctx.contentStart || c === 10 || c === 13;
    }
    const rec: TextRec = { part, arr: parts, lstrip, rstrip: false, lineStart };
    ctx.recs.push(rec);
    ctx.lastRec = rec;
  }

  /** A `${~` or `%{~` at `at` strips the trailing whitespace of the text right before it. */
  private markRstrip(ctx: TemplateCtx, at: number): void {
    const part = ctx.lastPart;
    if (!part || part.end !== at || !ctx.lastArr) return;
    let rec = ctx.lastRec;
    if (!rec) {
      rec = { part, arr: ctx.lastArr, lstrip: false, rstrip: false, lineStart: false };
      ctx.recs.push(rec);
      ctx.lastRec = rec;
    }
    rec.rstrip = true;
  }

  /**
   * Template content from `p` until the end of the template or a directive that closes `open`.
   * Text is decoded here; `${…}` and `%{…}` hand over to the expression parser.
   */
  private parseSeq(ctx: TemplateCtx, p: number, open: 'if' | 'else' | 'for' | null, openAt: number): SeqResult {
    const t = this.text;
    const lim = ctx.limit;
    const parts: TemplatePart[] = [];
    let textStart = p;
    let buf = '';
    let chunk = p;
    for (;;) {
      if (p >= lim) break;
      const c = t.charCodeAt(p);
      if (ctx.quoted) {
        if (c === 34 || c === 10 || c === 13) break;
        if (c === 92) {
          const r = this.decodeEscape(p);
          buf += t.slice(chunk, p) + r.s;
          p = r.end;
          chunk = p;
          continue;
        }
      } else if (c === 13 && ctx.heredoc) {
        buf += t.slice(chunk, p) + '\n';
        p += t.charCodeAt(p + 1) === 10 ? 2 : 1;
        chunk = p;
        continue;
      }
      if ((c === 36 || c === 37) && p + 1 < lim) {
        const n = t.charCodeAt(p + 1);
        if (n === c && t.charCodeAt(p + 2) === 123 && p + 2 < lim) {
          // `$${` and `%%{` are the literal `${` and `%{`.
          buf += t.slice(chunk, p + 1) + '{';
          p += 3;
          chunk = p;
          continue;
        }
        if (n === 123) {
          this.pushText(ctx, parts, textStart, p, buf + t.slice(chunk, p));
          buf = '';
          if (c === 36) p = this.parseInterp(ctx, parts, p);
          else {
            const d = this.parseDirective(ctx, parts, p, open, openAt);
            if (d) return d;
            p = this.lastDirectiveEnd;
          }
          textStart = p;
          chunk = p;
          continue;
        }
      }
      p++;
    }
    this.pushText(ctx, parts, textStart, p, buf + t.slice(chunk, p));
    if (open) {
      const kw = open === 'for' ? 'endfor' : 'endif';
      const opener = open === 'for' ? 'for' : 'if';
      this.error(p, p, `expected %{${kw}} to close the %{${opener}} opened at line ${this.lineOf(openAt)}`);
    }
    return { parts, pos: p, term: null, termStart: p, termEnd: p };
  }

  private lastDirectiveEnd = 0;

  /** Where the template containing `p` ends: its closing quote or line end, or the heredoc body's end. */
  private templateRestEnd(ctx: TemplateCtx, p: number): number {
    if (!ctx.quoted) return ctx.limit;
    const t = this.text;
    while (p < ctx.limit) {
      const c = t.charCodeAt(p);
      if (c === 34 || c === 10 || c === 13) return p;
      if (c === 92) p++;
      p++;
    }
    return Math.min(p, ctx.limit);
  }

  private decodeEscape(p: number): { s: string; end: number } {
    const t = this.text;
    const n = t.charCodeAt(p + 1);
    switch (n) {
      case 110:
        return { s: '\n', end: p + 2 };
      case 116:
        return { s: '\t', end: p + 2 };
      case 114:
        return { s: '\r', end: p + 2 };
      case 34:
        return { s: '"', end: p + 2 };
      case 92:
        return { s: '\\', end: p + 2 };
      case 117:
      case 85: {
        const len = n === 117 ? 4 : 8;
        const hex = t.slice(p + 2, p + 2 + len);
        if (hex.length === len && /^[0-9a-fA-F]+$/.test(hex)) {
          const cp = parseInt(hex, 16);
          if (cp <= 0x10ffff) return { s: String.fromCodePoint(cp), end: p + 2 + len };
        }
        this.error(p, Math.min(p + 2 + len, this.limit), `invalid escape sequence: '\\${n === 117 ? 'u' : 'U'}' needs ${len} hexadecimal digits`);
        return { s: t.slice(p, p + 2), end: p + 2 };
      }
      default: {
        if (Number.isNaN(n) || n === 10 || n === 13 || p + 1 >= this.limit) {
          this.error(p, p + 1, 'a backslash at the end of a line is not a valid escape');
          return { s: '\\', end: p + 1 };
        }
        const ch = String.fromCodePoint(t.codePointAt(p + 1)!);
        this.error(p, p + 1 + ch.length, `invalid escape sequence '\\${ch}' (valid: \\n \\r \\t \\" \\\\ \\uNNNN \\UNNNNNNNN)`);
        return { s: '\\' + ch, end: p + 1 + ch.length };
      }
    }
  }

  /** Parses `${ … }` starting at `p`; returns where template text resumes. */
  private parseInterp(ctx: TemplateCtx, parts: TemplatePart[], p: number): number {
    const start = p;
    let q = p + 2;
    let stripLeft = false;
    if (this.text.charCodeAt(q) === 126) {
      stripLeft = true;
      q++;
      this.markRstrip(ctx, start);
    }
    const prevIgnore = this.ignoreNl;
    this.ignoreNl = true;
    this.prevEnd = q;
    this.scan(q);
    let expr: Expr;
    if (this.depth >= MAX_DEPTH) expr = this.tooDeep(q);
    else {
      this.depth++;
      expr = this.parseExpression();
      this.depth--;
    }
    const close = this.closeTemplateTag(ctx, null, start);
    this.ignoreNl = prevIgnore;
    parts.push({ type: 'Interp', expr, stripLeft, stripRight: close.strip, start, end: close.end });
    if (close.strip) ctx.pendingLstrip = close.end;
    return close.end;
  }

  /** Expects `}` or `~}` at the current token; returns the offset after it. Recovers by scanning for `}`. */
  private closeTemplateTag(ctx: TemplateCtx, directive: string | null, openAt: number): { end: number; strip: boolean } {
    if (this.tok === T_RBRACE) return { end: this.tokEnd, strip: false };
    if (this.tok === T_TILDE && this.text.charCodeAt(this.tokEnd) === 125) return { end: this.tokEnd + 1, strip: true };
    if (this.tok === T_INVALID) this.error(this.tokStart, this.tokEnd, this.invalidMsg);
    else this.error(this.tokStart, this.tokEnd, `expected '}' to close the ${directive === null ? 'interpolation' : `%{${directive}} directive`} opened at line ${this.lineOf(openAt)}, found ${this.describe()}`);
    const t = this.text;
    const lim = ctx.limit;
    let p = Math.max(this.tokStart, this.prevEnd);
    while (p < lim) {
      const c = t.charCodeAt(p);
      if (c === 125) return { end: p + 1, strip: false };
      if (ctx.quoted && (c === 34 || c === 10 || c === 13)) break;
      if (!ctx.quoted && (c === 10 || c === 13)) break;
      p++;
    }
    return { end: p, strip: false };
  }

  /**
   * Parses a `%{ … }` directive at `p`. For `if`/`for` it parses the whole construct and pushes it; for
   * `else`/`endif`/`endfor` that close `open` it returns the SeqResult that ends the enclosing sequence.
   */
  private parseDirective(ctx: TemplateCtx, parts: TemplatePart[], p: number, open: 'if' | 'else' | 'for' | null, openAt: number): SeqResult | null {
    const start = p;
    let q = p + 2;
    if (this.text.charCodeAt(q) === 126) {
      q++;
      this.markRstrip(ctx, start);
    }
    const prevIgnore = this.ignoreNl;
    this.ignoreNl = true;
    this.prevEnd = q;
    this.scan(q);
    const kw = this.tok === T_IDENT ? this.tokText() : '';
    const finishTag = (): number => {
      const close = this.closeTemplateTag(ctx, kw, start);
      this.ignoreNl = prevIgnore;
      if (close.strip) ctx.pendingLstrip = close.end;
      this.lastDirectiveEnd = close.end;
      return close.end;
    };
    if (kw === 'if' || kw === 'for') {
      if (this.depth >= MAX_DEPTH) {
        // Give up on the rest of this template: every further directive would be too deep as well.
        this.error(start, this.tokEnd, TOO_DEEP);
        this.ignoreNl = prevIgnore;
        this.lastDirectiveEnd = this.templateRestEnd(ctx, start);
        return null;
      }
      this.depth++;
      this.advance();
      if (kw === 'if') {
        const cond = this.parseExpression();
        const hdrEnd = finishTag();
        const thenSeq = this.parseSeq(ctx, hdrEnd, 'if', start);
        let elseParts: TemplatePart[] | undefined;
        let last = thenSeq;
        if (thenSeq.term === 'else') {
          const elseSeq = this.parseSeq(ctx, thenSeq.termEnd, 'else', start);
          elseParts = elseSeq.parts;
          last = elseSeq;
        }
        const end = last.term ? last.termEnd : last.pos;
        const node: TemplatePart = { type: 'If', cond, then: thenSeq.parts, start, end };
        if (elseParts) node.else = elseParts;
        parts.push(node);
        this.lastDirectiveEnd = end;
        this.depth--;
        return null;
      }
      // for
      let keyVar: Ident | undefined;
      let valueVar: Ident | null = this.expectIdent('a variable name after "for"');
      if (valueVar && this.tok === T_COMMA) {
        this.advance();
        keyVar = valueVar;
        valueVar = this.expectIdent("a second variable name after ','");
      }
      let collection: Expr;
      if (valueVar && this.tok === T_IDENT && this.tokText() === 'in') {
        this.advance();
        collection = this.parseExpression();
      } else {
        if (valueVar) this.error(this.tokStart, this.tokEnd, `expected 'in' in the %{for} directive, found ${this.describe()}`);
        this.skipRest(false);
        collection = this.invalidAt(this.prevEnd, this.prevEnd);
      }
      const hdrEnd = finishTag();
      const body = this.parseSeq(ctx, hdrEnd, 'for', start);
      const end = body.term ? body.termEnd : body.pos;
      const v: Ident = valueVar ?? { start: hdrEnd, end: hdrEnd, name: '' };
      const node: TemplatePart = { type: 'For', valueVar: v, collection, body: body.parts, start, end };
      if (keyVar) node.keyVar = keyVar;
      parts.push(node);
      this.lastDirectiveEnd = end;
      this.depth--;
      return null;
    }
    if (kw === 'else' || kw === 'endif' || kw === 'endfor') {
      this.advance();
      const end = finishTag();
      const closes = (kw === 'else' && open === 'if') || (kw === 'endif' && (open === 'if' || open === 'else')) || (kw === 'endfor' && open === 'for');
      if (closes) return { parts, pos: start, term: kw, termStart: start, termEnd: end };
      if (open) {
        const need = open === 'for' ? 'endfor' : 'endif';
        this.error(start, end, `unexpected %{${kw}}: the %{${open === 'for' ? 'for' : 'if'}} opened at line ${this.lineOf(openAt)} must be closed with %{${need}} first`);
      } else {
        this.error(start, end, `%{${kw}} has no matching %{${kw === 'endfor' ? 'for' : 'if'}}`);
      }
      return null;
    }
    this.error(
      this.tokStart,
      this.tokEnd,
      `expected a template directive (if, else, endif, for, endfor) after '%{', found ${this.describe()}`,
    );
    this.skipRest(false);
    finishTag();
    return null;
  }
}

/** Removes up to `n` leading spaces/tabs from every line of `v` (the first only when it starts a line). */
function dedent(v: string, n: number, firstIsLineStart: boolean): string {
  let out = '';
  let i = 0;
  let atLine = firstIsLineStart;
  const len = v.length;
  while (i < len) {
    if (atLine) {
      let k = 0;
      while (k < n && i < len) {
        const c = v.charCodeAt(i);
        if (c !== 32 && c !== 9) break;
        i++;
        k++;
      }
    }
    const nl = v.indexOf('\n', i);
    if (nl < 0) {
      out += v.slice(i);
      break;
    }
    out += v.slice(i, nl + 1);
    i = nl + 1;
    atLine = true;
  }
  return out;
}

export function parseHclText(text: string): HclFile {
  return new Parser(text).parseFile();
}

/**
 * Parses a whole string as template content (what Terraform does with strings in `.tf.json`, and with files
 * given to templatefile). Offsets are relative to `text`.
 */
export function parseTemplate(text: string): { template: TemplateExpr; errors: ParseError[] } {
  const p = new Parser(text);
  const template = p.parseBareTemplate();
  return { template, errors: p.errors };
}
