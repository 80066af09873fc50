// Text helpers shared by the format writers: lines, indentation, snippet finalization.
import type { SourceFile } from '../source';

// The writers take the SourceFile, whose LineIndex answers line questions in O(log n): a minified template is one
// long line, and scanning back to its start for every finding made fixes quadratic.
type Text = SourceFile | string;

function textOf(t: Text): string {
  return typeof t === 'string' ? t : t.text;
}

export function lineStartOf(t: Text, offset: number): number {
  if (typeof t !== 'string') return t.lines.lineStart(offset);
  let i = offset;
  while (i > 0 && t[i - 1] !== '\n' && t[i - 1] !== '\r') i--;
  return i;
}

export function lineEndOf(t: Text, offset: number): number {
  const text = textOf(t);
  if (typeof t !== 'string') {
    const line = t.lines.positionAt(offset).line;
    let end = line + 1 < t.lines.lineCount ? t.lines.offsetAt({ line: line + 1, character: 0 }) : text.length;
    while (end > offset && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return Math.max(end, offset);
  }
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

export function indentAt(t: Text, offset: number): string {
  const text = textOf(t);
  const start = lineStartOf(t, offset);
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(start, i);
}

/** Column of `offset` as spaces (tabs kept), for aligning new keys with existing ones. */
export function columnIndent(t: Text, offset: number): string {
  const start = lineStartOf(t, offset);
  // Far into a line means minified text, where alignment means nothing: keep the edit small instead.
  if (offset - start > 256) return '';
  return textOf(t).slice(start, offset).replace(/[^\t]/g, ' ');
}

const EOLS = new WeakMap<SourceFile, string>();

export function eol(file: SourceFile): string {
  let e = EOLS.get(file);
  if (e === undefined) {
    const first = file.text.indexOf('\n');
    e = first > 0 && file.text[first - 1] === '\r' ? '\r\n' : '\n';
    EOLS.set(file, e);
  }
  return e;
}

/** True when only whitespace precedes `offset` on its line. */
export function startsLine(t: Text, offset: number): boolean {
  return textOf(t).slice(lineStartOf(t, offset), offset).trim() === '';
}

/**
 * Turns placeholder markers (\u0000text\u0000) into snippet tab stops `${n:text}`, escaping `$`, `}` and `\` elsewhere
 * as snippet syntax requires. Text without markers is returned as is.
 */
export function finalizeSnippet(text: string): { text: string; snippet: boolean } {
  if (!text.includes('\u0000')) return { text, snippet: false };
  // One pass that copies runs of ordinary text as slices (appending a character at a time allocates a string each).
  let out = '';
  let n = 0;
  let inside = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0 && c !== 0x5c /* \ */ && c !== 0x24 /* $ */ && c !== 0x7d /* } */) continue;
    out += text.slice(from, i);
    from = i + 1;
    if (c === 0) {
      out += inside ? '}' : `\${${++n}:`;
      inside = !inside;
    } else out += '\\' + text[i];
  }
  out += text.slice(from);
  // An unpaired marker still opened a tab stop: close it so the snippet stays well formed.
  if (inside) out += '}';
  return { text: out, snippet: true };
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
