// A small TextMate tokenizer for grammar tests: begin/end, match, captures (with nested patterns), includes,
// backreferences from begin into end, and `L:comment` injections. Oniguruma and JavaScript agree on every regex
// feature our grammars use (lookarounds, \b, backreferences), which the tests also check by compiling each one.

export interface Rule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
}

export interface Grammar extends Rule {
  scopeName: string;
  repository?: Record<string, Rule>;
  injectionSelector?: string;
}

export interface Token {
  text: string;
  start: number;
  scopes: string[];
}

interface Frame {
  rule: Rule;
  scopes: string[];
  end: RegExp;
}

export class Tokenizer {
  private readonly cache = new Map<string, RegExp>();

  constructor(
    private readonly grammar: Grammar,
    /** Grammars injected into comment scopes (`injectionSelector: L:comment`). */
    private readonly injections: Grammar[] = [],
  ) {}

  /** Tokenizes a whole document; returns the tokens of each line. */
  tokenize(text: string): Token[][] {
    const stack: Frame[] = [{ rule: this.grammar, scopes: [this.grammar.scopeName], end: /(?!)/dg }];
    return text.split('\n').map((line) => this.tokenizeLine(line, stack));
  }

  /** The scopes of the character at (line, column). */
  scopesAt(text: string, line: number, column: number): string[] {
    const tokens = this.tokenize(text)[line] ?? [];
    const t = tokens.find((tok) => column >= tok.start && column < tok.start + tok.text.length);
    return t?.scopes ?? [];
  }

  private tokenizeLine(line: string, stack: Frame[]): Token[] {
    const out: Token[] = [];
    let pos = 0;
    let guard = 0;
    while (pos <= line.length) {
      if (++guard > 10_000) throw new Error(`tokenizer did not advance on: ${line}`);
      const frame = stack[stack.length - 1]!;
      const candidates = this.candidates(frame);
      let best: { kind: 'end' | 'rule'; m: RegExpExecArray; rule?: Rule; grammar: Grammar } | undefined;
      frame.end.lastIndex = pos;
      const em = frame.end.exec(line);
      if (em) best = { kind: 'end', m: em, grammar: this.grammar };
      for (const c of candidates) {
        const re = this.regex(c.rule.match ?? c.rule.begin!);
        re.lastIndex = pos;
        const m = re.exec(line);
        if (m && (!best || m.index < best.m.index)) best = { kind: 'rule', m, rule: c.rule, grammar: c.grammar };
      }
      if (!best) {
        if (pos < line.length) out.push({ text: line.slice(pos), start: pos, scopes: [...frame.scopes, ...content(frame)] });
        break;
      }
      const { m } = best;
      if (m.index > pos) out.push({ text: line.slice(pos, m.index), start: pos, scopes: [...frame.scopes, ...content(frame)] });
      if (best.kind === 'end') {
        out.push(...this.captured(m, frame.rule.endCaptures ?? frame.rule.captures, frame.scopes, best.grammar));
        stack.pop();
        if (m[0].length === 0 && m.index >= line.length) break;
      } else if (best.rule!.match !== undefined) {
        const scopes = best.rule!.name ? [...frame.scopes, ...content(frame), best.rule!.name] : [...frame.scopes, ...content(frame)];
        out.push(...this.captured(m, best.rule!.captures, scopes, best.grammar));
        if (m[0].length === 0) {
          if (m.index >= line.length) break;
          pos = m.index + 1;
          continue;
        }
      } else {
        const rule = best.rule!;
        const scopes = rule.name ? [...frame.scopes, ...content(frame), rule.name] : [...frame.scopes, ...content(frame)];
        out.push(...this.captured(m, rule.beginCaptures ?? rule.captures, scopes, best.grammar));
        const endSource = rule.end!.replace(/\\(\d)/g, (_, d: string) => escapeRegex(m[Number(d)] ?? ''));
        stack.push({ rule: { ...rule, patterns: this.withGrammar(rule, best.grammar) }, scopes, end: new RegExp(endSource, 'dg') });
      }
      pos = m.index + m[0].length;
      if (pos >= line.length) break;
    }
    // Frames whose end matches at the end of the line (`$`) close there, innermost first, as in TextMate.
    while (stack.length > 1) {
      const top = stack[stack.length - 1]!;
      top.end.lastIndex = line.length;
      const endAtEol = top.end.exec(line);
      if (!endAtEol || endAtEol.index !== line.length) break;
      stack.pop();
    }
    return out;
  }

  private withGrammar(rule: Rule, grammar: Grammar): Rule[] {
    return (rule.patterns ?? []).map((p) => ({ ...p, __grammar: grammar }) as Rule);
  }

  private candidates(frame: Frame): { rule: Rule; grammar: Grammar }[] {
    const own = this.flatten(frame.rule.patterns ?? [], this.grammarOf(frame.rule));
    const inComment = frame.scopes.some((s) => s.startsWith('comment'));
    const injected = inComment
      ? this.injections.filter((g) => g.injectionSelector === 'L:comment').flatMap((g) => this.flatten(g.patterns ?? [], g))
      : [];
    // `L:` gives the injection priority over the grammar's own patterns at the same position.
    return [...injected, ...own];
  }

  private grammarOf(rule: Rule): Grammar {
    return ((rule as { __grammar?: Grammar }).__grammar) ?? this.grammar;
  }

  private flatten(patterns: Rule[], grammar: Grammar, depth = 0): { rule: Rule; grammar: Grammar }[] {
    if (depth > 20) throw new Error('include cycle');
    const out: { rule: Rule; grammar: Grammar }[] = [];
    for (const p of patterns) {
      const g = ((p as { __grammar?: Grammar }).__grammar) ?? grammar;
      if (p.include) {
        if (p.include === '$self') {
          out.push(...this.flatten(g.patterns ?? [], g, depth + 1));
          continue;
        }
        const target = g.repository?.[p.include.slice(1)];
        if (!target) throw new Error(`unknown include ${p.include} in ${g.scopeName}`);
        out.push(...this.flatten([{ ...target, __grammar: g } as Rule], g, depth + 1));
      } else if (p.match !== undefined || p.begin !== undefined) {
        out.push({ rule: { ...p, patterns: (p.patterns ?? []).map((q) => ({ ...q, __grammar: g }) as Rule) }, grammar: g });
      } else if (p.patterns) {
        out.push(...this.flatten(p.patterns.map((q) => ({ ...q, __grammar: g }) as Rule), g, depth + 1));
      }
    }
    return out;
  }

  private captured(m: RegExpExecArray, captures: Record<string, Rule> | undefined, scopes: string[], grammar: Grammar): Token[] {
    const start = m.index;
    const text = m[0];
    if (text.length === 0) return [];
    // Innermost scope per character: later (inner) groups override earlier (outer) ones.
    const perChar: string[][] = Array.from({ length: text.length }, () => [...scopes]);
    const indices = m.indices!;
    for (const [key, cap] of Object.entries(captures ?? {}).sort((a, b) => Number(a[0]) - Number(b[0]))) {
      const span = indices[Number(key)];
      if (!span || span[0] === span[1]) continue;
      const [s, e] = span;
      if (cap.name) for (let i = s; i < e; i++) perChar[i - start]!.push(cap.name);
      if (cap.patterns) {
        const inner = new Tokenizer({ ...grammar, patterns: cap.patterns }, []).tokenizeLine(m.input.slice(s, e), [
          { rule: { patterns: cap.patterns.map((q) => ({ ...q, __grammar: grammar }) as Rule) }, scopes: [], end: /(?!)/dg },
        ]);
        for (const tok of inner) for (let i = 0; i < tok.text.length; i++) perChar[s - start + tok.start + i]!.push(...tok.scopes);
      }
    }
    const out: Token[] = [];
    for (let i = 0; i < text.length; i++) {
      const last = out[out.length - 1];
      if (last && sameScopes(last.scopes, perChar[i]!)) last.text += text[i];
      else out.push({ text: text[i]!, start: start + i, scopes: perChar[i]! });
    }
    return out;
  }

  private regex(source: string): RegExp {
    let re = this.cache.get(source);
    if (!re) {
      re = new RegExp(source, 'dg');
      this.cache.set(source, re);
    }
    return re;
  }
}

function content(frame: Frame): string[] {
  return frame.rule.contentName ? [frame.rule.contentName] : [];
}

function sameScopes(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
