// Finding where a native path ends in an evaluated body: the existing leaf, or the deepest existing container.
import type { ListVal, ObjectVal, Val } from '../evaluate/value';
import type { Path } from '../model/kind';

export type WalkResult =
  | { found: true; leaf: Val }
  | { found: false; container: ObjectVal; remaining: Path }
  | { found: false; container: undefined; remaining: Path; blocked: string };

export function walk(body: ObjectVal, path: Path): WalkResult {
  let cur: Val = body;
  let container: ObjectVal = body;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (cur.kind === 'unknown') return { found: false, container: undefined, remaining: path.slice(i), blocked: 'the enclosing value is not statically known' };
    if (typeof seg === 'number') {
      if (cur.kind === 'list') {
        const next: Val | undefined = (cur as ListVal).items[seg];
        if (!next) return { found: false, container: undefined, remaining: path.slice(i), blocked: 'list item missing' };
        cur = next;
        continue;
      }
      if (cur.kind === 'object' && seg === 0) continue;
      return { found: false, container: undefined, remaining: path.slice(i), blocked: 'not a list' };
    }
    if (cur.kind === 'list' && cur.items.length === 1) cur = cur.items[0]!;
    if (cur.kind !== 'object') return { found: false, container: undefined, remaining: path.slice(i), blocked: `not an object (${cur.kind})` };
    container = cur;
    const next: Val | undefined = cur.fields.get(seg)?.value;
    if (!next || next.kind === 'null') return { found: false, container, remaining: path.slice(i) };
    cur = next;
  }
  return { found: true, leaf: cur };
}

/** Nest the remaining path into an object: ['a', 0, 'b'] + v → { a: [ { b: v } ] } (index 0 makes a one-item list). */
export function nest(remaining: Path, value: unknown): unknown {
  let v = value;
  for (let i = remaining.length - 1; i >= 0; i--) {
    const seg = remaining[i]!;
    v = typeof seg === 'number' ? [v] : { [seg]: v };
  }
  return v;
}
