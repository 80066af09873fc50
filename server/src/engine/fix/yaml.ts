// CloudFormation YAML writer: inserts keys aligned with their siblings; replaces scalars in place.
import type { ObjectVal, Val } from '../evaluate/value';
import type { SourceFile, SourceResource } from '../source';
import type { TextEdit } from '../types';
import { columnIndent, eol, lineEndOf } from './text';
import { type FixValue, isAttrObject, isExpr, isPlaceholder, placeholder } from './types';

const PLAIN_SAFE = /^[A-Za-z0-9_./:@-][A-Za-z0-9_ ./:@-]*$/;
const YAML_WORDS = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

export function renderYamlScalar(v: unknown): string {
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return PLAIN_SAFE.test(v) && !YAML_WORDS.test(v) && !/^[\d.+-]/.test(v) && !v.endsWith(' ') ? v : JSON.stringify(v);
  if (v && typeof v === 'object' && isPlaceholder(v as FixValue)) return `"${placeholder((v as { $placeholder: string }).$placeholder)}"`;
  if (v && typeof v === 'object' && isExpr(v as FixValue)) return (v as { $expr: { yaml?: string } }).$expr.yaml ?? 'null';
  return 'null';
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isExpr(v as FixValue) && !isPlaceholder(v as FixValue);
}

/** Block-style YAML lines for `fields`, at `indent`. */
export function renderYamlLines(fields: Record<string, unknown>, indent: string): string[] {
  const out: string[] = [];
  for (const [k, raw] of Object.entries(fields)) {
    const v = isAttrObject(raw) ? raw.$attr : raw;
    if (isMap(v)) out.push(`${indent}${k}:`, ...renderYamlLines(v, indent + '  '));
    else if (Array.isArray(v)) {
      out.push(`${indent}${k}:`);
      for (const item of v) {
        if (isMap(item)) {
          const lines = renderYamlLines(item, indent + '    ');
          lines[0] = `${indent}  - ${lines[0]!.trimStart()}`;
          out.push(...lines);
        } else out.push(`${indent}  - ${renderYamlScalar(item)}`);
      }
    } else out.push(`${indent}${k}: ${renderYamlScalar(v)}`);
  }
  return out;
}

function lastValueEnd(container: ObjectVal): number | undefined {
  let end: number | undefined;
  for (const f of container.fields.values()) {
    const e = deepEnd(f.value) ?? f.keySpan?.end;
    if (e !== undefined && (end === undefined || e > end)) end = e;
  }
  return end;
}

function deepEnd(v: Val): number | undefined {
  let end = v.span?.end;
  if (v.kind === 'object') for (const f of v.fields.values()) end = max(end, deepEnd(f.value));
  if (v.kind === 'list') for (const i of v.items) end = max(end, deepEnd(i));
  return end;
}

function max(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

export function insertIntoYaml(file: SourceFile, container: ObjectVal, owner: SourceResource, fields: Record<string, unknown>): TextEdit | undefined {
  const text = file.text;
  const nl = eol(file);
  const first = container.fields.values().next().value;
  const isRoot = container === owner.body;
  if (!first) {
    if (!isRoot || owner.bodySpan) return undefined; // empty nested mapping written as `{}`: rare; no safe edit
    // No Properties at all: add them at the end of the resource entry.
    const indent = columnIndent(file, owner.headerSpan.start) + '  ';
    const at = lineEndOf(file, trimEnd(text, owner.span.end));
    const lines = [`${indent}Properties:`, ...renderYamlLines(fields, indent + '  ')];
    return { file: file.path, start: at, end: at, newText: nl + lines.join(nl) };
  }
  if (container.span && text[container.span.start] === '{') {
    // Flow mapping: add `, Key: value` before the closing brace.
    let close = container.span.end - 1;
    while (close > container.span.start && text[close] !== '}') close--;
    const inline = Object.entries(fields).map(([k, v]) => `${k}: ${isMap(v) || Array.isArray(v) ? JSON.stringify(v) : renderYamlScalar(v)}`);
    return { file: file.path, start: close, end: close, newText: `, ${inline.join(', ')}` };
  }
  if (!first.keySpan) return undefined;
  const indent = columnIndent(file, first.keySpan.start);
  const end = lastValueEnd(container);
  if (end === undefined) return undefined;
  const at = lineEndOf(file, trimEnd(text, end));
  return { file: file.path, start: at, end: at, newText: nl + renderYamlLines(fields, indent).join(nl) };
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** Flow style (`[a, {K: v}]`) for a structured value replacing one in place: it fits wherever the old value stood. */
export function renderYamlFlow(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(renderYamlFlow).join(', ')}]`;
  const raw = isAttrObject(v) ? v.$attr : v;
  if (isMap(raw)) return `{${Object.entries(raw).map(([k, x]) => `${k}: ${renderYamlFlow(x)}`).join(', ')}}`;
  const scalar = renderYamlScalar(raw);
  // Inside flow collections `,` `[` `]` `{` `}` end a plain scalar: quote such text.
  return typeof raw === 'string' && /[,[\]{}]/.test(scalar) && !scalar.startsWith('"') ? JSON.stringify(raw) : scalar;
}

export function replaceYamlValue(file: SourceFile, start: number, end: number, value: FixValue): TextEdit {
  return { file: file.path, start, end, newText: Array.isArray(value) || isMap(value) || isAttrObject(value) ? renderYamlFlow(value) : renderYamlScalar(value) };
}
