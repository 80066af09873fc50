// CloudFormation JSON writer.
import type { ObjectVal } from '../evaluate/value';
import type { SourceFile, SourceResource } from '../source';
import type { TextEdit } from '../types';
import { columnIndent, eol, indentAt } from './text';
import { type FixValue, isAttrObject, isExpr, isPlaceholder, placeholder } from './types';

export function renderJson(v: unknown, indent: string, nl: string): string {
  if (isAttrObject(v)) return renderJson(v.$attr, indent, nl);
  if (v && typeof v === 'object' && isPlaceholder(v as FixValue)) return `"${placeholder((v as { $placeholder: string }).$placeholder)}"`;
  if (v && typeof v === 'object' && isExpr(v as FixValue)) return JSON.stringify((v as { $expr: { json?: unknown } }).$expr.json ?? null);
  if (Array.isArray(v)) return `[${v.map((x) => renderJson(x, indent, nl)).join(', ')}]`;
  if (v && typeof v === 'object') {
    const inner = indent + '  ';
    const members = Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${renderJson(x, inner, nl)}`);
    return `{${nl}${members.join(`,${nl}`)}${nl}${indent}}`;
  }
  return JSON.stringify(v ?? null);
}

export function insertIntoJson(file: SourceFile, container: ObjectVal, owner: SourceResource, fields: Record<string, unknown>): TextEdit | undefined {
  const text = file.text;
  const nl = eol(file);
  const entries = [...container.fields.values()];
  const isRoot = container === owner.body;
  if (isRoot && !owner.bodySpan) {
    // No "Properties": add it as the last member of the resource object.
    let close = owner.span.end - 1;
    while (close > owner.span.start && text[close] !== '}') close--;
    let prev = close - 1;
    while (prev > owner.span.start && /\s/.test(text[prev]!)) prev--;
    const indent = indentAt(file, owner.headerSpan.start) + '  ';
    const comma = text[prev] === '{' ? '' : ',';
    return { file: file.path, start: prev + 1, end: prev + 1, newText: `${comma}${nl}${indent}"Properties": ${renderJson(fields, indent, nl)}` };
  }
  const span = isRoot ? owner.bodySpan : container.span;
  if (!span) return undefined;
  const last = entries[entries.length - 1];
  if (!last) {
    const open = text.indexOf('{', span.start);
    if (open === -1) return undefined;
    const outer = indentAt(file, open);
    const indent = outer + '  ';
    const members = Object.entries(fields).map(([k, x]) => `${indent}${JSON.stringify(k)}: ${renderJson(x, indent, nl)}`);
    return { file: file.path, start: open + 1, end: span.end - 1, newText: `${nl}${members.join(`,${nl}`)}${nl}${outer}` };
  }
  const first = entries[0]!;
  const indent = first.keySpan ? columnIndent(file, first.keySpan.start) : indentAt(file, span.start) + '  ';
  const end = last.value.span?.end;
  if (end === undefined) return undefined;
  const members = Object.entries(fields).map(([k, x]) => `${indent}${JSON.stringify(k)}: ${renderJson(x, indent, nl)}`);
  return { file: file.path, start: end, end, newText: `,${nl}${members.join(`,${nl}`)}` };
}

export function replaceJsonValue(file: SourceFile, start: number, end: number, value: FixValue): TextEdit {
  return { file: file.path, start, end, newText: renderJson(value, indentAt(file, start), eol(file)) };
}
