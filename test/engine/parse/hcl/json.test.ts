import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTerraformJson } from '../../../../server/src/engine/parse/hcl/index';
import { as, assertRangesWithin, at, attr, block } from './helpers';

const doc = `{
  "//": "Managed by the platform team",
  "resource": {
    "aws_s3_bucket": {
      "logs": {
        "bucket": "logs-\\"\${var.env}\\"-\\u00e9",
        "force_destroy": false,
        "tags": { "Name": "logs", "\${var.k}": 2 },
        "//": "keep this bucket",
        "grants": [1.5, null, true]
      },
      "data": { "bucket": "data" }
    }
  },
  "variable": { "env": { "default": "dev" } },
  "locals": { "prefix": "demarc-\${var.env}" },
  "provider": { "aws": [ { "region": "us-east-1" }, { "alias": "west", "region": "us-west-2" } ] },
  "output": [ { "a": { "value": "\${aws_s3_bucket.logs.arn}" } } ]
}
`;

test('top-level keys become blocks with the right labels; offsets point into the JSON', () => {
  const f = parseTerraformJson(doc);
  assert.deepEqual(f.errors, []);
  const logs = block(f, 'resource', 'aws_s3_bucket', 'logs');
  assert.deepEqual(logs.blockType, { name: 'resource', start: at(doc, '"resource"'), end: at(doc, '"resource"') + 10 });
  assert.deepEqual(logs.labels, [
    { value: 'aws_s3_bucket', quoted: true, start: at(doc, '"aws_s3_bucket"'), end: at(doc, '"aws_s3_bucket"') + 15 },
    { value: 'logs', quoted: true, start: at(doc, '"logs"'), end: at(doc, '"logs"') + 6 },
  ]);
  assert.equal(logs.start, at(doc, '"logs"'));
  assert.equal(logs.openBrace, at(doc, '{\n        "bucket"'));
  assert.equal(logs.closeBrace, at(doc, ']\n      },') + 8);
  assert.equal(logs.end, logs.closeBrace + 1);
  assert.ok(block(f, 'resource', 'aws_s3_bucket', 'data'));
  assert.equal(as(attr(block(f, 'variable', 'env').body, 'default').expr, 'Template').parts.length, 1);
  assert.equal(block(f, 'locals').labels.length, 0);
  const providers = f.body.items.filter((i) => i.type === 'Block' && i.blockType.name === 'provider');
  assert.equal(providers.length, 2);
  assert.ok(block(f, 'output', 'a'));
});

test('a string with JSON escapes maps interpolation offsets back into the source', () => {
  const f = parseTerraformJson(doc);
  const bucket = as(attr(block(f, 'resource', 'aws_s3_bucket', 'logs').body, 'bucket').expr, 'Template');
  const raw = '"logs-\\"${var.env}\\"-\\u00e9"';
  const s = at(doc, raw);
  assert.deepEqual([bucket.start, bucket.end, bucket.contentStart, bucket.contentEnd], [s, s + raw.length, s + 1, s + raw.length - 1]);
  assert.equal(bucket.parts.length, 3);
  assert.deepEqual(bucket.parts[0], { type: 'Text', value: 'logs-"', start: s + 1, end: at(doc, '${var.env}') });
  const i = bucket.parts[1]!;
  if (i.type !== 'Interp') return assert.fail();
  assert.deepEqual([i.start, i.end], [at(doc, '${var.env}'), at(doc, '${var.env}') + 10]);
  const g = as(i.expr, 'GetAttr');
  assert.deepEqual(g.object, { type: 'Variable', name: 'var', start: at(doc, 'var.env'), end: at(doc, 'var.env') + 3 });
  assert.deepEqual(g.name, { name: 'env', start: at(doc, 'env}'), end: at(doc, 'env}') + 3 });
  assert.deepEqual(bucket.parts[2], { type: 'Text', value: '"-é', start: at(doc, '${var.env}') + 10, end: s + raw.length - 1 });
});

test('numbers, booleans, null, arrays and objects convert to literals, tuples and objects', () => {
  const f = parseTerraformJson(doc);
  const body = block(f, 'resource', 'aws_s3_bucket', 'logs').body;
  assert.deepEqual(attr(body, 'force_destroy').expr, { type: 'Literal', value: false, start: at(doc, 'false'), end: at(doc, 'false') + 5 });
  const grants = as(attr(body, 'grants').expr, 'Tuple');
  assert.deepEqual(grants.items.map((x) => as(x, 'Literal').value), [1.5, null, true]);
  const tags = as(attr(body, 'tags').expr, 'Object');
  assert.equal(tags.items.length, 2);
  const k0 = as(tags.items[0]!.key, 'Template');
  assert.equal(k0.start, at(doc, '"Name"'));
  const k1 = as(tags.items[1]!.key, 'Template');
  assert.equal(k1.parts[0]!.type, 'Interp');
  assert.equal(k1.parts[0]!.start, at(doc, '${var.k}'));
  assert.equal(as(tags.items[1]!.value, 'Literal').value, 2);
});

test('"//" keys are comments, not attributes', () => {
  const f = parseTerraformJson(doc);
  assert.deepEqual(f.comments.map((c) => [c.style, c.text, c.start]), [
    ['//', 'Managed by the platform team', at(doc, '"//"')],
    ['//', 'keep this bucket', at(doc, '"//"', 1)],
  ]);
  const body = block(f, 'resource', 'aws_s3_bucket', 'logs').body;
  assert.ok(!body.items.some((i) => i.type === 'Attribute' && i.name.name === '//'));
});

test('tfvars.json: every top-level key is an attribute', () => {
  const src = '{ "environment": "prod", "locals": 3 }';
  const f = parseTerraformJson(src, { tfvars: true });
  assert.deepEqual(f.errors, []);
  assert.deepEqual(f.body.items.map((i) => (i.type === 'Attribute' ? i.name.name : 'block')), ['environment', 'locals']);
  assert.equal(attr(f, 'environment').name.start, at(src, '"environment"'));
});

test('JSON syntax errors are reported and what can be read is kept', () => {
  const src = '{\n  "resource": {\n    "aws_s3_bucket": {\n      "a": { "bucket": "x", },\n      "b": { "bucket" "y" }\n    }\n  },\n  "locals": { "z": tru }\n';
  const f = parseTerraformJson(src);
  assert.deepEqual(f.errors.map((e) => e.message), [
    'a trailing comma is not allowed in JSON',
    "expected ':' after the property name, found a string",
    "unexpected word 'tru' (JSON strings need double quotes)",
    "expected '}' to close the object opened at line 1",
  ]);
  assert.equal(as(attr(block(f, 'resource', 'aws_s3_bucket', 'a').body, 'bucket').expr, 'Template').parts.length, 1);
  assert.ok(block(f, 'resource', 'aws_s3_bucket', 'b'));
  assertRangesWithin(src, f);
});

test('truncated and deeply nested JSON never throws', () => {
  for (let i = 0; i <= doc.length; i += 7) {
    const text = doc.slice(0, i);
    assertRangesWithin(text, parseTerraformJson(text));
  }
  const deep = '{"locals": {"a": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}}';
  const f = parseTerraformJson(deep);
  assert.deepEqual(f.errors.map((e) => e.message), ['nesting deeper than 200 levels']);
  assert.ok(block(f, 'locals'));
  const lone = '{{\n*\uD83D';
  assertRangesWithin(lone, parseTerraformJson(lone));
  const empty = parseTerraformJson('');
  assert.equal(empty.errors[0]!.message, 'empty file: a Terraform JSON file must contain one JSON object');
});
