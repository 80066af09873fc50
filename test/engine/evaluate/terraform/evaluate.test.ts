import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toPlain } from '../../../../server/src/engine/evaluate/value';
import { attr, project, resource, text } from './helpers';

test('count: 0 is absent, 2 gives two instances with count.index, unknown gives one instance', () => {
  const e = project({
    'main.tf': `
variable "n" {
  default = 2
}
resource "aws_instance" "none" {
  count = 0
}
resource "aws_instance" "two" {
  count = var.n
  name  = "web-\${count.index}"
  index = count.index
}
resource "aws_instance" "maybe" {
  count = length(aws_subnet.all.ids)
  index = count.index
}
`,
  });
  const addrs = e.result.resources.map((r) => r.address);
  assert.deepEqual(addrs, ['aws_instance.two[0]', 'aws_instance.two[1]', 'aws_instance.maybe']);
  assert.equal(toPlain(attr(e, 'aws_instance.two[1]', 'name')), 'web-1');
  const idx = attr(e, 'aws_instance.two[1]', 'index');
  assert.equal(toPlain(idx), 1);
  assert.equal(idx.origin, 'derived');
  assert.equal(text(e, idx.via![0]), 'var.n');
  assert.equal(resource(e, 'aws_instance.two[1]').instanceKey, 1);
  const maybe = resource(e, 'aws_instance.maybe');
  assert.equal(maybe.instanceKey, undefined);
  assert.equal(attr(e, 'aws_instance.maybe', 'index').kind, 'unknown');
});

test('for_each over a map and a set; empty collection means absent; unknown means one instance', () => {
  const e = project({
    'main.tf': `
locals {
  buckets = {
    logs = { versioned = true }
    data = { versioned = false }
  }
}
resource "aws_s3_bucket" "m" {
  for_each = local.buckets
  bucket   = each.key
  v        = each.value.versioned
}
resource "aws_s3_bucket" "s" {
  for_each = toset(["b", "a", "b"])
  bucket   = each.value
}
resource "aws_s3_bucket" "empty" {
  for_each = {}
}
resource "aws_s3_bucket" "u" {
  for_each = data.aws_s3_buckets.all.names
  bucket   = each.key
}
`,
  });
  assert.deepEqual(e.result.resources.map((r) => r.address), ['aws_s3_bucket.m["data"]', 'aws_s3_bucket.m["logs"]', 'aws_s3_bucket.s["a"]', 'aws_s3_bucket.s["b"]', 'aws_s3_bucket.u']);
  const v = attr(e, 'aws_s3_bucket.m["logs"]', 'v');
  assert.equal(toPlain(v), true);
  assert.equal(v.origin, 'derived');
  assert.equal(text(e, v.span), 'each.value.versioned');
  assert.equal(text(e, v.via![0]), 'true');
  assert.equal(text(e, attr(e, 'aws_s3_bucket.m["logs"]', 'bucket').via![0]), 'logs');
  assert.equal(resource(e, 'aws_s3_bucket.s["b"]').instanceKey, 'b');
  const u = attr(e, 'aws_s3_bucket.u', 'bucket');
  assert.equal(u.kind, 'unknown');
  assert.deepEqual(u.refs, [{ address: 'data.aws_s3_buckets.all', attribute: 'names' }]);
});

test('instances are capped at 100 with an info problem', () => {
  const e = project({ 'main.tf': 'resource "aws_sqs_queue" "q" {\n  count = 250\n}\n' });
  assert.equal(e.result.resources.length, 100);
  const p = e.result.problems.find((x) => x.code === 'instances-capped');
  assert.equal(p?.severity, 'info');
});

test('dynamic blocks expand; unknown for_each makes the block unknown; repeated blocks become a list', () => {
  const e = project({
    'main.tf': `
variable "ports" {
  default = [22, 443]
}
resource "aws_security_group" "sg" {
  ingress {
    from_port = 80
  }
  dynamic "ingress" {
    for_each = var.ports
    iterator = p
    content {
      from_port   = p.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  egress {
    from_port = 0
  }
}
resource "aws_security_group" "u" {
  dynamic "ingress" {
    for_each = aws_vpc.v.cidrs
    content {
      from_port = ingress.value
    }
  }
}
`,
  });
  const ingress = attr(e, 'aws_security_group.sg', 'ingress');
  assert.equal(ingress.kind, 'list');
  assert.deepEqual(toPlain(ingress), [{ from_port: 80 }, { from_port: 22, cidr_blocks: ['0.0.0.0/0'] }, { from_port: 443, cidr_blocks: ['0.0.0.0/0'] }]);
  const port = attr(e, 'aws_security_group.sg', 'ingress', 1, 'from_port');
  assert.equal(port.origin, 'derived');
  assert.equal(text(e, port.span), 'p.value');
  assert.equal(text(e, port.via![0]), '22');
  const cidr = attr(e, 'aws_security_group.sg', 'ingress', 2, 'cidr_blocks', 0);
  assert.equal(text(e, cidr.span), '"0.0.0.0/0"');
  const egress = attr(e, 'aws_security_group.sg', 'egress');
  assert.equal(egress.kind === 'object' && egress.block, true, 'a single block is an object');
  const u = attr(e, 'aws_security_group.u', 'ingress');
  assert.equal(u.kind, 'unknown');
  assert.ok(u.refs?.some((r) => r.address === 'aws_vpc.v'));
});

test('conditionals, operators, templates with directives, for expressions and splats', () => {
  const e = project({
    'main.tf': `
variable "env" {
  default = "prod"
}
locals {
  is_prod = var.env == "prod"
  names   = ["a", "b", "c"]
  objs    = [{ id = 1 }, { id = 2 }]
}
resource "x" "y" {
  cond      = local.is_prod ? "yes" : "no"
  ucond     = aws_s3_bucket.b.id == "x" ? 1 : 2
  math      = (1 + 2) * 3 - 4 / 2 % 3
  cmp       = 3 >= 2 && !false || false
  neg       = -5
  tpl       = "%{ if local.is_prod }P%{ else }D%{ endif }:%{ for n in local.names }\${n}%{ endfor }"
  strip     = "a  \${~ "b" ~}  c"
  list_for  = [for n in local.names : upper(n) if n != "b"]
  map_for   = { for i, n in local.names : n => i }
  group     = { for n in ["x", "y", "x"] : n => n... }
  splat     = local.objs[*].id
  interp    = "\${var.env}-\${aws_kms_key.k.arn}"
  idx       = local.names[1]
  missing   = try(local.objs[5].id, "fallback")
  canmiss   = can(local.objs[5])
  canok     = can(local.objs[0])
  unknown_f = timestamp()
}
`,
  });
  const p = (k: string) => toPlain(attr(e, 'x.y', k));
  assert.equal(p('cond'), 'yes');
  assert.equal(attr(e, 'x.y', 'ucond').kind, 'unknown');
  assert.equal(p('math'), 7);
  assert.equal(p('cmp'), true);
  assert.equal(p('neg'), -5);
  assert.equal(p('tpl'), 'P:abc');
  assert.equal(p('strip'), 'abc');
  assert.deepEqual(p('list_for'), ['A', 'C']);
  assert.deepEqual(p('map_for'), { a: 0, b: 1, c: 2 });
  assert.deepEqual(p('group'), { x: ['x', 'x'], y: ['y'] });
  assert.deepEqual(p('splat'), [1, 2]);
  const interp = attr(e, 'x.y', 'interp');
  assert.equal(interp.kind, 'unknown');
  assert.deepEqual(interp.refs, [{ address: 'aws_kms_key.k', attribute: 'arn' }]);
  assert.equal(p('idx'), 'b');
  assert.equal(p('missing'), 'fallback');
  assert.equal(p('canmiss'), false);
  assert.equal(p('canok'), true);
  const f = attr(e, 'x.y', 'unknown_f');
  assert.equal(f.kind === 'unknown' && f.reason, 'function timestamp is not evaluated');
  const cond = attr(e, 'x.y', 'cond');
  assert.equal(cond.origin, 'derived', 'chosen by a local');
  assert.equal(text(e, cond.span), 'local.is_prod ? "yes" : "no"');
  assert.equal(text(e, cond.via![0]), '"yes"');
  const e2 = project({ 'main.tf': 'resource "x" "y" {\n  v = true ? "a" : "b"\n}\n' });
  const lit = attr(e2, 'x.y', 'v');
  assert.equal(lit.origin, 'explicit', 'a literal condition keeps the branch as written');
  assert.equal(text(e2, lit.span), '"a"');
});

test('a known literal attribute of another resource is derived and keeps the reference', () => {
  const e = project({
    'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "my-bucket"\n}\nresource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.bucket\n}\n',
  });
  const v = attr(e, 'aws_s3_bucket_policy.p', 'bucket');
  assert.equal(toPlain(v), 'my-bucket');
  assert.equal(v.origin, 'derived');
  assert.equal(text(e, v.via![0]), '"my-bucket"');
  assert.deepEqual(v.refs, [{ address: 'aws_s3_bucket.b', attribute: 'bucket' }]);
});

test('a cycle in locals is a warning and the values are unknown, without hanging', () => {
  const e = project({
    'main.tf': 'locals {\n  a = local.b\n  b = "${local.a}-x"\n  c = local.c\n}\nresource "x" "y" {\n  v = local.a\n  w = local.c\n  z = 1\n}\n',
  });
  assert.equal(attr(e, 'x.y', 'v').kind, 'unknown');
  assert.equal(attr(e, 'x.y', 'w').kind, 'unknown');
  assert.equal(toPlain(attr(e, 'x.y', 'z')), 1);
  const cycles = e.result.problems.filter((p) => p.code === 'locals-cycle');
  assert.ok(cycles.length >= 2, JSON.stringify(e.result.problems));
  assert.ok(cycles.every((c) => c.severity === 'warning' && c.range && c.span));
  assert.ok(cycles.some((c) => c.message.includes('local.a → local.b → local.a')));
});

test('syntax errors become problems and the other files and blocks are still evaluated', () => {
  const e = project({
    'bad.tf': 'resource "aws_s3_bucket" "broken" {\n  bucket = \n}\n\nresource "aws_s3_bucket" "after" {\n  bucket = "ok"\n}\n',
    'good.tf': '# a comment\nresource "aws_s3_bucket" "good" {\n  bucket = "fine" // trailing\n}\n',
  });
  const syntax = e.result.problems.filter((p) => p.code === 'hcl-syntax');
  assert.ok(syntax.length >= 1);
  assert.ok(syntax.every((p) => p.file === '/ws/p/bad.tf' && p.severity === 'error' && p.range && p.span));
  const addrs = e.result.resources.map((r) => r.address);
  assert.ok(addrs.includes('aws_s3_bucket.good'));
  assert.ok(addrs.includes('aws_s3_bucket.after'), addrs.join(','));
  assert.equal(toPlain(attr(e, 'aws_s3_bucket.good', 'bucket')), 'fine');
  const comments = e.result.comments.get('/ws/p/good.tf')!;
  assert.deepEqual(comments.map((c) => c.text.trim()), ['a comment', 'trailing']);
  assert.equal(text(e, comments[0]!.span), '# a comment');
});

test('providers are emitted as provider.<name> pseudo data sources', () => {
  const e = project({
    'main.tf': 'provider "aws" {\n  region = "eu-west-1"\n  allowed_account_ids = ["123456789012"]\n}\nprovider "aws" {\n  alias = "us"\n  region = "us-east-1"\n}\n',
  });
  const def = resource(e, 'provider.aws');
  assert.equal(def.mode, 'data');
  assert.equal(def.type, 'provider.aws');
  assert.equal(def.name, 'default');
  assert.deepEqual(toPlain(def.body.fields.get('allowed_account_ids')?.value), ['123456789012']);
  assert.equal(resource(e, 'provider.aws.us').name, 'us');
});

test('.tf.json files are evaluated like native syntax', () => {
  const e = project({
    'main.tf.json': JSON.stringify({ variable: { name: { default: 'json-bucket' } }, resource: { aws_s3_bucket: { j: { bucket: '${var.name}' } } } }),
  });
  const b = attr(e, 'aws_s3_bucket.j', 'bucket');
  assert.equal(toPlain(b), 'json-bucket');
  assert.equal(b.origin, 'derived');
});

test('bad input never throws: wrong types, deep nesting, undeclared names', () => {
  const deep = '['.repeat(2000) + ']'.repeat(2000);
  const e = project({
    'main.tf': `resource "x" "y" {\n  a = upper([1])\n  b = var.nope\n  c = local.nope\n  d = "x" + 1\n  e = ${deep}\n  f = {}["k"]\n  g = [1][9]\n  h = each.key\n}\n`,
  });
  const r = resource(e, 'x.y');
  for (const k of ['a', 'b', 'c', 'd', 'f', 'g', 'h']) assert.equal(r.body.fields.get(k)?.value.kind, 'unknown', k);
});

test('values that double through locals are cut off instead of exhausting memory', () => {
  const locals = ['l0 = "xxxxxxxxxxxxxxxx"'];
  for (let i = 1; i <= 40; i++) locals.push(`l${i} = "\${local.l${i - 1}}\${local.l${i - 1}}"`);
  const lists = ['k0 = ["a", "b", "c", "d"]'];
  for (let i = 1; i <= 40; i++) lists.push(`k${i} = concat(local.k${i - 1}, local.k${i - 1})`);
  const e = project({ 'main.tf': `locals {\n  ${locals.join('\n  ')}\n  ${lists.join('\n  ')}\n}\nresource "x" "y" {\n  s = local.l40\n  l = local.k40\n  ok = local.l3\n}\n` });
  assert.equal(attr(e, 'x.y', 's').kind, 'unknown');
  assert.equal(attr(e, 'x.y', 'l').kind, 'unknown');
  assert.equal(toPlain(attr(e, 'x.y', 'ok')), 'x'.repeat(128));
});
