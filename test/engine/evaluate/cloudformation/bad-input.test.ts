import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toPlain } from '../../../../server/src/engine/evaluate/value';
import type { EvaluationResult } from '../../../../server/src/engine/source';
import { allSpans, at, evaluate, fixture, get, resource } from './helpers';

function assertInside(r: EvaluationResult, text: string, label: string) {
  const inside = (s: { start: number; end: number } | undefined) => !s || (s.start >= 0 && s.start <= s.end && s.end <= text.length);
  for (const p of r.problems) {
    assert.ok(inside(p.span), `${label}: problem span ${p.span?.start}-${p.span?.end} of ${text.length}`);
    assert.ok(p.range && p.message.length > 0);
  }
  for (const res of r.resources) {
    for (const s of [res.span, res.headerSpan, res.bodySpan, ...allSpans(res.body), ...allSpans(res.metadata)]) {
      assert.ok(inside(s), `${label}: ${res.name} span ${s?.start}-${s?.end} of ${text.length}`);
    }
  }
  for (const c of r.comments.values()) for (const x of c) assert.ok(inside(x.span));
}

describe('JSON template (realistic)', () => {
  const text = fixture('realistic.json');
  const r = evaluate(text, 'cloudformation-json');

  it('evaluates resources, conditions, mappings and AWS::NoValue', () => {
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.resources.map((x) => x.name), ['Data', 'DataPolicy', 'Admin']);
    const data = resource(r, 'Data');
    assert.equal(at(text, data.headerSpan), '"Data"');
    assert.ok(at(text, data.bodySpan)!.startsWith('{\n        "BucketName"'));
    assert.equal(toPlain(get(data.body, 'BucketName')), 'dev-data');
    assert.deepEqual(get(data.body, 'BucketName')!.via!.map((s) => at(text, s)), ['"dev"']);
    assert.equal(toPlain(get(data.body, 'LifecycleConfiguration.Rules.0.ExpirationInDays')), 7);
    assert.equal(get(data.body, 'VersioningConfiguration'), undefined, 'AWS::NoValue removes the property');
    assert.equal(get(data.body, 'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID')!.kind, 'unknown');
    assert.deepEqual(toPlain(get(data.metadata, 'demarc.ignore')), [{ id: 'aws-s3-versioning', reason: 'scratch data' }]);
    const admin = resource(r, 'Admin');
    assert.equal(at(text, get(admin.body, 'SecurityGroupIngress.0.CidrIpv6')!.span), '"::/0"');
    assert.deepEqual(get(resource(r, 'DataPolicy').body, 'PolicyDocument.Statement.0.Resource.1')!.refs, [{ address: 'Data', attribute: 'Arn' }]);
  });
});

describe('bad input in templates', () => {
  it('a badly indented resource does not drop the others', () => {
    const text = `Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      X: 1
     Y: 2
  B:
    Type: AWS::SNS::Topic
`;
    const r = evaluate(text);
    const p = r.problems.find((x) => x.code === 'yaml-syntax')!;
    assert.equal(p.severity, 'error');
    assert.equal(p.range!.start.line, 5);
    assert.deepEqual(r.resources.map((x) => x.name), ['A', 'B']);
  });

  it('an unclosed flow mapping is reported and the next resource still read', () => {
    const text = `Resources:
  A:
    Type: AWS::S3::Bucket
    Properties: {BucketName: x, Tags: [1, 2
  B:
    Type: AWS::SNS::Topic
`;
    const r = evaluate(text);
    assert.ok(r.problems.some((p) => p.code === 'yaml-syntax' && /end with a [}\]]/.test(p.message)));
    assert.ok(r.resources.some((x) => x.name === 'B' && x.type === 'AWS::SNS::Topic'));
  });

  it('a broken JSON resource does not drop the others', () => {
    const text = '{"Resources": {\n  "A": {"Type": "AWS::S3::Bucket", "Properties": {"X": }},\n  "B": {"Type": "AWS::SNS::Topic"}\n}}';
    const r = evaluate(text, 'cloudformation-json');
    assert.equal(r.problems[0]!.code, 'json-syntax');
    assert.deepEqual(r.problems[0]!.range!.start, { line: 1, character: 55 });
    assert.deepEqual(r.resources.map((x) => x.name), ['A', 'B']);
  });

  it('a duplicated logical id: warning, and the last definition wins', () => {
    const r = evaluate('Resources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::SNS::Topic\n');
    assert.deepEqual(r.problems.map((p) => [p.severity, p.code]), [['warning', 'yaml-duplicate-key']]);
    assert.deepEqual(r.resources.map((x) => x.type), ['AWS::SNS::Topic']);
  });

  it('an alias bomb in a template is bounded and reported; other resources are read', () => {
    let text = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Metadata:\n      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 15; i++) {
      const p = String.fromCharCode(96 + i);
      const c = String.fromCharCode(97 + i);
      text += `      ${c}: &${c} [${Array(9).fill('*' + p).join(',')}]\n`;
    }
    text += '    Properties:\n      Tags: *o\n  B:\n    Type: AWS::SNS::Topic\n';
    const t0 = performance.now();
    const r = evaluate(text);
    const ms = performance.now() - t0;
    const p = r.problems.find((x) => x.code === 'yaml-alias-limit')!;
    assert.match(p.message, /Too many alias expansions/);
    // *o still expands, but the aliases inside it beyond the budget were not: they are unknown.
    const tags = get(resource(r, 'A').body, 'Tags')!;
    assert.ok(tags.kind === 'list' && tags.items.length === 9);
    assert.ok(tags.items.every((i) => i.kind === 'unknown' && /alias expansion limit/.test(i.reason ?? '')));
    assert.ok(r.resources.some((x) => x.name === 'B'));
    console.log(`alias bomb template: parse + evaluate ${ms.toFixed(1)} ms`);
  });

  for (const kind of ['yaml', 'json'] as const) {
    it(`10,000-deep nesting inside a ${kind} resource: reported, others read`, () => {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      const text =
        kind === 'yaml'
          ? `Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: ${deep}\n      Y: 1\n  B:\n    Type: AWS::SNS::Topic\n`
          : `{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"X": ${deep}, "Y": 1}}, "B": {"Type": "AWS::SNS::Topic"}}}`;
      const r = evaluate(text, kind === 'json' ? 'cloudformation-json' : 'cloudformation-yaml');
      assert.ok(r.problems.some((p) => p.code === 'nesting-too-deep'));
      assert.equal(toPlain(get(resource(r, 'A').body, 'Y')), 1);
      assert.ok(r.resources.some((x) => x.name === 'B'));
      assertInside(r, text, 'deep');
    });
  }

  for (const [name, kind] of [
    ['realistic.yaml', 'cloudformation-yaml'],
    ['realistic.json', 'cloudformation-json'],
    ['sam.yaml', 'cloudformation-yaml'],
  ] as const) {
    it(`${name} truncated at every 31st character: never throws, every span inside the text`, () => {
      const full = fixture(name);
      let withResources = 0;
      for (let cut = 0; cut <= full.length; cut += 31) {
        const text = full.slice(0, cut);
        const r = evaluate(text, kind);
        assertInside(r, text, `${name}[0:${cut}]`);
        if (r.resources.length > 0) withResources++;
      }
      // Once the first resource is complete, truncated templates still yield resources.
      assert.ok(withResources > full.length / 31 / 3, `${withResources} truncations kept resources`);
    });
  }

  it('CRLF line ends give the same resources and values, with spans on the CRLF text', () => {
    const lf = fixture('realistic.yaml');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = evaluate(lf);
    const b = evaluate(crlf);
    assert.deepEqual(b.problems, []);
    assert.deepEqual(b.resources.map((x) => x.name), a.resources.map((x) => x.name));
    for (const res of a.resources) assert.deepEqual(toPlain(resource(b, res.name).body), toPlain(res.body));
    const name = get(resource(b, 'LogsBucket').body, 'BucketName')!;
    assert.equal(at(crlf, name.span), '!Sub "${Environment}-audit-logs"');
    assert.equal(b.resources[0]!.headerSpan && at(crlf, b.resources[0]!.headerSpan), 'LogsBucket');
    assert.ok(!at(crlf, resource(b, 'Trail').span)!.endsWith('\r'));
    const doc = get(resource(b, 'AppRole').body, 'Policies.0.PolicyDocument')!;
    assert.ok(doc.kind === 'string' && doc.json);
  });

  it('a BOM shifts nothing but the offsets', () => {
    for (const [name, kind] of [['realistic.yaml', 'cloudformation-yaml'], ['realistic.json', 'cloudformation-json']] as const) {
      const text = '\uFEFF' + fixture(name);
      const r = evaluate(text, kind);
      assert.deepEqual(r.problems, []);
      const first = r.resources[0]!;
      assert.equal(at(text, first.headerSpan)!.replace(/"/g, ''), first.name);
    }
  });

  it('non-template YAML or binary-looking text gives problems, not exceptions', () => {
    for (const text of ['just a string', '- 1\n- 2', '\u0000\u0001\u0002\u0003', 'Resources: 5', 'Resources:\n  A: [1, 2]\n', '{{{{', '']) {
      const y = evaluate(text);
      const j = evaluate(text, 'cloudformation-json');
      assert.ok(y.problems.length > 0 && j.problems.length > 0, JSON.stringify(text));
      assertInside(y, text, 'garbage');
      assertInside(j, text, 'garbage');
    }
  });
});

describe('deep alias chains', () => {
  it('anchors nested inside each other to thousands of levels are cut off, not a stack overflow', () => {
    // Each anchor is 150 levels deep and holds the previous one at its bottom: 20 × 150 = 3,000 levels once expanded.
    let text = 'Chain:\n';
    for (let i = 0; i < 20; i++) {
      const inner = i === 0 ? 'leaf' : `*a${i - 1}`;
      text += `  k${i}: &a${i} ${'['.repeat(150)}${inner}${']'.repeat(150)}\n`;
    }
    text += 'Resources:\n  R:\n    Type: AWS::SQS::Queue\n    Properties:\n      Deep: *a19\n';
    const r = evaluate(text);
    let v = get(resource(r, 'R').body, 'Deep');
    let depth = 0;
    while (v && v.kind === 'list') {
      v = v.items[0];
      depth++;
    }
    assert.ok(depth >= 400 && depth <= 600, `cut at ${depth}`);
    assert.equal(v?.kind, 'unknown');
  });
});
