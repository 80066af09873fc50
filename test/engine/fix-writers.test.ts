// The format writers on their own: structured values replacing scalars, inserts aligned with siblings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderYamlFlow, renderYamlLines } from '../../server/src/engine/fix/yaml';
import { renderHclBody, renderHclValue } from '../../server/src/engine/fix/hcl';
import { renderJson } from '../../server/src/engine/fix/json';
import { finalizeSnippet, stripSnippet } from '../../server/src/engine/fix/text';
import { placeholder } from '../../server/src/engine/fix/types';

test('YAML: lists and maps replacing a value in place are written in flow style', () => {
  assert.equal(renderYamlFlow(['TLSv1.2']), '[TLSv1.2]');
  assert.equal(renderYamlFlow([{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }]), '[{Key: routing.http.drop_invalid_header_fields.enabled, Value: "true"}]');
  assert.equal(renderYamlFlow(['a,b', 'x']), '["a,b", x]');
  assert.deepEqual(renderYamlLines({ Tags: [{ Key: 'Owner', Value: 'x' }] }, '  '), ['  Tags:', '    - Key: Owner', '      Value: x']);
});

test('HCL: objects become blocks, $attr objects stay attributes', () => {
  assert.deepEqual(renderHclBody({ metadata_options: { http_tokens: 'required' } }, '  ', '\n'), ['  metadata_options {', '    http_tokens = "required"', '  }']);
  assert.deepEqual(renderHclBody({ tags: { $attr: { Owner: 'x' } } }, '  ', '\n'), ['  tags = {\n    Owner = "x"\n  }']);
  assert.equal(renderHclValue(['a', 1, true], '', '\n'), '["a", 1, true]');
});

test('JSON: nested members indented under their parent', () => {
  assert.equal(renderJson({ A: { B: [1] } }, '  ', '\n'), '{\n    "A": {\n      "B": [1]\n    }\n  }');
});

test('snippets: placeholders become tab stops, other $ and } are escaped, and stripping restores the text', () => {
  const text = `kms = "${placeholder('arn:aws:kms:REGION')}" # \${x}`;
  const f = finalizeSnippet(text);
  assert.equal(f.snippet, true);
  assert.equal(f.text, 'kms = "${1:arn:aws:kms:REGION}" # \\${x\\}');
  assert.equal(stripSnippet(f.text), 'kms = "arn:aws:kms:REGION" # ${x}');
});

test('snippets: several placeholders number their tab stops in order; an unpaired marker still closes', () => {
  const f = finalizeSnippet(`${placeholder('a$b')} and ${placeholder('c}')}`);
  assert.equal(f.text, '${1:a\\$b} and ${2:c\\}}');
  assert.equal(stripSnippet(f.text), 'a$b and c}');
  assert.equal(finalizeSnippet('x \u0000open').text, 'x ${1:open}');
  assert.deepEqual(finalizeSnippet('no markers: $x}'), { text: 'no markers: $x}', snippet: false });
});
