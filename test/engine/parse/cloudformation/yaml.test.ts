import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  deref,
  getPair,
  parseTemplate,
  TAG_TO_FUNCTION,
  type CfnNode,
  type MappingNode,
  type SequenceNode,
} from '../../../../server/src/engine/parse/cloudformation';

function parse(text: string) {
  return parseTemplate(text, 'cloudformation-yaml');
}
const slice = (text: string, n: { start: number; end: number } | undefined) => (n ? text.slice(n.start, n.end) : undefined);

function path(root: CfnNode | undefined, ...keys: (string | number)[]): CfnNode | undefined {
  let cur = deref(root);
  for (const k of keys) {
    if (!cur) return undefined;
    if (typeof k === 'number') cur = cur.kind === 'sequence' ? deref(cur.items[k]) : undefined;
    else cur = cur.kind === 'mapping' ? deref(getPair(cur, k)?.value) : undefined;
  }
  return cur;
}

describe('YAML template tree', () => {
  const text = `Resources:
  Bucket:
    Type: AWS::S3::Bucket   # trailing comment
    Properties:
      BucketName: "quoted-name"
      Tags: [{Key: a, Value: b}, {Key: c, Value: d}]
      Inline: {X: 1, Y: two}
      List:
        - one
        - two
`;
  const r = parse(text);

  it('gives block mappings their span, key column and pairs with key/value spans', () => {
    assert.deepEqual(r.diagnostics, []);
    const props = path(r.root, 'Resources', 'Bucket', 'Properties') as MappingNode;
    assert.equal(props.kind, 'mapping');
    assert.equal(props.style, 'block');
    assert.equal(props.keyColumn, 6);
    assert.ok(slice(text, props)!.startsWith('BucketName: "quoted-name"'));
    assert.ok(slice(text, props)!.endsWith('- two'));
    const name = props.pairs[0]!;
    assert.equal(name.keyText, 'BucketName');
    assert.equal(slice(text, name.key), 'BucketName');
    assert.equal(slice(text, name.value), '"quoted-name"');
    assert.equal(slice(text, name), 'BucketName: "quoted-name"');
    assert.equal(text[name.colon!], ':');
    const sc = name.value!;
    assert.ok(sc.kind === 'scalar');
    assert.equal(sc.style, 'double');
    assert.equal(text.slice(sc.contentStart, sc.contentEnd), 'quoted-name');
  });

  it('marks flow collections with their brackets', () => {
    const inline = path(r.root, 'Resources', 'Bucket', 'Properties', 'Inline') as MappingNode;
    assert.equal(inline.style, 'flow');
    assert.equal(slice(text, inline), '{X: 1, Y: two}');
    assert.equal(text[inline.open!], '{');
    assert.equal(text[inline.close!], '}');
    assert.equal(inline.keyColumn, -1);
    const tags = path(r.root, 'Resources', 'Bucket', 'Properties', 'Tags') as SequenceNode;
    assert.equal(tags.style, 'flow');
    assert.equal(slice(text, tags.items[1]), '{Key: c, Value: d}');
    const list = path(r.root, 'Resources', 'Bucket', 'Properties', 'List') as SequenceNode;
    assert.equal(list.style, 'block');
    assert.equal(list.itemColumn, 8);
    assert.deepEqual(list.items.map((i) => slice(text, i)), ['one', 'two']);
  });

  it('ends block collections at their last value, before trailing comments', () => {
    const src = 'A:\n  b: 1 # c1\n  # trailing\n\nC:\n  - x # c2\nD: |\n  lit\n\n# end\n';
    const t = parse(src);
    assert.deepEqual(
      (deref(t.root) as MappingNode).pairs.map((p) => [slice(src, p), slice(src, p.value)]),
      [['A:\n  b: 1', 'b: 1'], ['C:\n  - x', '- x'], ['D: |\n  lit', '|\n  lit']],
    );
    assert.equal(t.comments.length, 4);
  });

  it('does not include trailing comments in a value', () => {
    const type = path(r.root, 'Resources', 'Bucket', 'Type');
    assert.equal(slice(text, type), 'AWS::S3::Bucket');
    assert.deepEqual(r.comments.map((c) => [c.text, slice(text, c)]), [[' trailing comment', '# trailing comment']]);
  });

  it('records every short-form intrinsic tag with the tag inside the node span', () => {
    const tags = Object.keys(TAG_TO_FUNCTION).slice(0, 18);
    assert.ok(tags.includes('!Transform') && tags.includes('!GetAZs'));
    const lines = tags.map((t, i) => `  K${i}: ${t} ${t === '!GetAtt' ? 'A.B' : '[a, b]'}`);
    const src = `Values:\n${lines.join('\n')}\n  Seq: !Sub\n    - "\${x}"\n    - x: 1\n  Empty: !GetAZs\n`;
    const t = parse(src);
    assert.deepEqual(t.diagnostics, []);
    tags.forEach((tag, i) => {
      const n = path(t.root, 'Values', `K${i}`)!;
      assert.equal(n.tag, tag);
      assert.equal(slice(src, n), `${tag} ${tag === '!GetAtt' ? 'A.B' : '[a, b]'}`);
      assert.equal(src.slice(n.valueStart, n.end), tag === '!GetAtt' ? 'A.B' : '[a, b]');
    });
    const seq = path(t.root, 'Values', 'Seq')!;
    assert.equal(seq.kind, 'sequence');
    assert.ok(slice(src, seq)!.startsWith('!Sub\n    - "${x}"'));
    const empty = path(t.root, 'Values', 'Empty')!;
    assert.equal(empty.tag, '!GetAZs');
    assert.equal(slice(src, empty), '!GetAZs');
  });

  it('reports unknown tags as warnings and keeps the value', () => {
    const src = 'A: !Bogus value\nB: 1\n';
    const t = parse(src);
    assert.deepEqual(t.diagnostics.map((d) => [d.severity, d.code, slice(src, d)]), [['warning', 'yaml-unknown-tag', '!Bogus']]);
    const a = path(t.root, 'A')!;
    assert.ok(a.kind === 'scalar' && a.value === 'value');
  });

  it('resolves scalars with the core schema, and tagged scalars as strings', () => {
    const t = parse('a: true\nb: 12\nc: ~\nd: yes\ne: "12"\nf: !Ref 12\ng: 2010-09-09\n');
    const v = (k: string) => (path(t.root, k) as { value?: unknown }).value;
    assert.deepEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(v), [true, 12, null, 'yes', '12', '12', '2010-09-09']);
  });

  it('keeps aliases as pointers to their anchors', () => {
    const src = 'a: &x {k: v}\nb: *x\n';
    const t = parse(src);
    const b = deref(t.root) as MappingNode;
    const alias = b.pairs[1]!.value!;
    assert.equal(alias.kind, 'alias');
    assert.equal(slice(src, alias), '*x');
    assert.equal(deref(alias), deref(b.pairs[0]!.value));
  });
});

describe('YAML bad input', () => {
  it('bounds an alias bomb quickly with a clear problem', () => {
    let src = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 20; i++) {
      const p = String.fromCharCode(96 + i);
      const c = String.fromCharCode(97 + i);
      src += `${c}: &${c} [${Array(9).fill('*' + p).join(',')}]\n`;
    }
    const t0 = performance.now();
    const t = parse(src);
    const ms = performance.now() - t0;
    const d = t.diagnostics.find((x) => x.code === 'yaml-alias-limit');
    assert.ok(d, 'alias limit reported');
    assert.match(d.message, /too many alias expansions/i);
    assert.equal(d.severity, 'error');
    assert.ok(deref(t.root)?.kind === 'mapping');
    console.log(`alias bomb (9^20 expansions): parsed and bounded in ${ms.toFixed(1)} ms`);
  });

  it('reports an alias to an unknown anchor', () => {
    const t = parse('a: *nowhere\n');
    assert.ok(t.diagnostics.some((d) => d.code === 'yaml-syntax' && /nowhere/.test(d.message)));
  });

  for (const [name, make] of [
    ['flow', (n: number) => 'Deep: ' + '['.repeat(n) + ']'.repeat(n) + '\nAfter: 1\n'],
    ['block (compact sequences)', (n: number) => 'Deep:\n  ' + '- '.repeat(n) + 'x\nAfter: 1\n'],
    ['block (indentation)', (n: number) => 'Deep:\n' + Array.from({ length: n }, (_, i) => ' '.repeat(i + 1) + `k${i}:`).join('\n') + ' x\nAfter: 1\n'],
    ['flow mappings', (n: number) => 'Deep: ' + '{a: '.repeat(n) + '1' + '}'.repeat(n) + '\nAfter: 1\n'],
  ] as const) {
    // 10,000 levels of indentation would be a 50 MB file; 3,000 (4.5 MB) exercises the same path.
    const n = name === 'block (indentation)' ? 3000 : 10_000;
    it(`survives ${n}-deep nesting, ${name}, and reads what follows`, () => {
      const src = make(n);
      const t0 = performance.now();
      const t = parse(src);
      const ms = performance.now() - t0;
      const d = t.diagnostics.find((x) => x.code === 'nesting-too-deep');
      assert.ok(d, 'nesting reported');
      assert.match(d.message, /nested more than 200 levels/);
      const after = path(t.root, 'After');
      assert.ok(after?.kind === 'scalar' && after.value === 1);
      console.log(`${n}-deep YAML (${name}): ${ms.toFixed(1)} ms`);
    });
  }

  it('reports tabs used for indentation clearly', () => {
    const src = 'Resources:\n\tA: 1\n';
    const t = parse(src);
    const d = t.diagnostics.find((x) => /Tabs/.test(x.message))!;
    assert.equal(d.severity, 'error');
    assert.equal(d.code, 'yaml-syntax');
    assert.equal(slice(src, d), '\t');
  });

  it('reports duplicate keys as warnings; the last one wins', () => {
    const src = 'A: 1\nA: 2\n';
    const t = parse(src);
    assert.deepEqual(t.diagnostics.map((d) => [d.severity, d.code, src.slice(d.start, d.end)]), [['warning', 'yaml-duplicate-key', 'A']]);
    assert.ok(path(t.root, 'A')?.kind === 'scalar' && (path(t.root, 'A') as { value: unknown }).value === 2);
  });

  it('handles CRLF line ends and a BOM with exact offsets', () => {
    const src = '\uFEFFResources:\r\n  A:\r\n    Type: AWS::S3::Bucket\r\n    Properties:\r\n      Name: x\r\n';
    const t = parse(src);
    assert.deepEqual(t.diagnostics, []);
    const props = path(t.root, 'Resources', 'A', 'Properties') as MappingNode;
    assert.equal(slice(src, props), 'Name: x');
    assert.equal(props.keyColumn, 6);
    assert.equal(slice(src, path(t.root, 'Resources', 'A', 'Type')), 'AWS::S3::Bucket');
  });

  it('warns about a second document', () => {
    const t = parse('a: 1\n---\nb: 2\n');
    assert.ok(t.diagnostics.some((d) => d.severity === 'warning' && /more than one YAML document/.test(d.message)));
  });

  it('never throws on garbage', () => {
    for (const src of ['', '\u0000\u0001\u0002', ':::', '[', '{a: [}', '!!binary x', '- &a *a', '? ? ?', '"unterminated', '|\n  x\n y', '%YAML 9.9\n---\n']) {
      const t = parse(src);
      for (const d of t.diagnostics) assert.ok(d.start >= 0 && d.start <= d.end && d.end <= src.length);
    }
  });
});
