import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, toPlain, type Val } from '../../../../server/src/engine/evaluate/value';
import { attr, evaluateDir, fixture, project, text } from './helpers';

const DIR = '/ws/policies';
const e = evaluateDir(fixture('policies'), DIR);

function statement(policy: Val, i: number): Val {
  assert.equal(policy.kind, 'string');
  const json = policy.kind === 'string' ? policy.json : undefined;
  assert.ok(json, 'the policy string carries its JSON structure');
  const st = field(json, 'Statement');
  assert.equal(st?.kind, 'list');
  return st!.kind === 'list' ? st!.items[i]! : st!;
}

test('jsonencode keeps the spans of the HCL values inside the policy', () => {
  const policy = attr(e, 'aws_iam_policy.encoded', 'policy');
  assert.equal(policy.kind, 'string');
  const st = statement(policy, 0);
  const action = field(st, 'Action')!;
  assert.equal(toPlain(action), '*');
  assert.equal(action.origin, 'explicit');
  assert.equal(text(e, action.span), '"*"');
  const res = field(st, 'Resource')!;
  assert.equal(res.kind, 'unknown');
  assert.deepEqual(res.refs, [{ address: 'aws_s3_bucket.b', attribute: 'arn' }]);
  assert.ok(policy.refs?.some((r) => r.address === 'aws_s3_bucket.b'), 'the string names the resources it interpolates');
});

test('a heredoc JSON policy stays a string and gets a json structure with spans inside the heredoc', () => {
  const policy = attr(e, 'aws_iam_policy.heredoc', 'policy');
  assert.equal(policy.kind, 'string');
  assert.ok(policy.kind === 'string' && policy.value.includes('"s3:GetObject"'));
  const st = statement(policy, 0);
  assert.equal(text(e, field(st, 'Action')!.span), '"s3:GetObject"');
  assert.equal(text(e, field(st, 'Resource')!.span), '"*"');
  assert.equal(text(e, field(st, 'Effect')!.span), '"Allow"');
});

test('a quoted JSON string maps spans through its escapes', () => {
  const policy = attr(e, 'aws_iam_policy.quoted', 'policy');
  const st = statement(policy, 0);
  assert.equal(toPlain(field(st, 'Effect')), 'Deny');
  assert.equal(text(e, field(st, 'Effect')!.span), '\\"Deny\\"');
  assert.equal(text(e, field(st, 'Action')!.span), '\\"s3:*\\"');
});

test('data "aws_iam_policy_document" .json is the rendered document with HCL spans', () => {
  const policy = attr(e, 'aws_iam_policy.from_doc', 'policy');
  assert.equal(policy.kind, 'string');
  assert.equal(policy.origin, 'derived');
  assert.deepEqual(policy.refs, [{ address: 'data.aws_iam_policy_document.doc', attribute: 'json' }]);
  const json = policy.kind === 'string' ? policy.json : undefined;
  assert.deepEqual(toPlain(json), {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Launch',
        Effect: 'Allow',
        Action: ['ec2:RunInstances'],
        Resource: ['*'],
        Principal: { AWS: ['arn:aws:iam::123456789012:root'] },
        Condition: { Bool: { 'aws:SecureTransport': ['false'] } },
      },
      { Effect: 'Deny', NotAction: ['iam:*'], NotResource: [undefined], NotPrincipal: undefined, Principal: '*' },
    ].map((s) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'NotPrincipal'))),
  });
  const first = statement(policy, 0);
  const actions = field(first, 'Action')!;
  assert.equal(text(e, actions.span), '["ec2:RunInstances"]');
  assert.equal(first.kind === 'object' && text(e, first.fields.get('Action')!.keySpan), 'actions');
  const eff = field(first, 'Effect')!;
  assert.equal(eff.origin, 'derived', 'the default Allow is not written anywhere');
  assert.ok(text(e, eff.span).startsWith('statement {'));
  const second = statement(policy, 1);
  assert.equal(text(e, field(second, 'Principal')!.span), '"*"');
  assert.deepEqual(field(second, 'NotResource')?.kind === 'list' && field(second, 'NotResource')!.kind === 'list' ? (field(second, 'NotResource') as { items: Val[] }).items[0]!.refs : undefined, [{ address: 'aws_s3_bucket.b', attribute: 'arn' }]);
});

test('the data source itself is emitted with mode data', () => {
  const r = e.result.resources.find((x) => x.address === 'data.aws_iam_policy_document.doc');
  assert.ok(r);
  assert.equal(r.mode, 'data');
  assert.equal(r.type, 'aws_iam_policy_document');
});

test('jsondecode of a literal points inside the literal', () => {
  const policy = attr(e, 'aws_iam_policy.decoded', 'policy');
  const json = policy.kind === 'string' ? policy.json : undefined;
  const action = field(json, 'Action')!;
  assert.equal(toPlain(action), '*');
  assert.equal(text(e, action.span), '\\"*\\"');
});

test('file() and templatefile() read JSON policies from the module folder', () => {
  const p = project({
    'main.tf': [
      'resource "aws_iam_policy" "f" {\n  policy = file("${path.module}/policy.json")\n}',
      'resource "aws_iam_policy" "t" {\n  policy = templatefile("${path.module}/policy.tpl", { action = "s3:*", buckets = ["a", "b"] })\n}',
      'resource "aws_iam_policy" "outside" {\n  policy = file("/etc/passwd")\n}',
    ].join('\n'),
    'policy.json': '{"Statement": [{"Effect": "Allow", "Action": "*"}]}',
    'policy.tpl': '{"Action": "${action}", "Resource": [%{ for b in buckets }"arn:aws:s3:::${b}",%{ endfor }"x"]}',
  });
  const f = attr(p, 'aws_iam_policy.f', 'policy');
  assert.deepEqual(toPlain(f.kind === 'string' ? f.json : undefined), { Statement: [{ Effect: 'Allow', Action: '*' }] });
  const t = attr(p, 'aws_iam_policy.t', 'policy');
  assert.deepEqual(toPlain(t.kind === 'string' ? t.json : undefined), { Action: 's3:*', Resource: ['arn:aws:s3:::a', 'arn:aws:s3:::b', 'x'] });
  const outside = attr(p, 'aws_iam_policy.outside', 'policy');
  assert.equal(outside.kind, 'unknown');
});

test('a heredoc policy interpolating references keeps its structure; the referencing parts are unknown', () => {
  const policy = attr(e, 'aws_s3_bucket_policy.interpolated', 'policy');
  assert.equal(policy.kind, 'string');
  assert.deepEqual(policy.refs, [{ address: 'aws_s3_bucket.b', attribute: 'arn' }]);
  const st = statement(policy, 0);
  assert.equal(text(e, field(st, 'Action')!.span), '"s3:GetObject"');
  assert.equal(text(e, field(st, 'Principal')!.span), '"*"');
  const effect = field(st, 'Effect')!;
  assert.equal(toPlain(effect), 'Allow');
  assert.equal(text(e, effect.span), '"${var.effect}"');
  const res = field(st, 'Resource')!;
  assert.equal(res.kind, 'unknown');
  assert.deepEqual(res.refs, [{ address: 'aws_s3_bucket.b', attribute: 'arn' }]);
  assert.equal(text(e, res.span), '"${aws_s3_bucket.b.arn}/*"');
});

test('a plain string interpolating a reference is unknown with the refs', () => {
  const p = project({ 'main.tf': 'resource "x" "y" {\n  name = "${aws_s3_bucket.b.id}-logs"\n}\n' });
  const v = attr(p, 'x.y', 'name');
  assert.equal(v.kind, 'unknown');
  assert.deepEqual(v.refs, [{ address: 'aws_s3_bucket.b', attribute: 'id' }]);
});

test('source and override policy documents merge by Sid; unknown documents are left out', () => {
  const p = project({
    'main.tf': `
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "Keep"
    actions   = ["s3:ListBucket"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "over" {
  statement {
    sid       = "Keep"
    actions   = ["s3:ListAllMyBuckets"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json, data.external.x.result]
  override_policy_documents = [data.aws_iam_policy_document.over.json]
  statement {
    sid       = "Read"
    actions   = ["s3:*"]
    resources = ["*"]
  }
  statement {
    actions   = ["kms:Decrypt"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "m" {
  policy = data.aws_iam_policy_document.merged.json
}
`,
  });
  const policy = attr(p, 'aws_iam_policy.m', 'policy');
  const json = policy.kind === 'string' ? policy.json : undefined;
  const sts = toPlain(field(json, 'Statement')) as { Sid?: string; Action: string[] }[];
  assert.deepEqual(sts.map((s) => [s.Sid, s.Action]), [
    ['Read', ['s3:*']],
    ['Keep', ['s3:ListAllMyBuckets']],
    [undefined, ['kms:Decrypt']],
  ]);
});

test('a quoted JSON template with an interpolated reference maps spans through escapes around the hole', () => {
  const p = project({
    'main.tf': 'resource "aws_sqs_queue_policy" "q" {\n  policy = "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": \\"*\\", \\"Resource\\": \\"${aws_sqs_queue.q.arn}\\"}]}"\n}\n',
  });
  const policy = attr(p, 'aws_sqs_queue_policy.q', 'policy');
  const st = statement(policy, 0);
  assert.equal(text(p, field(st, 'Principal')!.span), '\\"*\\"');
  assert.equal(text(p, field(st, 'Effect')!.span), '\\"Allow\\"');
  const res = field(st, 'Resource')!;
  assert.equal(res.kind, 'unknown');
  assert.equal(text(p, res.span), '\\"${aws_sqs_queue.q.arn}\\"');
});
