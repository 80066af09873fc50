import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl } from '../../../../server/src/engine/parse/hcl/index';
import { as, at, attr, block } from './helpers';

test('blocks: quoted and bare labels, braces and body ranges', () => {
  const src = 'resource "aws_s3_bucket" logs {\n  bucket = "b"\n}\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  const b = block(f, 'resource');
  assert.deepEqual(b.blockType, { name: 'resource', start: 0, end: 8 });
  assert.deepEqual(b.labels, [
    { value: 'aws_s3_bucket', quoted: true, start: 9, end: 24 },
    { value: 'logs', quoted: false, start: 25, end: 29 },
  ]);
  assert.equal(b.openBrace, 30);
  assert.equal(b.closeBrace, src.length - 2);
  assert.deepEqual([b.start, b.end], [0, src.length - 1]);
  assert.deepEqual([b.body.start, b.body.end], [31, src.length - 2]);
  const a = attr(b.body, 'bucket');
  assert.deepEqual([a.start, a.end, a.name.start, a.name.end], [at(src, 'bucket ='), at(src, '"b"') + 3, at(src, 'bucket ='), at(src, 'bucket =') + 6]);
});

test('labels decode escapes', () => {
  const f = parseHcl('variable "a\\"b" {}\n');
  assert.deepEqual(f.errors, []);
  assert.equal(block(f, 'variable').labels[0]!.value, 'a"b');
});

test('one-line blocks and nested blocks', () => {
  const src = 'resource "aws_instance" "web" {\n  metadata_options { http_tokens = "required" }\n  root_block_device {}\n  ebs_block_device {\n    encrypted = true\n  }\n}\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  const r = block(f, 'resource', 'aws_instance', 'web');
  assert.equal(r.body.items.length, 3);
  const m = block(r.body, 'metadata_options');
  assert.equal(as(attr(m.body, 'http_tokens').expr, 'Template').start, at(src, '"required"'));
  assert.equal(m.closeBrace, at(src, '}'));
  assert.equal(block(r.body, 'root_block_device').body.items.length, 0);
  assert.equal(as(attr(block(r.body, 'ebs_block_device').body, 'encrypted').expr, 'Literal').value, true);
});

test('comments of all three styles are collected with offsets and text', () => {
  const src = '# hash\nx = 1 // slashes\n/* block\n comment */ y = 2 # trailing\nz = [ /* inside */ 1 ]\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  assert.deepEqual(f.comments, [
    { style: '#', text: ' hash', start: 0, end: 6 },
    { style: '//', text: ' slashes', start: at(src, '//'), end: at(src, '// slashes') + 10 },
    { style: '/*', text: ' block\n comment ', start: at(src, '/*'), end: at(src, '*/') + 2 },
    { style: '#', text: ' trailing', start: at(src, '# trailing'), end: at(src, '# trailing') + 10 },
    { style: '/*', text: ' inside ', start: at(src, '/* inside'), end: at(src, '*/', 1) + 2 },
  ]);
  assert.equal(as(attr(f, 'y').expr, 'Literal').value, 2);
});

test('comments are recorded once even when the parser looks ahead', () => {
  const src = 'a = {\n  # one\n  k = 1 # two\n}\nb = [for x in y : x] # three\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  assert.deepEqual(f.comments.map((c) => c.text), [' one', ' two', ' three']);
});

test('demarc:ignore style comments keep their exact text for suppression parsing', () => {
  const src = 'resource "aws_s3_bucket" "b" { # demarc:ignore aws-s3-versioning -- archive bucket\n}\n';
  const f = parseHcl(src);
  assert.equal(f.comments[0]!.text, ' demarc:ignore aws-s3-versioning -- archive bucket');
  assert.equal(f.comments[0]!.start, at(src, '#'));
});

test('CRLF, lone CR and a BOM are handled; offsets stay raw UTF-16 indices', () => {
  const src = '\uFEFFa = 1\r\nblock {\r\n  b = "x"\r\n}\rc = 3\r';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  assert.deepEqual(f.body.items.map((i) => (i.type === 'Attribute' ? i.name.name : i.blockType.name)), ['a', 'block', 'c']);
  assert.equal(attr(f, 'a').start, 1);
  const b = block(f, 'block');
  assert.equal(b.closeBrace, at(src, '}'));
  assert.equal(as(attr(b.body, 'b').expr, 'Template').start, at(src, '"x"'));
  assert.equal(attr(f, 'c').start, at(src, 'c = 3'));
});

test('non-ASCII identifiers (ID_Start/ID_Continue plus dash) and astral characters in strings', () => {
  const src = 'ñame-ü = "😀${é}"\nx = 1\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  const a = attr(f, 'ñame-ü');
  const t = as(a.expr, 'Template');
  assert.deepEqual(t.parts[0], { type: 'Text', value: '😀', start: at(src, '😀'), end: at(src, '😀') + 2 });
  const i = t.parts[1]!;
  if (i.type !== 'Interp') return assert.fail();
  assert.deepEqual(i.expr, { type: 'Variable', name: 'é', start: at(src, 'é}'), end: at(src, 'é}') + 1 });
});

test('tfvars-style files: attributes only, multi-line values', () => {
  const src = 'environment = "prod"\nadmin_cidrs = [\n  "10.0.0.0/8",\n]\ntags = {\n  Owner = "platform"\n}\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  assert.deepEqual(f.body.items.map((i) => i.type), ['Attribute', 'Attribute', 'Attribute']);
  assert.equal(f.body.end, src.length);
});
