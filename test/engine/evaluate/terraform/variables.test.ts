import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toPlain } from '../../../../server/src/engine/evaluate/value';
import { attr, evaluateDir, fixture, project, resource, text } from './helpers';

const DIR = '/ws/variables';

test('tfvars precedence: default < terraform.tfvars < *.auto.tfvars (alphabetical) < --var-file', () => {
  const plain = evaluateDir(fixture('variables'), DIR);
  const region = attr(plain, 'aws_s3_bucket.b', 'region');
  assert.equal(toPlain(region), 'eu-west-1', 'b.auto.tfvars comes after a.auto.tfvars and terraform.tfvars');
  assert.equal(region.origin, 'derived');
  assert.equal(text(plain, region.span), 'var.region');
  assert.equal(region.via?.length, 1);
  assert.equal(region.via![0]!.file, `${DIR}/b.auto.tfvars`);
  assert.equal(text(plain, region.via![0]), '"eu-west-1"');

  const bucket = attr(plain, 'aws_s3_bucket.b', 'bucket');
  assert.equal(toPlain(bucket), 'staging-app');
  assert.equal(bucket.origin, 'derived');
  assert.equal(text(plain, bucket.span), 'local.bucket');
  const via = bucket.via!.map((s) => text(plain, s));
  assert.deepEqual(via, ['local.prefix', '"${var.env}-app"', 'var.env', '"staging"']);
  assert.equal(bucket.via!.at(-1)!.file, `${DIR}/terraform.tfvars`);

  const withVarFile = evaluateDir(fixture('variables'), DIR, [`${DIR}/prod.tfvars`]);
  const b2 = attr(withVarFile, 'aws_s3_bucket.b', 'bucket');
  assert.equal(toPlain(b2), 'prod-app');
  assert.equal(b2.via!.at(-1)!.file, `${DIR}/prod.tfvars`);
  assert.ok(withVarFile.result.files.some((f) => f.path === `${DIR}/prod.tfvars`), 'var files are listed as read');
  assert.ok(withVarFile.result.comments.get(`${DIR}/prod.tfvars`)?.some((c) => c.text.includes('production values')));
});

test('variable default is used when nothing overrides it, with the default as the end of the chain', () => {
  const files = fixture('variables');
  for (const k of [...files.keys()]) if (k.endsWith('tfvars') || k.endsWith('.json')) files.delete(k);
  const e = evaluateDir(files, DIR);
  const region = attr(e, 'aws_s3_bucket.b', 'region');
  assert.equal(toPlain(region), 'us-east-1');
  assert.equal(region.via![0]!.file, `${DIR}/variables.tf`);
  assert.equal(text(e, region.via![0]), '"us-east-1"');
  const status = attr(e, 'aws_s3_bucket_versioning.b', 'versioning_configuration', 'status');
  assert.equal(toPlain(status), 'Enabled');
});

test('tfvars.json values apply (auto) and a variable without any value is unknown', () => {
  const e = evaluateDir(fixture('variables'), DIR);
  assert.equal(toPlain(attr(e, 'aws_s3_bucket_versioning.b', 'versioning_configuration', 'status')), 'Suspended');
  const owner = attr(e, 'aws_s3_bucket.b', 'owner');
  assert.equal(owner.kind, 'unknown');
  assert.equal(owner.kind === 'unknown' && owner.reason, 'variable owner has no value');
});

test('nested values of a derived object keep the spans where they were written', () => {
  const e = evaluateDir(fixture('variables'), DIR);
  const tags = attr(e, 'aws_s3_bucket.b', 'tags');
  assert.equal(tags.origin, 'derived');
  assert.equal(text(e, tags.span), 'var.tags');
  const team = attr(e, 'aws_s3_bucket.b', 'tags', 'Team');
  assert.equal(team.origin, 'explicit');
  assert.equal(team.span!.file, `${DIR}/variables.tf`);
  assert.equal(text(e, team.span), '"sec"');
});

test('literal attributes are explicit with the span of the expression; keySpan is the attribute name', () => {
  const e = evaluateDir(fixture('variables'), DIR);
  const r = resource(e, 'aws_s3_bucket.b');
  const lit = r.body.fields.get('literal')!;
  assert.equal(lit.value.origin, 'explicit');
  assert.equal(text(e, lit.value.span), '"written-here"');
  assert.equal(text(e, lit.keySpan), 'literal');
  assert.equal(text(e, r.headerSpan), 'resource "aws_s3_bucket" "b"');
  assert.ok(text(e, r.bodySpan).startsWith('{') && text(e, r.bodySpan).endsWith('}'));
  assert.ok(text(e, r.span).startsWith('resource') && text(e, r.span).endsWith('}'));
  assert.equal(r.mode, 'resource');
  assert.equal(r.format, 'terraform');
});

test('a reference to another resource attribute that is not in configuration is unknown with refs', () => {
  const e = evaluateDir(fixture('variables'), DIR);
  const b = attr(e, 'aws_s3_bucket_versioning.b', 'bucket');
  assert.equal(b.kind, 'unknown');
  assert.deepEqual(b.refs, [{ address: 'aws_s3_bucket.b', attribute: 'id' }]);
  const block = attr(e, 'aws_s3_bucket_versioning.b', 'versioning_configuration');
  assert.equal(block.kind === 'object' && block.block, true);
});

test('values are converted to the declared primitive type of the variable', () => {
  const e = project({
    'main.tf': 'variable "on" {\n  type = bool\n}\nvariable "n" {\n  type = number\n  default = "3"\n}\nresource "x" "y" {\n  on = var.on\n  n = var.n\n}\n',
    'terraform.tfvars': 'on = "true"\n',
  });
  const on = attr(e, 'x.y', 'on');
  assert.equal(on.kind, 'bool');
  assert.equal(toPlain(on), true);
  assert.equal(text(e, on.via![0]), '"true"');
  assert.equal(toPlain(attr(e, 'x.y', 'n')), 3);
});

test('broken or missing variable files are reported and the rest still applies', () => {
  const e = project(
    {
      'main.tf': 'variable "a" {\n  default = "d"\n}\nvariable "b" {\n  default = "d"\n}\nresource "x" "y" {\n  a = var.a\n  b = var.b\n}\n',
      'terraform.tfvars': 'a = "from-tfvars"\nb = \n',
      'x.auto.tfvars.json': '{"b": ',
    },
    ['/ws/p/does-not-exist.tfvars'],
  );
  assert.equal(toPlain(attr(e, 'x.y', 'a')), 'from-tfvars');
  assert.equal(toPlain(attr(e, 'x.y', 'b')) ?? 'unknown', 'unknown', 'b = <nothing> is a syntax error, so its value is unknown');
  assert.ok(e.result.problems.some((p) => p.code === 'hcl-syntax' && p.file === '/ws/p/terraform.tfvars'));
  assert.ok(e.result.problems.some((p) => p.code === 'tfvars-json-syntax' && p.file === '/ws/p/x.auto.tfvars.json' && p.range));
  assert.ok(e.loaded.includes('/ws/p/does-not-exist.tfvars'), 'a missing --var-file goes through load, which reports it');
});
