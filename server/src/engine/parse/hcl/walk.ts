// Visiting expressions without recursion: trees may be up to MAX_DEPTH levels deep and callers (evaluator,
// suppression and reference finders) should not need to know every node shape.
import type { Attribute, Block, Body, Expr, HclFile, TemplatePart } from './ast';

/** Direct sub-expressions of `e`, in source order. */
export function childExprs(e: Expr): Expr[] {
  switch (e.type) {
    case 'Template': {
      const out: Expr[] = [];
      collectTemplate(e.parts, out);
      return out;
    }
    case 'GetAttr':
      return [e.object];
    case 'Index':
      return [e.object, e.key];
    case 'Splat':
      return [e.object, e.each];
    case 'Tuple':
      return e.items;
    case 'Object': {
      const out: Expr[] = [];
      for (const it of e.items) out.push(it.key, it.value);
      return out;
    }
    case 'Call':
      return e.args;
    case 'Conditional':
      return [e.cond, e.then, e.else];
    case 'Unary':
      return [e.operand];
    case 'Binary':
      return [e.left, e.right];
    case 'For': {
      const out: Expr[] = [e.collection];
      if (e.keyExpr) out.push(e.keyExpr);
      out.push(e.valueExpr);
      if (e.cond) out.push(e.cond);
      return out;
    }
    case 'Parens':
      return [e.expr];
    default:
      return [];
  }
}

function collectTemplate(parts: TemplatePart[], out: Expr[]): void {
  // Template directives nest at most MAX_DEPTH levels, so this recursion is bounded.
  for (const p of parts) {
    if (p.type === 'Interp') out.push(p.expr);
    else if (p.type === 'If') {
      out.push(p.cond);
      collectTemplate(p.then, out);
      if (p.else) collectTemplate(p.else, out);
    } else if (p.type === 'For') {
      out.push(p.collection);
      collectTemplate(p.body, out);
    }
  }
}

/**
 * Calls `visit` for every expression under `root` in pre-order (source order). Returning `false` from `visit`
 * skips that expression's children. `root` may be a file, a body, a block, an attribute or an expression.
 */
export function forEachExpr(root: HclFile | Body | Block | Attribute | Expr, visit: (e: Expr) => boolean | void): void {
  const stack: Expr[] = [];
  const pushBody = (b: Body): void => {
    for (let i = b.items.length - 1; i >= 0; i--) {
      const it = b.items[i]!;
      if (it.type === 'Attribute') stack.push(it.expr);
      else pushBody(it.body);
    }
  };
  if ('body' in root && !('type' in root)) pushBody(root.body);
  else if (!('type' in root)) pushBody(root);
  else if (root.type === 'Block') pushBody(root.body);
  else if (root.type === 'Attribute') stack.push(root.expr);
  else stack.push(root);
  while (stack.length) {
    const e = stack.pop()!;
    if (visit(e) === false) continue;
    const kids = childExprs(e);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** The attribute `name` of a body (the last one, when it is written twice), or undefined. */
export function attributeOf(body: Body, name: string): Attribute | undefined {
  let found: Attribute | undefined;
  for (const i of body.items) if (i.type === 'Attribute' && i.name.name === name) found = i;
  return found;
}

/** The string of a template made only of literal text (`"abc"`, a heredoc without interpolation), else undefined. */
export function staticString(e: Expr): string | undefined {
  if (e.type !== 'Template') return undefined;
  let s = '';
  for (const p of e.parts) {
    if (p.type !== 'Text') return undefined;
    s += p.value;
  }
  return s;
}

/**
 * A static reference such as `aws_s3_bucket.logs.id`, `var.list[0]` or `module.net.ids["a"]` as its root name
 * and steps (attribute names as strings, literal index keys as strings or numbers). Undefined when any step
 * is computed (`x[var.i]`) or the expression is not a traversal.
 */
export function traversalSteps(e: Expr): { root: string; steps: (string | number)[] } | undefined {
  const steps: (string | number)[] = [];
  let cur: Expr = e;
  for (;;) {
    if (cur.type === 'Variable') {
      steps.reverse();
      return { root: cur.name, steps };
    }
    if (cur.type === 'GetAttr') {
      steps.push(cur.name.name);
      cur = cur.object;
    } else if (cur.type === 'Index') {
      const k = cur.key;
      if (k.type === 'Literal' && typeof k.value === 'number') steps.push(k.value);
      else {
        const s = staticString(k);
        if (s === undefined) return undefined;
        steps.push(s);
      }
      cur = cur.object;
    } else return undefined;
  }
}
