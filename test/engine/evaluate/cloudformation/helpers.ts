import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateCloudFormationTemplate } from '../../../../server/src/engine/evaluate/cloudformation';
import { LineIndex } from '../../../../server/src/engine/text';
import type { EvaluationResult, SourceFile, SourceResource } from '../../../../server/src/engine/source';
import type { Span } from '../../../../server/src/engine/types';
import type { Val } from '../../../../server/src/engine/evaluate/value';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/cloudformation/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export function sourceFile(text: string, kind: 'cloudformation-yaml' | 'cloudformation-json' = 'cloudformation-yaml', path = '/ws/template.yaml'): SourceFile {
  return { path, text, kind, lines: new LineIndex(text) };
}

export function evaluate(text: string, kind: 'cloudformation-yaml' | 'cloudformation-json' = 'cloudformation-yaml'): EvaluationResult & { text: string } {
  const r = evaluateCloudFormationTemplate(sourceFile(text, kind, kind === 'cloudformation-json' ? '/ws/template.json' : '/ws/template.yaml'));
  return Object.assign(r, { text });
}

export function at(text: string, span: Span | undefined): string | undefined {
  return span ? text.slice(span.start, span.end) : undefined;
}

export function resource(r: EvaluationResult, name: string): SourceResource {
  const found = r.resources.find((x) => x.name === name);
  if (!found) throw new Error(`no resource ${name}; have ${r.resources.map((x) => x.name).join(', ')}`);
  return found;
}

/** Field at a dotted path through objects and (numeric) list indexes. */
export function get(v: Val | undefined, path: string): Val | undefined {
  let cur = v;
  for (const part of path.split('.')) {
    if (!cur) return undefined;
    if (cur.kind === 'object') cur = cur.fields.get(part)?.value;
    else if (cur.kind === 'list') cur = cur.items[Number(part)];
    else return undefined;
  }
  return cur;
}

/** Every span anywhere in a value tree. */
export function allSpans(v: Val | undefined, out: Span[] = []): Span[] {
  if (!v) return out;
  if (v.span) out.push(v.span);
  for (const s of v.via ?? []) out.push(s);
  if (v.kind === 'list') for (const i of v.items) allSpans(i, out);
  if (v.kind === 'object') for (const f of v.fields.values()) {
    if (f.keySpan) out.push(f.keySpan);
    allSpans(f.value, out);
  }
  if (v.kind === 'string' && v.json) allSpans(v.json, out);
  return out;
}
