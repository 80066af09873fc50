import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate, deref, getPair, type MappingNode } from '../../../../server/src/engine/parse/cloudformation';
import { parseJsonToVal } from '../../../../server/src/engine/parse/json-value';
import { toPlain } from '../../../../server/src/engine/evaluate/value';
import { LineIndex } from '../../../../server/src/engine/text';

const parse = (text: string) => parseTemplate(text, 'cloudformation-json');
const slice = (text: string, n: { start: number; end: number } | undefined) => (n ? text.slice(n.start, n.end) : undefined);

describe('JSON template tree', () => {
  const text = `{
  "Resources": {
    "Bucket": {
      "Type": "AWS::S3::Bucket",
      "Properties": { "BucketName": "logs\\u0041", "Count": -1.5e2, "On": true, "Off": null, "Tags": [] }
    }
  }
}`;
  const t = parse(text);

  it('gives objects brace offsets and members exact key/value/comma spans', () => {
    assert.deepEqual(t.diagnostics, []);
    const res = deref(getPair(deref(t.root) as MappingNode, 'Resources')!.value) as MappingNode;
    const bucket = deref(getPair(res, 'Bucket')!.value) as MappingNode;
    assert.equal(bucket.style, 'json');
    assert.equal(text[bucket.open!], '{');
    assert.equal(text[bucket.close!], '}');
    const props = deref(getPair(bucket, 'Properties')!.value) as MappingNode;
    assert.ok(slice(text, props)!.startsWith('{ "BucketName"') && slice(text, props)!.endsWith('[] }'));
    const name = props.pairs[0]!;
    assert.equal(slice(text, name), '"BucketName": "logs\\u0041"');
    assert.equal(slice(text, name.key), '"BucketName"');
    assert.equal(text[name.comma!], ',');
    assert.equal(props.pairs[4]!.comma, undefined);
    const v = name.value!;
    assert.ok(v.kind === 'scalar');
    assert.equal(v.value, 'logsA');
    assert.equal(text.slice(v.contentStart, v.contentEnd), 'logs\\u0041');
    assert.deepEqual(props.pairs.slice(1).map((p) => (p.value!.kind === 'scalar' ? p.value!.value : p.value!.kind)), [-150, true, null, 'sequence']);
  });
});

describe('JSON bad input', () => {
  function errorsOf(text: string) {
    const lines = new LineIndex(text);
    return parse(text).diagnostics.map((d) => {
      const p = lines.positionAt(d.start);
      return `${p.line + 1}:${p.character + 1} ${d.code} ${d.message}`;
    });
  }

  it('reports syntax errors with line and column, and reads the rest', () => {
    const text = '{"Resources": {\n  "A": {"Type": "AWS::S3::Bucket", "Properties": {"X": tru}},\n  "B": {"Type": "AWS::SNS::Topic"}\n}}';
    assert.deepEqual(errorsOf(text), ["2:56 json-syntax Unexpected 'tru': expected a value (string, number, object, array, true, false or null)"]);
    const res = deref(getPair(deref(parse(text).root) as MappingNode, 'Resources')!.value) as MappingNode;
    assert.deepEqual(res.pairs.map((p) => p.keyText), ['A', 'B']);
  });

  it('reports trailing garbage', () => {
    assert.deepEqual(errorsOf('{"a": 1} trailing'), ['1:10 json-syntax Unexpected text after the end of the JSON document']);
  });

  it('reports missing commas, trailing commas, missing colons and unterminated strings', () => {
    assert.deepEqual(errorsOf('{"a": 1 "b": 2}'), ["1:8 json-syntax Missing ',' between properties"]);
    assert.deepEqual(errorsOf('{"a": [1, 2,], }'), ['1:12 json-syntax Trailing comma before ]', '1:14 json-syntax Trailing comma before }']);
    assert.deepEqual(errorsOf('{"a" 1}'), ['1:5 json-syntax Expected \':\' after property name "a"']);
    assert.deepEqual(errorsOf('{"a": "open\n}'), ['1:7 json-syntax Unterminated string: missing closing "']);
  });

  it('reports one problem for a truncated document', () => {
    assert.deepEqual(errorsOf('{"a": {"b": [1, 2'), ["1:13 json-syntax The document ends before this '[' is closed: missing ']'"]);
  });

  it('survives 10,000-deep nesting and reads what follows', () => {
    const text = '{"Deep": ' + '['.repeat(10_000) + ']'.repeat(10_000) + ', "After": 1}';
    const t0 = performance.now();
    const t = parse(text);
    const ms = performance.now() - t0;
    assert.deepEqual(t.diagnostics.map((d) => d.code), ['nesting-too-deep']);
    const after = deref(getPair(deref(t.root) as MappingNode, 'After')!.value);
    assert.ok(after?.kind === 'scalar' && after.value === 1);
    console.log(`10000-deep JSON: ${ms.toFixed(1)} ms`);
    const unclosed = parse('{"Deep": ' + '{"a": '.repeat(10_000));
    assert.ok(unclosed.diagnostics.length <= 3);
  });

  it('skips a BOM and reports an empty document', () => {
    assert.deepEqual(parse('\uFEFF{"a": 1}').diagnostics, []);
    assert.deepEqual(errorsOf('  '), ['1:1 json-syntax Empty JSON document']);
  });

  it('reports duplicate keys as warnings', () => {
    const d = parse('{"a": 1, "a": 2}').diagnostics;
    assert.deepEqual(d.map((x) => [x.severity, x.code]), [['warning', 'json-duplicate-key']]);
  });
});

describe('parseJsonToVal', () => {
  it('returns explicit values with spans and key spans, shifted by the base offset', () => {
    const json = '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"]}]}';
    const r = parseJsonToVal(json, '/f.tf', 100);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(toPlain(r.value), { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'] }] });
    const stmt = r.value!.kind === 'object' ? r.value!.fields.get('Statement')!.value : undefined;
    const first = stmt?.kind === 'list' ? stmt.items[0] : undefined;
    assert.ok(first?.kind === 'object');
    const effect = first.fields.get('Effect')!;
    assert.equal(effect.value.origin, 'explicit');
    assert.equal(json.slice(effect.value.span!.start - 100, effect.value.span!.end - 100), '"Allow"');
    assert.equal(json.slice(effect.keySpan!.start - 100, effect.keySpan!.end - 100), '"Effect"');
    assert.equal(effect.value.span!.file, '/f.tf');
  });

  it('maps offsets through an offset map and reports errors at mapped places', () => {
    // The JSON as written inside a file with every character doubled, e.g. an exotic encoding.
    const json = '{"a": x}';
    const map = Array.from({ length: json.length + 1 }, (_, i) => 1000 + 2 * i);
    const r = parseJsonToVal(json, '/f', 0, map);
    assert.deepEqual(r.errors.map((e) => [e.start, e.end]), [[1012, 1014]]);
    assert.deepEqual(toPlain(r.value), {});
  });

  it('is tolerant: a partial value and the errors', () => {
    const r = parseJsonToVal('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",', '/f');
    assert.ok(r.errors.length > 0);
    assert.deepEqual(toPlain(r.value), { Version: '2012-10-17', Statement: [{ Effect: 'Allow' }] });
  });
});
