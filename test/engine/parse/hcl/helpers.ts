// Small lookups shared by the HCL parser tests.
import assert from 'node:assert/strict';
import type { Attribute, Block, Body, Expr, HclFile } from '../../../../server/src/engine/parse/hcl/index';

/** Offset of the `nth` (0-based) occurrence of `needle` in `text`; fails loudly when absent. */
export function at(text: string, needle: string, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" (#${nth}) not found`);
  }
  return i;
}

export function attr(body: Body | HclFile, name: string): Attribute {
  const b = 'items' in body ? body : body.body;
  const a = b.items.find((i): i is Attribute => i.type === 'Attribute' && i.name.name === name);
  assert.ok(a, `attribute ${name} not found`);
  return a;
}

export function block(body: Body | HclFile, type: string, ...labels: string[]): Block {
  const b = 'items' in body ? body : body.body;
  const found = b.items.find(
    (i): i is Block => i.type === 'Block' && i.blockType.name === type && labels.every((l, k) => i.labels[k]?.value === l),
  );
  assert.ok(found, `block ${type} ${labels.join(' ')} not found`);
  return found;
}

/** Narrow an expression to one node type, failing with the actual type otherwise. */
export function as<T extends Expr['type']>(e: Expr, type: T): Extract<Expr, { type: T }> {
  assert.equal(e.type, type, `expected ${type}, got ${e.type}`);
  return e as Extract<Expr, { type: T }>;
}

/** Every node's offsets lie within the text and are ordered. */
export function assertRangesWithin(text: string, root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const o = stack.pop();
    if (Array.isArray(o)) {
      for (const x of o) stack.push(x);
      continue;
    }
    if (!o || typeof o !== 'object') continue;
    const r = o as Record<string, unknown>;
    for (const k of ['start', 'end', 'contentStart', 'contentEnd']) {
      const v = r[k];
      if (typeof v === 'number') assert.ok(v >= 0 && v <= text.length, `${k}=${v} outside 0..${text.length}`);
    }
    if (typeof r.start === 'number' && typeof r.end === 'number') assert.ok(r.end >= r.start, `end ${r.end} < start ${r.start}`);
    for (const k in r) if (r[k] && typeof r[k] === 'object') stack.push(r[k]);
  }
}
