import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl, parseTemplate, type TemplateExpr } from '../../../../server/src/engine/parse/hcl/index';
import { as, at, attr } from './helpers';

function tpl(src: string, name = 'x'): TemplateExpr {
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  return as(attr(f, name).expr, 'Template');
}

test('quoted template: text and interpolation parts with exact offsets', () => {
  const src = 'x = "my-${var.env}-bucket"\n';
  const t = tpl(src);
  assert.equal(t.start, 4);
  assert.equal(t.end, src.length - 1);
  assert.equal(t.contentStart, 5);
  assert.equal(t.contentEnd, src.length - 2);
  assert.equal(t.heredoc, undefined);
  assert.equal(t.parts.length, 3);
  assert.deepEqual(t.parts[0], { type: 'Text', value: 'my-', start: 5, end: 8 });
  const i = t.parts[1]!;
  assert.equal(i.type, 'Interp');
  if (i.type !== 'Interp') return;
  assert.deepEqual([i.start, i.end, i.stripLeft, i.stripRight], [8, at(src, '}') + 1, false, false]);
  assert.equal(as(i.expr, 'GetAttr').start, at(src, 'var.env'));
  assert.deepEqual(t.parts[2], { type: 'Text', value: '-bucket', start: at(src, '-bucket'), end: at(src, '-bucket') + 7 });
});

test('escapes are decoded; the text part spans the raw source', () => {
  const src = 'x = "a\\n\\t\\"q\\"\\\\ \\u00e9\\U0001F600 $${lit} %%{lit} $5 100%"\n';
  const t = tpl(src);
  assert.equal(t.parts.length, 1);
  const p = t.parts[0]!;
  assert.equal(p.type, 'Text');
  if (p.type !== 'Text') return;
  assert.equal(p.value, 'a\n\t"q"\\ é😀 ${lit} %{lit} $5 100%');
  assert.deepEqual([p.start, p.end], [5, src.length - 2]);
});

test('an empty string has no parts', () => {
  const t = tpl('x = ""\n');
  assert.deepEqual(t.parts, []);
  assert.deepEqual([t.contentStart, t.contentEnd], [5, 5]);
});

test('interpolation may contain nested quoted templates and objects', () => {
  const src = 'x = "${lookup({ "a" = "b" }, "k", "${var.d}")}"\n';
  const t = tpl(src);
  assert.equal(t.parts.length, 1);
  const i = t.parts[0]!;
  if (i.type !== 'Interp') return assert.fail('interp expected');
  const call = as(i.expr, 'Call');
  assert.equal(call.args.length, 3);
  const inner = as(call.args[2]!, 'Template');
  assert.equal(inner.start, at(src, '"${var.d}"'));
});

test('strip markers remove whitespace next to interpolations and directives', () => {
  const t = tpl('x = "a  ${~ b ~}  c %{ if d ~}  yes  %{~ endif }"\n');
  const vals = t.parts.map((p) => (p.type === 'Text' ? p.value : p.type));
  assert.deepEqual(vals, ['a', 'Interp', 'c ', 'If']);
  const i = t.parts[1]!;
  if (i.type !== 'Interp') return assert.fail();
  assert.deepEqual([i.stripLeft, i.stripRight], [true, true]);
  const iff = t.parts[3]!;
  if (iff.type !== 'If') return assert.fail();
  assert.deepEqual(iff.then.map((p) => (p.type === 'Text' ? p.value : p.type)), ['yes']);
});

test('if/else/endif directive with exact offsets', () => {
  const src = 'x = "%{ if var.on }on%{ else }off%{ endif }!"\n';
  const t = tpl(src);
  const iff = t.parts[0]!;
  if (iff.type !== 'If') return assert.fail();
  assert.equal(iff.start, 5);
  assert.equal(iff.end, at(src, '!'));
  assert.equal(as(iff.cond, 'GetAttr').start, at(src, 'var.on'));
  assert.deepEqual(iff.then, [{ type: 'Text', value: 'on', start: at(src, 'on%'), end: at(src, 'on%') + 2 }]);
  assert.deepEqual(iff.else, [{ type: 'Text', value: 'off', start: at(src, 'off'), end: at(src, 'off') + 3 }]);
  assert.deepEqual(t.parts[1], { type: 'Text', value: '!', start: at(src, '!'), end: at(src, '!') + 1 });
});

test('for directive with key and value variables', () => {
  const src = 'x = "%{ for k, v in var.m }${k}=${v};%{ endfor }"\n';
  const t = tpl(src);
  const f = t.parts[0]!;
  if (f.type !== 'For') return assert.fail();
  assert.equal(f.keyVar!.name, 'k');
  assert.equal(f.valueVar.name, 'v');
  assert.deepEqual([f.valueVar.start, f.valueVar.end], [at(src, 'v in'), at(src, 'v in') + 1]);
  assert.deepEqual(f.body.map((p) => p.type), ['Interp', 'Text', 'Interp', 'Text']);
  assert.equal(f.end, src.length - 2);
});

test('heredoc <<EOT keeps indentation; closing marker may be indented', () => {
  const src = 'x = <<EOT\n    Foo\n      ${bar}\n    Baz\n  EOT\ny = 1\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  const t = as(attr(f, 'x').expr, 'Template');
  assert.deepEqual(t.heredoc, { marker: 'EOT', indented: false });
  assert.equal(t.start, 4);
  assert.equal(t.end, at(src, '  EOT') + 5);
  assert.equal(t.contentStart, at(src, '    Foo'));
  assert.equal(t.contentEnd, at(src, '  EOT'));
  assert.deepEqual(
    t.parts.map((p) => (p.type === 'Text' ? p.value : p.type)),
    ['    Foo\n      ', 'Interp', '\n    Baz\n'],
  );
  assert.equal(as(attr(f, 'y').expr, 'Literal').value, 1);
});

test('heredoc <<- removes the smallest indentation of non-blank lines', () => {
  const src = 'x = <<-EOT\n    Foo\n\n      Bar\n    ${baz}\n   \n    Qux\n  EOT\n';
  const t = tpl(src);
  assert.deepEqual(t.heredoc, { marker: 'EOT', indented: true });
  assert.deepEqual(
    t.parts.map((p) => (p.type === 'Text' ? p.value : p.type)),
    ['Foo\n\n  Bar\n', 'Interp', '\n\nQux\n'],
  );
  // Offsets of text parts still cover the raw lines, indentation included.
  assert.equal(t.parts[0]!.start, at(src, '    Foo'));
});

test('heredoc <<- with a less-indented interpolation line', () => {
  const t = tpl('x = <<-EOT\n    Foo\n  ${bar}\n    Baz\n  EOT\n');
  assert.deepEqual(
    t.parts.map((p) => (p.type === 'Text' ? p.value : p.type)),
    ['  Foo\n', 'Interp', '\n  Baz\n'],
  );
});

test('heredocs do not decode backslashes but do decode $${ and %%{', () => {
  const t = tpl('x = <<EOT\nC:\\dir "q" $${x} %%{y}\nEOT\n');
  assert.deepEqual(t.parts, [{ type: 'Text', value: 'C:\\dir "q" ${x} %{y}\n', start: 10, end: 33 }]);
});

test('heredoc with directives and strip markers (policy-style)', () => {
  const src = 'x = <<-EOT\n  [\n  %{ for i, a in arns ~}\n    "${a}"%{ if i < length(arns) - 1 },%{ endif }\n  %{ endfor ~}\n  ]\nEOT\n';
  const t = tpl(src);
  const kinds = t.parts.map((p) => (p.type === 'Text' ? JSON.stringify(p.value) : p.type));
  // Smallest indentation is 2: "  [" loses it, and the "  " before %{ for } becomes empty and is dropped.
  assert.deepEqual(kinds, [JSON.stringify('[\n'), 'For', JSON.stringify(']\n')]);
  const f = t.parts[1]!;
  if (f.type !== 'For') return assert.fail();
  assert.deepEqual(f.body.map((p) => (p.type === 'Text' ? p.value : p.type)), ['"', 'Interp', '"', 'If', '\n']);
});

test('CRLF heredoc: marker found, line breaks normalized in values', () => {
  const src = 'x = <<-EOT\r\n    a\r\n      b\r\n    EOT\r\ny = 2\r\n';
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  const t = as(attr(f, 'x').expr, 'Template');
  assert.deepEqual(t.parts.map((p) => (p.type === 'Text' ? p.value : '')), ['a\n  b\n']);
  assert.equal(t.contentStart, at(src, '    a'));
  assert.equal(t.end, at(src, 'EOT', 1) + 3);
  assert.equal(as(attr(f, 'y').expr, 'Literal').value, 2);
});

test('parseTemplate reads a whole string as template content', () => {
  const { template, errors } = parseTemplate('Hello ${name}, "quoted" \\n');
  assert.deepEqual(errors, []);
  assert.deepEqual(template.parts[0], { type: 'Text', value: 'Hello ', start: 0, end: 6 });
  assert.deepEqual(template.parts[2], { type: 'Text', value: ', "quoted" \\n', start: 13, end: 26 });
});
