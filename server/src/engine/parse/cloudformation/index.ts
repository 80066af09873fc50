// Entry points for CloudFormation template parsing. See nodes.ts for the tree every caller works with.
import type { FileKind } from '../../source';
import { decodeEscape, jsonStringOffsetMap, parseJsonTree } from './json';
import type { ScalarNode, TemplateParse } from './nodes';
import { parseYamlTemplate } from './yaml';

export * from './nodes';
export { TAG_TO_FUNCTION, LONG_FUNCTIONS, isIntrinsicTag } from './intrinsics';
export { parseYamlTemplate, MAX_ALIAS_EXPANSION } from './yaml';
export { parseJsonTree, jsonStringOffsetMap } from './json';

/** Parses a template of either syntax. Never throws on any input. */
export function parseTemplate(text: string, kind: FileKind | 'yaml' | 'json'): TemplateParse {
  if (kind === 'cloudformation-json' || kind === 'json') {
    const r = parseJsonTree(text);
    return { root: r.root, diagnostics: r.diagnostics, comments: [] };
  }
  return parseYamlTemplate(text);
}

/**
 * Maps each character of a string scalar's value back to the file: result[i] is the offset where value
 * character i is written, result[value.length] the offset just after the last one. Undefined when the value is
 * not a contiguous, character-by-character image of the text (folded scalars, YAML-only escapes), in which case
 * callers fall back to the scalar's own span.
 */
export function scalarOffsetMap(text: string, node: ScalarNode): number[] | undefined {
  if (typeof node.value !== 'string') return undefined;
  if (node.style === 'json') return jsonStringOffsetMap(text, node);
  if (node.style === 'folded') return undefined;
  const v = node.value;
  const map: number[] = new Array(v.length + 1);
  let p = node.style === 'literal' ? bodyStart(text, node) : node.contentStart;
  // Block scalars keep their final line break in the value, after the node's (trimmed) end.
  const end = node.style === 'literal' ? text.length : node.end;
  for (let k = 0; k < v.length; k++) {
    for (;;) {
      if (p >= end) return undefined;
      const c = text[p]!;
      if (node.style === 'double' && c === '\\') {
        const [d, w] = decodeEscape(text, p);
        if (d === undefined || d !== v.slice(k, k + d.length) || d.length !== 1) return undefined;
        map[k] = p;
        p += w;
        break;
      }
      if (c === v[k]) {
        map[k] = p;
        p++;
        if (node.style === 'single' && c === "'") p++;
        break;
      }
      // Indentation and carriage returns are in the text but not in the value.
      if (c === ' ' || c === '\t' || c === '\r') {
        p++;
        continue;
      }
      return undefined;
    }
  }
  map[v.length] = Math.min(p, end);
  return map;
}

function bodyStart(text: string, node: ScalarNode): number {
  const nl = text.indexOf('\n', node.valueStart);
  return nl < 0 ? node.end : nl + 1;
}
