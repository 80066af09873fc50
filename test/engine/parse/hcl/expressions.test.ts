import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl, forEachExpr, staticString, traversalSteps, type Expr } from '../../../../server/src/engine/parse/hcl/index';
import { as, at, attr } from './helpers';

function expr(src: string, name = 'x'): { e: Expr; src: string } {
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  return { e: attr(f, name).expr, src };
}

test('literals: numbers with fraction and exponent, booleans, null', () => {
  const src = 'a = 42\nb = 1.5e-3\nc = 2E+2\nd = true\ne = false\nf = null\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  assert.deepEqual(attr(f, 'a').expr, { type: 'Literal', value: 42, start: 4, end: 6 });
  assert.deepEqual(attr(f, 'b').expr, { type: 'Literal', value: 0.0015, start: at(src, '1.5e-3'), end: at(src, '1.5e-3') + 6 });
  assert.equal(as(attr(f, 'c').expr, 'Literal').value, 200);
  assert.equal(as(attr(f, 'd').expr, 'Literal').value, true);
  assert.equal(as(attr(f, 'e').expr, 'Literal').value, false);
  const n = as(attr(f, 'f').expr, 'Literal');
  assert.equal(n.value, null);
  assert.equal(n.start, at(src, 'null'));
  assert.equal(n.end, at(src, 'null') + 4);
});

test('variables, attribute access, index and legacy index', () => {
  const { e, src } = expr('x = var.list[0].name.1.2\n');
  // ((((var.list)[0]).name).1).2
  const i2 = as(e, 'Index');
  assert.equal(i2.legacy, true);
  assert.deepEqual(i2.key, { type: 'Literal', value: 2, start: src.length - 2, end: src.length - 1 });
  assert.equal(i2.start, 4);
  assert.equal(i2.end, src.length - 1);
  const i1 = as(i2.object, 'Index');
  assert.equal(i1.legacy, true);
  assert.equal(as(i1.key, 'Literal').value, 1);
  const name = as(i1.object, 'GetAttr');
  assert.deepEqual(name.name, { name: 'name', start: at(src, 'name'), end: at(src, 'name') + 4 });
  const idx = as(name.object, 'Index');
  assert.equal(idx.legacy, undefined);
  assert.deepEqual(idx.key, { type: 'Literal', value: 0, start: at(src, '0'), end: at(src, '0') + 1 });
  assert.equal(idx.end, at(src, ']') + 1);
  const list = as(idx.object, 'GetAttr');
  assert.equal(list.name.name, 'list');
  assert.deepEqual(list.object, { type: 'Variable', name: 'var', start: 4, end: 7 });
});

test('full splat applies the following traversal to each element', () => {
  const { e, src } = expr('x = aws_instance.web[*].tags["Name"]\n');
  const s = as(e, 'Splat');
  assert.equal(s.full, true);
  assert.equal(s.start, 4);
  assert.equal(s.end, src.length - 1);
  assert.equal(as(s.object, 'GetAttr').name.name, 'web');
  const ix = as(s.each, 'Index');
  const tags = as(ix.object, 'GetAttr');
  assert.equal(tags.name.name, 'tags');
  assert.deepEqual(tags.object, { type: 'Variable', name: '*', start: at(src, '[*]'), end: at(src, '[*]') + 3 });
});

test('attribute-only splat stops at an index', () => {
  const { e, src } = expr('x = aws_instance.web.*.id[0]\n');
  const outer = as(e, 'Index');
  const s = as(outer.object, 'Splat');
  assert.equal(s.full, false);
  assert.equal(as(s.each, 'GetAttr').name.name, 'id');
  assert.deepEqual(as(as(s.each, 'GetAttr').object, 'Variable'), { type: 'Variable', name: '*', start: at(src, '.*'), end: at(src, '.*') + 2 });
  assert.equal(s.end, at(src, '[0]'));
});

test('tuples and objects with every key and separator form', () => {
  const src = 'x = {\n  a = [1, 2,]\n  "b c" : "q"\n  (var.k) = 3, d = [\n    4,\n    5\n  ]\n}\n';
  const { e } = expr(src);
  const o = as(e, 'Object');
  assert.equal(o.start, 4);
  assert.equal(o.end, src.length - 1);
  assert.equal(o.items.length, 4);
  const [a, b, c, d] = o.items;
  assert.equal(a!.bareKey, true);
  assert.deepEqual(a!.key, { type: 'Variable', name: 'a', start: at(src, 'a ='), end: at(src, 'a =') + 1 });
  const t = as(a!.value, 'Tuple');
  assert.equal(t.items.length, 2);
  assert.equal(t.start, at(src, '[1'));
  assert.equal(t.end, at(src, ',]') + 2);
  const bk = as(b!.key, 'Template');
  assert.equal(bk.start, at(src, '"b c"'));
  assert.equal(b!.bareKey, undefined);
  assert.equal(as(as(c!.key, 'Parens').expr, 'GetAttr').name.name, 'k');
  assert.equal(as(d!.value, 'Tuple').items.length, 2);
  assert.equal(d!.end, at(src, '  ]') + 3);
});

test('function calls, expansion and provider-namespaced names', () => {
  const src = 'x = concat(local.a, [\n  "b"\n], var.rest...)\ny = provider::aws::arn_parse(var.arn).region\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  const c = as(attr(f, 'x').expr, 'Call');
  assert.deepEqual(c.name, { name: 'concat', start: 4, end: 10 });
  assert.equal(c.args.length, 3);
  assert.equal(c.expandFinal, true);
  assert.equal(c.end, at(src, '...)') + 4);
  const g = as(attr(f, 'y').expr, 'GetAttr');
  const p = as(g.object, 'Call');
  assert.equal(p.name.name, 'provider::aws::arn_parse');
  assert.equal(p.name.end, at(src, '(var.arn)'));
});

test('operator precedence follows HCL: || < && < ==,!= < comparisons < +,- < *,/,%', () => {
  const { e } = expr('x = a || b && c == d + e * f > g\n');
  const or = as(e, 'Binary');
  assert.equal(or.op, '||');
  const and = as(or.right, 'Binary');
  assert.equal(and.op, '&&');
  const eq = as(and.right, 'Binary');
  assert.equal(eq.op, '==');
  const gt = as(eq.right, 'Binary');
  assert.equal(gt.op, '>');
  const plus = as(gt.left, 'Binary');
  assert.equal(plus.op, '+');
  assert.equal(as(plus.right, 'Binary').op, '*');
});

test('binary operators are left-associative; unary binds tighter than binary', () => {
  const { e, src } = expr('x = -a - b % 3 - !c\n');
  const outer = as(e, 'Binary');
  assert.equal(outer.op, '-');
  const un = as(outer.right, 'Unary');
  assert.equal(un.op, '!');
  assert.equal(un.start, at(src, '!c'));
  const inner = as(outer.left, 'Binary');
  assert.equal(inner.op, '-');
  const neg = as(inner.left, 'Unary');
  assert.deepEqual([neg.op, neg.start, neg.end], ['-', 4, 6]);
  assert.equal(as(inner.right, 'Binary').op, '%');
});

test('conditionals nest to the right and keep exact ranges', () => {
  const { e, src } = expr('x = var.a ? "yes" : var.b ? 1 : 2\n');
  const c = as(e, 'Conditional');
  assert.equal(c.start, 4);
  assert.equal(c.end, src.length - 1);
  assert.equal(as(c.then, 'Template').start, at(src, '"yes"'));
  const inner = as(c.else, 'Conditional');
  assert.equal(inner.start, at(src, 'var.b'));
});

test('tuple for expression with index variable and condition', () => {
  const { e, src } = expr('x = [for i, v in var.list : upper(v) if i > 0]\n');
  const f = as(e, 'For');
  assert.equal(f.object, false);
  assert.deepEqual(f.keyVar, { name: 'i', start: at(src, 'i,'), end: at(src, 'i,') + 1 });
  assert.deepEqual(f.valueVar, { name: 'v', start: at(src, 'v in'), end: at(src, 'v in') + 1 });
  assert.equal(as(f.collection, 'GetAttr').name.name, 'list');
  assert.equal(as(f.valueExpr, 'Call').name.name, 'upper');
  assert.equal(as(f.cond!, 'Binary').op, '>');
  assert.equal(f.grouping, false);
  assert.deepEqual([f.start, f.end], [4, src.length - 1]);
});

test('object for expression across lines with grouping', () => {
  const src = 'x = {\n  for s in var.subnets :\n  s.az => s.id...\n  if s.public\n}\n';
  const { e } = expr(src);
  const f = as(e, 'For');
  assert.equal(f.object, true);
  assert.equal(f.keyVar, undefined);
  assert.equal(as(f.keyExpr!, 'GetAttr').name.name, 'az');
  assert.equal(as(f.valueExpr, 'GetAttr').name.name, 'id');
  assert.equal(f.grouping, true);
  assert.equal(as(f.cond!, 'GetAttr').name.name, 'public');
  assert.deepEqual([f.start, f.end], [4, src.length - 1]);
});

test('parentheses keep their own node and allow line breaks inside', () => {
  const { e, src } = expr('x = (a\n  + b) * 2\n');
  const m = as(e, 'Binary');
  const p = as(m.left, 'Parens');
  assert.deepEqual([p.start, p.end], [4, at(src, ')') + 1]);
  assert.equal(as(p.expr, 'Binary').op, '+');
});

test('a name followed by "(" on the next line inside brackets is still a call', () => {
  const { e } = expr('x = [\n  merge(\n    a,\n    b\n  )\n]\n');
  assert.equal(as(as(e, 'Tuple').items[0]!, 'Call').args.length, 2);
});

test('forEachExpr visits in source order and can skip subtrees', () => {
  const f = parseHcl('x = f(a.b, "${c}", [for v in d : v])\n');
  const seen: string[] = [];
  forEachExpr(f, (e) => {
    if (e.type === 'Variable') seen.push(e.name);
    if (e.type === 'For') return false;
  });
  assert.deepEqual(seen, ['a', 'c']);
  const all: string[] = [];
  forEachExpr(f, (e) => void (e.type === 'Variable' && all.push(e.name)));
  assert.deepEqual(all, ['a', 'c', 'd', 'v']);
});

test('staticString and traversalSteps read literal strings and static references', () => {
  const f = parseHcl('a = "plain"\nb = "x${y}"\nc = aws_s3_bucket.logs[0].tags["Name"]\nd = x[var.i]\ne = <<EOT\nhi\nEOT\n');
  assert.equal(staticString(attr(f, 'a').expr), 'plain');
  assert.equal(staticString(attr(f, 'b').expr), undefined);
  assert.equal(staticString(attr(f, 'e').expr), 'hi\n');
  assert.deepEqual(traversalSteps(attr(f, 'c').expr), { root: 'aws_s3_bucket', steps: ['logs', 0, 'tags', 'Name'] });
  assert.equal(traversalSteps(attr(f, 'd').expr), undefined);
  assert.equal(traversalSteps(attr(f, 'a').expr), undefined);
});
