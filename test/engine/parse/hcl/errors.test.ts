import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl, MAX_DEPTH, type Block } from '../../../../server/src/engine/parse/hcl/index';
import { as, assertRangesWithin, at, attr, block } from './helpers';

const realistic = readFileSync(join(import.meta.dirname ?? __dirname, 'fixtures/realistic.tf'), 'utf8');

test('unclosed block: message names the block and its line; a later block is still parsed', () => {
  const src = '# header\n\nresource "aws_s3_bucket" "a" {\n  bucket = "x"\n\nresource "aws_s3_bucket" "b" {\n  bucket = "y"\n}\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, [
    { start: at(src, '"x"') + 3, end: at(src, '"x"') + 3, message: 'expected \'}\' to close the block "resource" opened at line 3' },
  ]);
  const a = block(f, 'resource', 'aws_s3_bucket', 'a');
  assert.equal(a.closeBrace, -1);
  assert.equal(a.end, at(src, '"x"') + 3);
  assert.equal(attr(a.body, 'bucket').expr.type, 'Template');
  const b = block(f, 'resource', 'aws_s3_bucket', 'b');
  assert.equal(b.closeBrace, src.length - 2);
});

test('unclosed block at end of file is kept with closeBrace -1', () => {
  const src = 'locals {\n  a = 1\n';
  const f = parseHcl(src);
  assert.equal(f.errors.length, 1);
  assert.equal(f.errors[0]!.message, 'expected \'}\' to close the block "locals" opened at line 1');
  const l = block(f, 'locals');
  assert.equal(l.closeBrace, -1);
  assert.equal(as(attr(l.body, 'a').expr, 'Literal').value, 1);
});

test('unterminated string: reported on its line, the next lines still parse', () => {
  const src = 'resource "a" "b" {\n  x = "abc\n  y = 2\n}\nresource "c" "d" {}\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, [{ start: at(src, '"abc'), end: at(src, '"abc') + 4, message: 'unterminated string: add the closing \'"\' on the same line' }]);
  const b = block(f, 'resource', 'a', 'b');
  assert.equal(as(attr(b.body, 'y').expr, 'Literal').value, 2);
  assert.equal(block(f, 'resource', 'c', 'd').closeBrace, src.length - 2);
});

test('unexpected character: message quotes it, recovery at the next line', () => {
  const src = 'a = 1 @ 2\nb = 3\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, [{ start: at(src, '@'), end: at(src, '@') + 1, message: "unexpected character '@'" }]);
  assert.equal(as(attr(f, 'b').expr, 'Literal').value, 3);
});

test('missing value, missing "=" and stray closing brace', () => {
  const src = 'a =\nb 1\n}\nc = 2\n';
  const f = parseHcl(src);
  assert.deepEqual(
    f.errors.map((e) => [e.message, e.start]),
    [
      ['expected an expression, found end of line', at(src, '\nb')],
      ["expected '=' (an argument) or '{' (a block) after \"b\", found '1'", at(src, '1')],
      ["unexpected '}': there is no open block to close", at(src, '}')],
    ],
  );
  assert.equal(attr(f, 'a').expr.type, 'Invalid');
  assert.equal(as(attr(f, 'c').expr, 'Literal').value, 2);
});

test('unclosed list before the next argument', () => {
  const src = 'a = [1, 2\nb = 3\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, [{ start: at(src, '2') + 1, end: at(src, '2') + 1, message: "expected ']' to close the list opened at line 1" }]);
  assert.equal(as(attr(f, 'a').expr, 'Tuple').items.length, 2);
  assert.equal(as(attr(f, 'b').expr, 'Literal').value, 3);
});

test('missing comma between list items is reported and the items kept', () => {
  const src = 'a = [\n  "x"\n  "y"\n]\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors.map((e) => e.message), ["expected ',' between the items of the list"]);
  assert.equal(as(attr(f, 'a').expr, 'Tuple').items.length, 2);
});

test('unclosed object inside a block before the next resource', () => {
  const src = 'resource "a" "b" {\n  tags = {\n    Name = "x"\n\nresource "c" "d" {\n}\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors.map((e) => e.message), [
    "expected '}' to close the object opened at line 2",
    'expected \'}\' to close the block "resource" opened at line 1',
  ]);
  assert.equal(block(f, 'resource', 'c', 'd').closeBrace, src.length - 2);
});

test('template errors: unclosed interpolation, unmatched directives, bad escapes', () => {
  const src = 'a = "${var.x"\nb = "%{ endif }"\nc = "%{ if x }y"\nd = "\\q"\ne = 1\n';
  const f = parseHcl(src);
  assert.deepEqual(
    f.errors.map((e) => e.message),
    [
      "expected '}' to close the interpolation opened at line 1, found a string",
      '%{endif} has no matching %{if}',
      'expected %{endif} to close the %{if} opened at line 3',
      "invalid escape sequence '\\q' (valid: \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN)",
    ],
  );
  assert.equal(as(attr(f, 'e').expr, 'Literal').value, 1);
});

test('unterminated heredoc and malformed heredoc introducer', () => {
  const f1 = parseHcl('a = <<EOT\nline\n');
  assert.deepEqual(f1.errors.map((e) => [e.message, e.start, e.end]), [['unterminated heredoc: no line containing only "EOT" closes it', 4, 10]]);
  assert.equal(as(attr(f1, 'a').expr, 'Template').parts.length, 1);
  const f2 = parseHcl('a = << EOT\nb = 1\n');
  assert.equal(f2.errors[0]!.message, "invalid heredoc: expected a marker such as <<EOT or <<-EOT after '<<'");
  assert.equal(as(attr(f2, 'b').expr, 'Literal').value, 1);
});

test('truncated realistic file: every 37th cut parses without throwing, ranges inside the text', () => {
  for (let i = 0; i <= realistic.length; i += 37) {
    const text = realistic.slice(0, i);
    const f = parseHcl(text);
    assertRangesWithin(text, f);
    for (const e of f.errors) assert.ok(e.message.length > 10, e.message);
  }
});

test('random mutations never throw or produce ranges outside the text', () => {
  let seed = 12345;
  const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const alphabet = ['{', '}', '[', ']', '(', ')', '"', '$', '%', '~', '<<EOT\n', '<<-X\n', '\n', '\r', '\\', '.', '*', ',', ':', '=', '?', '!', '#', '/*', '//', ' ', 'a', '0', '${', '%{', 'é', '\uD83D'];
  for (let k = 0; k < 500; k++) {
    const chars = realistic.split('');
    const edits = 1 + Math.floor(rnd() * 6);
    for (let j = 0; j < edits; j++) {
      const p = Math.floor(rnd() * chars.length);
      const op = rnd();
      const ins = alphabet[Math.floor(rnd() * alphabet.length)]!;
      if (op < 0.33) chars.splice(p, 1 + Math.floor(rnd() * 20));
      else if (op < 0.66) chars.splice(p, 0, ins);
      else chars[p] = ins;
    }
    const text = chars.join('');
    const f = parseHcl(text);
    assertRangesWithin(text, f);
  }
});

function depthOfBlocks(b: Block): number {
  let d = 1;
  let cur = b;
  for (;;) {
    const next = cur.body.items.find((i): i is Block => i.type === 'Block');
    if (!next) return d;
    cur = next;
    d++;
  }
}

test(`10,000-deep nesting is cut at ${MAX_DEPTH} levels with one clear error, the rest still parses`, () => {
  const N = 10_000;
  const cases = [
    'a = ' + '['.repeat(N) + ']'.repeat(N),
    'a = ' + '{ a = '.repeat(N) + '1' + ' }'.repeat(N),
    'a = ' + '('.repeat(N) + '1' + ')'.repeat(N),
    'a = ' + '-'.repeat(N) + '1',
    'a = ' + 'f('.repeat(N) + ')'.repeat(N),
    'a = x' + '[x'.repeat(N) + ']'.repeat(N),
    'a = ' + '"${'.repeat(N) + '1' + '}"'.repeat(N),
    'a = "' + '%{ if x }'.repeat(N) + '"',
    'a = ' + 'x ? y : '.repeat(N) + 'z',
    'a ' + '{ b '.repeat(N) + '}'.repeat(N),
  ];
  for (const c of cases) {
    const src = c + '\nlater = 1\n';
    const f = parseHcl(src);
    const deep = f.errors.filter((e) => e.message === `nesting deeper than ${MAX_DEPTH} levels`);
    assert.equal(deep.length, 1, `${c.slice(0, 12)}: ${JSON.stringify(f.errors.slice(0, 3))}`);
    assert.ok(deep[0]!.start > 0 && deep[0]!.start < c.length);
    assert.equal(as(attr(f, 'later').expr, 'Literal').value, 1, c.slice(0, 12));
    assertRangesWithin(src, f);
  }
  const blocks = parseHcl('a ' + '{ b '.repeat(N) + '}'.repeat(N) + '\n');
  assert.equal(depthOfBlocks(block(blocks, 'a')), MAX_DEPTH);
});

test('10,000 unclosed brackets report once at the cut and once at the end', () => {
  const src = 'a = ' + '['.repeat(10_000);
  const f = parseHcl(src);
  assert.deepEqual(f.errors.map((e) => e.message), [`nesting deeper than ${MAX_DEPTH} levels`, "expected ']' to close the list opened at line 1"]);
});

test('unindented files: a nested block named like a top-level one does not end its parent', () => {
  const src = 'resource "a" "b" {\ndata {\nx = 1\n}\nprovider = aws.west\n}\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  const r = block(f, 'resource', 'a', 'b');
  assert.equal(r.closeBrace, src.length - 2);
  assert.equal(block(r.body, 'data').body.items.length, 1);
  assert.equal(attr(r.body, 'provider').expr.type, 'GetAttr');
});

test('a 250 kB line of one-line blocks and junk stays linear and keeps every block', () => {
  const src = 'a {}\t'.repeat(50_000) + '\nb = 1\n';
  const f = parseHcl(src);
  assert.equal(f.body.items.filter((i) => i.type === 'Block').length, 50_000);
  assert.ok(f.errors.length > 0 && f.errors.length <= 1000);
  assert.equal(as(attr(f, 'b').expr, 'Literal').value, 1);
});

test('broken for expressions: reported, skipped to their closer, and never past the next argument', () => {
  const src = 'a = [for x in y x]\nb = [for x in y : x\nc = { for k, v in m : k v }\nd = 4\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors.map((e) => e.message), [
    "expected ':' after the collection of the for expression, found 'x'",
    "expected ']' to close the for expression opened at line 2",
    "expected '=>' between the key and the value of the for expression, found 'v'",
  ]);
  assert.equal(attr(f, 'a').expr.type, 'Invalid');
  assert.deepEqual([attr(f, 'a').expr.start, attr(f, 'a').expr.end], [4, at(src, ']') + 1]);
  assert.equal(as(attr(f, 'b').expr, 'For').valueVar.name, 'x');
  assert.equal(attr(f, 'c').expr.type, 'Invalid');
  assert.equal(as(attr(f, 'd').expr, 'Literal').value, 4);
});
