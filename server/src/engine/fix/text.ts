// Text helpers shared by the format writers: lines, indentation, snippet finalization.
import type { SourceFile } from '../source';

export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

export function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

export function indentAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(start, i);
}

/** Column of `offset` as spaces (tabs kept), for aligning new keys with existing ones. */
export function columnIndent(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return text.slice(start, offset).replace(/[^\t]/g, ' ');
}

export function eol(file: SourceFile): string {
  return file.text.includes('\r\n') ? '\r\n' : '\n';
}

/** True when only whitespace precedes `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStartOf(text, offset), offset).trim() === '';
}

/**
 * Turns placeholder markers (\u0000text\u0000) into snippet tab stops `${n:text}`, escaping `$`, `}` and `\` elsewhere
 * as snippet syntax requires. Returns the plain text too (markers removed) for clients without snippets.
 */
export function finalizeSnippet(text: string): { text: string; snippet: boolean; plain: string } {
  if (!text.includes('\u0000')) return { text, snippet: false, plain: text };
  const parts = text.split('\u0000');
  let n = 0;
  const esc = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
  const snippet = parts.map((p, i) => (i % 2 === 1 ? `\${${++n}:${esc(p)}}` : esc(p))).join('');
  return { text: snippet, snippet: true, plain: parts.join('') };
}

/** Removes snippet syntax: `${1:text}` → text, `\$` → `$`. */
export function stripSnippet(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && '\\$}'.includes(text[i + 1]!)) {
      out += text[++i];
    } else if (c === '$' && text[i + 1] === '{' && /^\$\{\d+:/.test(text.slice(i, i + 12))) {
      i = text.indexOf(':', i);
    } else if (c === '$' && /^\$\d+/.test(text.slice(i, i + 4))) {
      while (i + 1 < text.length && /\d/.test(text[i + 1]!)) i++;
    } else if (c === '}') {
      // an unescaped } closes a tab stop
    } else out += c;
  }
  return out;
}
