// The "Suppress <rule> for this resource" edit, built as engine text edits on the analyzed text.
// HCL and YAML get a comment line above the resource; JSON templates get resource Metadata (JSON has no comments).
// A plain WorkspaceEdit cannot carry a snippet tab stop, so the reason is a visible placeholder to overwrite.
import type { SourceFile, SourceResource } from '../engine/source';
import type { Fix, TextEdit } from '../engine/types';
import type { ObjectVal, Val } from '../engine/evaluate/value';

export const REASON_PLACEHOLDER = 'reason: explain why';

export function suppressionFix(resource: SourceResource, file: SourceFile, ruleId: string): Fix | undefined {
  const title = `Suppress ${ruleId} for ${resource.address}`;
  switch (file.kind) {
    case 'terraform':
    case 'cloudformation-yaml': {
      // Above the block (HCL) or the logical id key (YAML), at the same indentation.
      const anchor = file.kind === 'terraform' ? resource.span.start : resource.headerSpan.start;
      const lineStart = file.lines.lineStart(anchor);
      const indent = /^[ \t]*/.exec(file.text.slice(lineStart, anchor))![0];
      const comment = `${indent}# demarc:ignore ${ruleId} -- ${REASON_PLACEHOLDER}${eolOf(file.text)}`;
      return { title, edits: [{ file: file.path, start: lineStart, end: lineStart, newText: comment }] };
    }
    case 'cloudformation-json': {
      const edit = jsonMetadataEdit(resource, file, ruleId);
      return edit ? { title, edits: [edit] } : undefined;
    }
    default:
      // .tf.json has no comment syntax Demarc reads; suppress in the .tf source or in .demarc.yaml instead.
      return undefined;
  }
}

/**
 * `"Metadata": { "demarc": { "ignore": [ { "id": "<rule>", "reason": "…" } ] } }`, merged into what exists:
 * a new Metadata key, a new `demarc` key in Metadata, a new `ignore` list, or one more entry in the list.
 */
function jsonMetadataEdit(resource: SourceResource, file: SourceFile, ruleId: string): TextEdit | undefined {
  const eol = eolOf(file.text);
  const entry = `{ "id": ${JSON.stringify(ruleId)}, "reason": ${JSON.stringify(REASON_PLACEHOLDER)} }`;
  // The evaluator hands an empty, span-less object when the resource has no Metadata at all.
  const md = resource.metadata && (resource.metadata.span || resource.metadata.fields.size) ? resource.metadata : undefined;
  const demarc = md?.fields.get('demarc')?.value;
  const ignore = demarc?.kind === 'object' ? demarc.fields.get('ignore')?.value : undefined;
  if (ignore?.kind === 'list' && ignore.span) {
    const open = file.text.indexOf('[', ignore.span.start);
    if (open === -1 || open >= ignore.span.end) return undefined;
    const sep = ignore.items.length ? ', ' : '';
    return { file: file.path, start: open + 1, end: open + 1, newText: ` ${entry}${sep}` };
  }
  if (demarc?.kind === 'object') return insertIntoObject(file, demarc, `"ignore": [ ${entry} ]`, eol);
  if (md) return insertIntoObject(file, md, `"demarc": { "ignore": [ ${entry} ] }`, eol);
  // No Metadata: open the resource object (the value of the logical id key) and add it first.
  const open = file.text.indexOf('{', resource.headerSpan.end);
  if (open === -1 || open > resource.span.end) return undefined;
  const indent = indentAfter(file, open) ?? indentOfLine(file, resource.headerSpan.start) + '  ';
  return { file: file.path, start: open + 1, end: open + 1, newText: `${eol}${indent}"Metadata": { "demarc": { "ignore": [ ${entry} ] } },` };
}

function insertIntoObject(file: SourceFile, obj: ObjectVal | Val, property: string, eol: string): TextEdit | undefined {
  if (!obj.span) return undefined;
  const open = file.text.indexOf('{', obj.span.start);
  if (open === -1 || open >= obj.span.end) return undefined;
  const empty = obj.kind === 'object' && obj.fields.size === 0;
  const indent = indentAfter(file, open);
  if (indent !== undefined && !empty) return { file: file.path, start: open + 1, end: open + 1, newText: `${eol}${indent}${property},` };
  return { file: file.path, start: open + 1, end: open + 1, newText: ` ${property}${empty ? ' ' : ', '}` };
}

/** Indentation of the first line after `offset`, when the object continues on the next line. */
function indentAfter(file: SourceFile, offset: number): string | undefined {
  const rest = file.text.slice(offset + 1, offset + 400);
  const m = /^[ \t]*\r?\n([ \t]*)\S/.exec(rest);
  return m ? m[1] : undefined;
}

function indentOfLine(file: SourceFile, offset: number): string {
  const start = file.lines.lineStart(offset);
  return /^[ \t]*/.exec(file.text.slice(start))![0];
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
