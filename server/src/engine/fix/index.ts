// Turns a rule's model-level FixSpec into text edits through the writer of each file's format.
import type { ObjectVal } from '../evaluate/value';
import type { SourceFile, SourceResource } from '../source';
import type { Fix, TextEdit } from '../types';
import { insertHclAfter, insertIntoHcl, replaceHclValue } from './hcl';
import { insertIntoJson, replaceJsonValue } from './json';
import { finalizeSnippet } from './text';
import type { FixSpec, FixValue } from './types';
import { nest, walk } from './walk';
import { insertIntoYaml, replaceYamlValue } from './yaml';

type Writer = {
  insert(file: SourceFile, container: ObjectVal, owner: SourceResource, fields: Record<string, unknown>): TextEdit | undefined;
  replace(file: SourceFile, start: number, end: number, value: FixValue): TextEdit;
};

function writerFor(file: SourceFile): Writer | undefined {
  switch (file.kind) {
    case 'terraform':
      return { insert: insertIntoHcl, replace: replaceHclValue };
    case 'cloudformation-yaml':
      return { insert: insertIntoYaml, replace: replaceYamlValue };
    case 'cloudformation-json':
      return { insert: insertIntoJson, replace: replaceJsonValue };
    default:
      return undefined; // .tf.json and tfvars: no fixes yet
  }
}

/** Deep-merges b into a (objects only; one-item lists of objects merge item-wise). */
function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(b)) {
    const cur = a[k];
    if (isObj(cur) && isObj(v)) merge(cur, v);
    else if (Array.isArray(cur) && Array.isArray(v) && cur.length === 1 && v.length === 1 && isObj(cur[0]) && isObj(v[0])) merge(cur[0], v[0]);
    else a[k] = v;
  }
  return a;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !('$expr' in v) && !('$placeholder' in v) && !('$attr' in v);
}

/** Returns undefined when any action cannot be written safely: a partial fix is worse than none. */
export function renderFix(spec: FixSpec, files: Map<string, SourceFile>): Fix | undefined {
  const edits: TextEdit[] = [];
  const notes: string[] = [];
  const inserts = new Map<ObjectVal, { file: SourceFile; owner: SourceResource; fields: Record<string, unknown> }>();
  for (const action of spec.actions) {
    if (action.type === 'replace') {
      edits.push({ file: action.span.file, start: action.span.start, end: action.span.end, newText: action.text });
      continue;
    }
    if (action.type === 'insertAfter') {
      const file = files.get(action.after.file);
      if (!file || file.kind !== 'terraform') return undefined;
      edits.push(insertHclAfter(file, action.after, action.text));
      continue;
    }
    const owner = action.site.resource;
    const file = files.get(owner.file);
    const writer = file && writerFor(file);
    if (!file || !writer) return undefined;
    const w = walk(owner.body, action.site.path);
    if (w.found) {
      const span = w.leaf.span;
      if (!span || span.file !== file.path) return undefined;
      edits.push(writer.replace(file, span.start, span.end, action.value));
      // A value that came through a variable or parameter is replaced where it is used; say so.
      if (w.leaf.origin === 'derived') notes.push(`replaces ${file.text.slice(span.start, span.end).trim().slice(0, 40)}`);
      continue;
    }
    if (!w.container) return undefined;
    const fields = nest(w.remaining, action.value) as Record<string, unknown>;
    const pending = inserts.get(w.container);
    if (pending) merge(pending.fields, fields);
    else inserts.set(w.container, { file, owner, fields });
  }
  for (const [container, p] of inserts) {
    const edit = writerFor(p.file)!.insert(p.file, container, p.owner, p.fields);
    if (!edit) return undefined;
    edits.push(edit);
  }
  edits.sort((a, b) => (a.file === b.file ? a.start - b.start : a.file < b.file ? -1 : 1));
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1]!;
    const b = edits[i]!;
    if (a.file === b.file && b.start < a.end) return undefined;
  }
  let snippet = false;
  const finalized = edits.map((e) => {
    const f = finalizeSnippet(e.newText);
    if (f.snippet) snippet = true;
    return { ...e, newText: f.text };
  });
  const fix: Fix = { title: notes.length ? `${spec.title} (${notes.join(', ')})` : spec.title, edits: finalized };
  if (snippet) {
    fix.snippet = true;
    fix.needsInput = true;
  }
  return fix;
}

/** Applies edits to a text (edits on one file, non-overlapping). */
export function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  // Back to front, so offsets stay valid; edits at the same offset keep their given order in the result.
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i).map((x) => x.e);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
