// JSON text → Val with spans, error-tolerant. Used for JSON templates' embedded policy strings and by the
// model layer for IAM policies written as JSON strings (Terraform heredocs, CloudFormation string properties).
import type { Span } from '../types';
import type { Field, Val } from '../evaluate/value';
import { parseJsonTree } from './cloudformation/json';
import type { CfnNode } from './cloudformation/nodes';

export interface JsonValueResult {
  value?: Val;
  errors: { start: number; end: number; message: string }[];
}

/**
 * Parses `text` as JSON. Spans are file offsets: `baseOffset + i` for text offset i, or `offsetMap[i]` when a
 * map is given (for JSON held in a string with escapes or indentation: offsetMap[i] is where character i of
 * `text` is written in the file, offsetMap[text.length] just after the last one; see scalarOffsetMap).
 * Error offsets are mapped the same way. Every value has origin `explicit`; object fields carry `keySpan`.
 */
export function parseJsonToVal(
  text: string,
  file: string,
  baseOffset = 0,
  offsetMap?: ArrayLike<number>,
): JsonValueResult {
  const map = (i: number): number => {
    if (offsetMap && offsetMap.length === text.length + 1) {
      return offsetMap[Math.max(0, Math.min(i, text.length))]!;
    }
    return baseOffset + i;
  };
  const span = (s: number, e: number): Span => ({ file, start: map(s), end: Math.max(map(s), map(e)) });
  const tree = parseJsonTree(text);
  const errors = tree.diagnostics.map((d) => ({ start: map(d.start), end: Math.max(map(d.start), map(d.end)), message: d.message }));
  const value = tree.root ? toVal(tree.root, span) : undefined;
  return { value, errors };
}

function toVal(node: CfnNode, span: (s: number, e: number) => Span): Val {
  // JSON trees are bounded in depth by the parser (MAX_DEPTH), so recursion is safe here.
  switch (node.kind) {
    case 'scalar': {
      const sp = span(node.start, node.end);
      const v = node.value;
      if (v === null) return { kind: 'null', origin: 'explicit', span: sp };
      if (typeof v === 'string') return { kind: 'string', value: v, origin: 'explicit', span: sp };
      if (typeof v === 'number') return { kind: 'number', value: v, origin: 'explicit', span: sp };
      return { kind: 'bool', value: v, origin: 'explicit', span: sp };
    }
    case 'sequence':
      return { kind: 'list', origin: 'explicit', span: span(node.start, node.end), items: node.items.map((n) => toVal(n, span)) };
    case 'mapping': {
      const fields = new Map<string, Field>();
      for (const p of node.pairs) {
        if (!p.value) continue;
        fields.delete(p.keyText); // the last duplicate wins and takes its own place in the order
        fields.set(p.keyText, { key: p.keyText, keySpan: span(p.key.start, p.key.end), value: toVal(p.value, span) });
      }
      return { kind: 'object', origin: 'explicit', span: span(node.start, node.end), fields };
    }
    case 'alias':
      return { kind: 'unknown', origin: 'unknown', reason: 'alias' };
  }
}
