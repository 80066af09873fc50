// Terraform (HCL) writer: minimal edits that keep comments, formatting and the author's indentation.
import type { ObjectVal } from '../evaluate/value';
import type { SourceFile, SourceResource } from '../source';
import type { TextEdit } from '../types';
import { eol, indentAt, lineStartOf, startsLine } from './text';
import { type FixValue, isAttrObject, isExpr, isPlaceholder, placeholder } from './types';

export function renderHclValue(v: FixValue | unknown, indent: string, nl: string): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => renderHclValue(x, indent, nl)).join(', ')}]`;
  if (v && typeof v === 'object') {
    if (isExpr(v as FixValue)) return (v as { $expr: { terraform?: string } }).$expr.terraform ?? 'null';
    if (isPlaceholder(v as FixValue)) return `"${placeholder((v as { $placeholder: string }).$placeholder)}"`;
    if (isAttrObject(v)) return renderHclValue(v.$attr, indent, nl);
    const inner = indent + '  ';
    const lines = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${inner}${k} = ${renderHclValue(x, inner, nl)}`);
    return `{${nl}${lines.join(nl)}${nl}${indent}}`;
  }
  return 'null';
}

/**
 * Renders attributes/blocks to insert. Objects become nested blocks (the AWS provider's nested settings are
 * blocks); one-item lists of objects become one block.
 */
export function renderHclBody(fields: Record<string, unknown>, indent: string, nl: string): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    const item = Array.isArray(v) && v.length === 1 && isPlainObject(v[0]) ? v[0] : v;
    if (isPlainObject(item)) {
      out.push(`${indent}${k} {`, ...renderHclBody(item as Record<string, unknown>, indent + '  ', nl), `${indent}}`);
    } else out.push(`${indent}${k} = ${renderHclValue(item, indent, nl)}`);
  }
  return out;
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isExpr(v as FixValue) && !isPlaceholder(v as FixValue) && !isAttrObject(v);
}

/** Insert fields into a block or object (`container`), before its closing brace. */
export function insertIntoHcl(file: SourceFile, container: ObjectVal, owner: SourceResource, fields: Record<string, unknown>): TextEdit | undefined {
  const text = file.text;
  const span = container === owner.body ? (owner.bodySpan ?? owner.span) : container.span;
  if (!span) return undefined;
  let close = span.end - 1;
  while (close > span.start && text[close] !== '}') close--;
  if (text[close] !== '}') return undefined;
  const nl = eol(file);
  const first = [...container.fields.values()][0];
  if (startsLine(file, close)) {
    const indent = first?.keySpan ? indentAt(file, first.keySpan.start) : indentAt(file, close) + '  ';
    const at = lineStartOf(file, close);
    const lines = renderHclBody(fields, indent, nl);
    return { file: file.path, start: at, end: at, newText: lines.join(nl) + nl };
  }
  // One-line block `a { b = 1 }` or `a {}`: HCL allows one attribute there at most, so open the block up.
  const open = text.indexOf('{', span.start);
  if (open === -1 || open > close) return undefined;
  const outer = indentAt(file, span.start);
  const inner = outer + '  ';
  const content = text.slice(open + 1, close).trim();
  const lines = [...(content ? [inner + content] : []), ...renderHclBody(fields, inner, nl)];
  return { file: file.path, start: open, end: close + 1, newText: `{${nl}${lines.join(nl)}${nl}${outer}}` };
}

export function replaceHclValue(file: SourceFile, start: number, end: number, value: FixValue): TextEdit {
  const indent = indentAt(file, start);
  return { file: file.path, start, end, newText: renderHclValue(value, indent, eol(file)) };
}

export function insertHclAfter(file: SourceFile, after: SourceResource, blockText: string): TextEdit {
  const nl = eol(file);
  const normalized = blockText.replace(/\r?\n/g, nl);
  return { file: file.path, start: after.span.end, end: after.span.end, newText: `${nl}${nl}${normalized}` };
}
