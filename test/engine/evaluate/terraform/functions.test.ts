import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callFunction, type FunctionContext } from '../../../../server/src/engine/evaluate/terraform/functions';
import { isError } from '../../../../server/src/engine/evaluate/terraform/vals';
import { toPlain, type Val } from '../../../../server/src/engine/evaluate/value';

const span = { file: '/ws/p/main.tf', start: 100, end: 120 };
const ctx: FunctionContext = {
  span,
  readFile: (p) => (p === '/ws/p/policy.json' ? { path: p, text: '{"Statement":[]}' } : 'file not found'),
  renderTemplate: () => ({ kind: 'unknown', origin: 'unknown' }),
};

const s = (value: string): Val => ({ kind: 'string', value, origin: 'explicit', span: { file: '/ws/p/main.tf', start: 1, end: 2 } });
const n = (value: number): Val => ({ kind: 'number', value, origin: 'explicit' });
const b = (value: boolean): Val => ({ kind: 'bool', value, origin: 'explicit' });
const nul: Val = { kind: 'null', origin: 'explicit' };
const l = (...items: Val[]): Val => ({ kind: 'list', items, origin: 'explicit' });
const o = (entries: Record<string, Val>): Val => ({ kind: 'object', origin: 'explicit', fields: new Map(Object.entries(entries).map(([key, value]) => [key, { key, value }])) });
const unk = (): Val => ({ kind: 'unknown', origin: 'unknown', refs: [{ address: 'aws_kms_key.k', attribute: 'arn' }] });

function call(name: string, ...args: Val[]): Val {
  return callFunction(name, args, ctx);
}
function plain(name: string, ...args: Val[]): unknown {
  const v = call(name, ...args);
  assert.notEqual(v.kind, 'unknown', `${name} should be known, got ${JSON.stringify(v)}`);
  return toPlain(v);
}
function bad(name: string, ...args: Val[]): void {
  const v = call(name, ...args);
  assert.equal(v.kind, 'unknown', `${name} with wrong arguments should be unknown`);
  assert.ok(isError(v), `${name} with wrong arguments should be an error for try()`);
}

const cases: [string, () => void][] = [
  ['merge', () => {
    assert.deepEqual(plain('merge', o({ a: n(1), b: n(2) }), o({ b: n(3) }), nul), { a: 1, b: 3 });
    bad('merge', o({}), s('x'));
  }],
  ['concat', () => {
    assert.deepEqual(plain('concat', l(s('a')), l(s('b'), s('c'))), ['a', 'b', 'c']);
    bad('concat', l(), s('x'));
  }],
  ['lookup', () => {
    assert.equal(plain('lookup', o({ a: s('x') }), s('a')), 'x');
    assert.equal(plain('lookup', o({ a: s('x') }), s('b'), s('d')), 'd');
    bad('lookup', o({}), s('missing'));
    bad('lookup', s('notamap'), s('a'));
  }],
  ['coalesce', () => {
    assert.equal(plain('coalesce', nul, s(''), s('x')), 'x');
    bad('coalesce', nul, s(''));
  }],
  ['coalescelist', () => {
    assert.deepEqual(plain('coalescelist', l(), l(s('a'))), ['a']);
    bad('coalescelist', s('x'));
  }],
  ['format', () => {
    assert.equal(plain('format', s('%s-%d-%q-%v-%%'), s('a'), n(2), s('q'), b(true)), 'a-2-"q"-true-%');
    bad('format', s('%d'), s('notanumber'));
    bad('format', s('%s %s'), s('only one'));
  }],
  ['join', () => {
    assert.equal(plain('join', s(','), l(s('a'), s('b'))), 'a,b');
    bad('join', s(','), s('x'));
  }],
  ['split', () => {
    assert.deepEqual(plain('split', s(','), s('a,b')), ['a', 'b']);
    bad('split', s(','), l());
  }],
  ['lower/upper', () => {
    assert.equal(plain('lower', s('AbC')), 'abc');
    assert.equal(plain('upper', s('AbC')), 'ABC');
    bad('lower', l());
    bad('upper', o({}));
  }],
  ['replace', () => {
    assert.equal(plain('replace', s('a-b-c'), s('-'), s('_')), 'a_b_c');
    assert.equal(plain('replace', s('a1b22'), s('/[0-9]+/'), s('#')), 'a#b#');
    bad('replace', s('x'), l(), s('y'));
  }],
  ['substr', () => {
    assert.equal(plain('substr', s('hello'), n(1), n(3)), 'ell');
    assert.equal(plain('substr', s('hello'), n(-3), n(-1)), 'llo');
    bad('substr', s('hello'), s('a'), n(1));
  }],
  ['length', () => {
    assert.equal(plain('length', l(s('a'), s('b'))), 2);
    assert.equal(plain('length', o({ a: n(1) })), 1);
    assert.equal(plain('length', s('héllo')), 5);
    bad('length', n(3));
  }],
  ['element', () => {
    assert.equal(plain('element', l(s('a'), s('b')), n(3)), 'b');
    bad('element', l(), n(0));
    bad('element', s('x'), n(0));
  }],
  ['keys/values', () => {
    assert.deepEqual(plain('keys', o({ b: n(1), a: n(2) })), ['a', 'b']);
    assert.deepEqual(plain('values', o({ b: n(1), a: n(2) })), [2, 1]);
    bad('keys', l());
    bad('values', s('x'));
  }],
  ['contains', () => {
    assert.equal(plain('contains', l(s('a'), s('b')), s('b')), true);
    assert.equal(plain('contains', l(s('a')), s('z')), false);
    bad('contains', s('a'), s('a'));
  }],
  ['distinct', () => {
    assert.deepEqual(plain('distinct', l(s('a'), s('b'), s('a'))), ['a', 'b']);
    bad('distinct', o({}));
  }],
  ['flatten', () => {
    assert.deepEqual(plain('flatten', l(l(s('a'), l(s('b'))), s('c'))), ['a', 'b', 'c']);
    bad('flatten', s('x'));
  }],
  ['tolist/toset/tomap', () => {
    assert.deepEqual(plain('tolist', l(s('a'))), ['a']);
    assert.deepEqual(plain('toset', l(s('b'), s('a'), s('b'))), ['a', 'b']);
    assert.deepEqual(plain('tomap', o({ a: s('x') })), { a: 'x' });
    bad('tolist', s('x'));
    bad('toset', n(1));
    bad('tomap', l());
  }],
  ['tostring/tonumber/tobool', () => {
    assert.equal(plain('tostring', n(5)), '5');
    assert.equal(plain('tonumber', s('42')), 42);
    assert.equal(plain('tobool', s('true')), true);
    bad('tostring', l());
    bad('tonumber', s('abc'));
    bad('tobool', s('yes'));
  }],
  ['jsonencode', () => {
    const v = call('jsonencode', o({ b: n(1), a: l(s('x')) }));
    assert.equal(v.kind, 'string');
    assert.equal(v.kind === 'string' && v.value, '{"a":["x"],"b":1}');
    assert.deepEqual(v.kind === 'string' && toPlain(v.json), { b: 1, a: ['x'] });
    bad('jsonencode', s('a'), s('b'));
  }],
  ['jsondecode', () => {
    assert.deepEqual(plain('jsondecode', s('{"a":[1,true,null]}')), { a: [1, true, null] });
    bad('jsondecode', s('{not json'));
    bad('jsondecode', n(1));
  }],
  ['file', () => {
    const v = call('file', s('/ws/p/policy.json'));
    assert.equal(v.kind === 'string' && v.value, '{"Statement":[]}');
    assert.deepEqual(v.kind === 'string' && toPlain(v.json), { Statement: [] });
    assert.equal(call('file', s('/ws/p/missing.json')).kind, 'unknown');
    bad('file', l());
  }],
  ['min/max/abs', () => {
    assert.equal(plain('min', n(3), n(1), n(2)), 1);
    assert.equal(plain('max', n(3), n(1), s('7')), 7);
    assert.equal(plain('abs', n(-4)), 4);
    bad('min', s('a'));
    bad('abs', l());
  }],
  ['cidrsubnet', () => {
    assert.equal(plain('cidrsubnet', s('10.0.0.0/16'), n(8), n(2)), '10.0.2.0/24');
    assert.equal(call('cidrsubnet', s('fd00::/56'), n(8), n(1)).kind, 'unknown');
  }],
  ['compact/one', () => {
    assert.deepEqual(plain('compact', l(s('a'), s(''), nul, s('b'))), ['a', 'b']);
    assert.equal(plain('one', l(s('x'))), 'x');
    assert.equal(plain('one', l()), null);
    bad('compact', s('x'));
    bad('one', l(s('a'), s('b')));
  }],
  ['range/slice/sort/reverse/index', () => {
    assert.deepEqual(plain('range', n(3)), [0, 1, 2]);
    assert.deepEqual(plain('range', n(1), n(7), n(3)), [1, 4]);
    assert.deepEqual(plain('range', n(3), n(0)), [3, 2, 1]);
    assert.deepEqual(plain('slice', l(s('a'), s('b'), s('c')), n(1), n(3)), ['b', 'c']);
    assert.deepEqual(plain('sort', l(s('b'), s('a'))), ['a', 'b']);
    assert.deepEqual(plain('reverse', l(s('b'), s('a'))), ['a', 'b']);
    assert.equal(plain('index', l(s('b'), s('a')), s('a')), 1);
    bad('range', n(1), n(5), n(0));
    bad('range', n(1e9));
    bad('slice', l(s('a')), n(0), n(5));
    bad('sort', l(l()));
    bad('reverse', s('x'));
    bad('index', l(s('a')), s('z'));
  }],
  ['zipmap/sum/alltrue/anytrue', () => {
    assert.deepEqual(plain('zipmap', l(s('a'), s('b')), l(n(1), n(2))), { a: 1, b: 2 });
    assert.equal(plain('sum', l(n(1), n(2), s('3'))), 6);
    assert.equal(plain('alltrue', l(b(true), s('true'))), true);
    assert.equal(plain('anytrue', l(b(false), b(true))), true);
    assert.equal(plain('anytrue', l()), false);
    assert.equal(plain('alltrue', l(b(false), unk())), false, 'decided despite an unknown element');
    assert.equal(call('alltrue', l(b(true), unk())).kind, 'unknown');
    bad('zipmap', l(s('a')), l());
    bad('sum', l());
    bad('alltrue', l(s('maybe')));
  }],
  ['ceil/floor/signum', () => {
    assert.equal(plain('ceil', n(1.2)), 2);
    assert.equal(plain('floor', n(1.8)), 1);
    assert.equal(plain('signum', n(-3)), -1);
    bad('ceil', s('x'));
  }],
  ['base64/trim/strrev', () => {
    assert.equal(plain('base64encode', s('#!/bin/bash')), 'IyEvYmluL2Jhc2g=');
    assert.equal(plain('base64decode', s('IyEvYmluL2Jhc2g=')), '#!/bin/bash');
    assert.equal(plain('trim', s('?!hello?!'), s('!?')), 'hello');
    assert.equal(plain('strrev', s('abc')), 'cba');
    bad('base64decode', s('not base64!'));
    bad('trim', s('x'), l());
  }],
  ['setunion/setintersection/setsubtract', () => {
    assert.deepEqual(plain('setunion', l(s('a'), s('b')), l(s('b'), s('c'))), ['a', 'b', 'c']);
    assert.deepEqual(plain('setintersection', l(s('a'), s('b')), l(s('b'), s('c'))), ['b']);
    assert.deepEqual(plain('setsubtract', l(s('a'), s('b')), l(s('b'))), ['a']);
    bad('setunion', s('a'));
  }],
];

for (const [name, fn] of cases) test(`function ${name}`, fn);

test('unknown arguments make the result unknown and keep the refs', () => {
  for (const name of ['merge', 'concat', 'join', 'lower', 'format', 'length', 'tolist']) {
    const args = name === 'join' || name === 'format' ? [s(','), unk()] : [unk()];
    const v = call(name, ...args);
    assert.equal(v.kind, 'unknown', name);
    assert.deepEqual(v.refs, [{ address: 'aws_kms_key.k', attribute: 'arn' }], name);
    assert.ok(!isError(v), `${name}: an unknown input is not an error`);
  }
});

test('functions that are not evaluated say so', () => {
  const v = call('timestamp');
  assert.equal(v.kind, 'unknown');
  assert.equal(v.kind === 'unknown' && v.reason, 'function timestamp is not evaluated');
});

test('a derived argument makes the result derived with its chain', () => {
  const d: Val = { kind: 'string', value: 'PROD', origin: 'derived', span: { file: '/ws/p/main.tf', start: 5, end: 12 }, via: [{ file: '/ws/p/vars.tf', start: 40, end: 46 }] };
  const v = call('lower', d);
  assert.equal(v.origin, 'derived');
  assert.deepEqual(v.span, span);
  assert.deepEqual(v.via, [d.span, d.via![0]]);
});
