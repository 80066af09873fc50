import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignedOffsets, parseJsonToVal, quotedOffsets } from '../../../../server/src/engine/evaluate/terraform/json';
import { toPlain } from '../../../../server/src/engine/evaluate/value';

test('JSON values get spans of their own text', () => {
  const text = '{ "Effect": "Allow", "Action": ["s3:*", 1.5e2, false, null] }';
  const v = parseJsonToVal(text, { file: '/f', base: 10 });
  assert.deepEqual(toPlain(v), { Effect: 'Allow', Action: ['s3:*', 150, false, null] });
  const eff = v?.kind === 'object' ? v.fields.get('Effect') : undefined;
  assert.equal(text.slice(eff!.value.span!.start - 10, eff!.value.span!.end - 10), '"Allow"');
  assert.equal(text.slice(eff!.keySpan!.start - 10, eff!.keySpan!.end - 10), '"Effect"');
});

test('invalid or truncated JSON gives undefined, never throws', () => {
  for (const t of ['{', '{"a":}', '[1,]', '{"a":1} x', '"\\q"', '', 'nul', '{"a": "\u0001"}']) assert.equal(parseJsonToVal(t, { file: '/f', base: 0 }), undefined, t);
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  assert.equal(parseJsonToVal(deep, { file: '/f', base: 0 }), undefined);
});

test('quoted HCL string offsets map decoded characters through escapes', () => {
  const src = '{\\"a\\": \\"x\\\\y\\u0041\\"}$${z}';
  const decoded = '{"a": "x\\yA"}${z}';
  const offs = quotedOffsets(src, 100, decoded)!;
  assert.equal(offs.length, decoded.length + 1);
  // `A` came from \u0041
  assert.equal(src.slice(offs[decoded.indexOf('A')]! - 100).slice(0, 6), '\\u0041');
  assert.equal(offs[decoded.length], 100 + src.length);
  assert.equal(quotedOffsets(src, 0, 'something else'), undefined);
});

test('heredoc offsets skip stripped indentation', () => {
  const src = '    {\n      "a": 1\n    }\n';
  const decoded = '{\n  "a": 1\n}\n';
  const offs = alignedOffsets(src, 0, decoded)!;
  assert.equal(src[offs[decoded.indexOf('"a"')]!], '"');
  assert.equal(src.slice(offs[decoded.indexOf('1')]!, offs[decoded.indexOf('1')]! + 1), '1');
});
