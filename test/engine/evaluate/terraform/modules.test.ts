import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toPlain } from '../../../../server/src/engine/evaluate/value';
import { attr, evaluateDir, fixture, project, resource, text } from './helpers';

const DIR = '/ws/modules';

test('local modules: addresses prefixed, inputs derived from the caller, nested modules evaluated', () => {
  const e = evaluateDir(fixture('modules'), DIR);
  const addresses = e.result.resources.map((r) => r.address).sort();
  assert.deepEqual(addresses, [
    'aws_s3_bucket_policy.p',
    'module.storage.aws_s3_bucket.this',
    'module.storage.aws_s3_bucket_server_side_encryption_configuration.this[0]',
    'module.storage.module.inner.aws_kms_key.k',
  ]);
  const r = resource(e, 'module.storage.aws_s3_bucket.this');
  assert.deepEqual(r.modulePath, ['storage']);
  assert.equal(r.file, `${DIR}/modules/storage/main.tf`);
  assert.ok(text(e, r.moduleCallSpan).startsWith('module "storage"'));

  const bucket = attr(e, 'module.storage.aws_s3_bucket.this', 'bucket');
  assert.equal(toPlain(bucket), 'logs-bucket');
  assert.equal(bucket.origin, 'derived');
  assert.equal(text(e, bucket.span), 'var.bucket_name');
  assert.equal(bucket.via![0]!.file, `${DIR}/main.tf`, 'the chain goes through the module argument in the caller');
  assert.equal(text(e, bucket.via![0]), '"${var.name}-bucket"');
  assert.equal(text(e, bucket.via!.at(-1)), '"logs"');

  const inner = resource(e, 'module.storage.module.inner.aws_kms_key.k');
  assert.deepEqual(inner.modulePath, ['storage', 'inner']);
  assert.equal(text(e, inner.moduleCallSpan).split('\n')[0], 'module "storage" {', 'nested resources point at the call in the root');
  assert.equal(toPlain(attr(e, 'module.storage.module.inner.aws_kms_key.k', 'description')), 'key for logs-bucket');

  const enc = attr(e, 'module.storage.aws_s3_bucket_server_side_encryption_configuration.this[0]', 'bucket');
  assert.deepEqual(enc.refs, [{ address: 'module.storage.aws_s3_bucket.this', attribute: 'id' }]);
  assert.ok(e.result.files.some((f) => f.path === `${DIR}/modules/nested/main.tf`));
  assert.ok(e.result.comments.has(`${DIR}/modules/storage/main.tf`));
});

test('module outputs are evaluated for the caller', () => {
  const e = evaluateDir(fixture('modules'), DIR);
  assert.equal(toPlain(attr(e, 'aws_s3_bucket_policy.p', 'name')), 'logs-bucket');
  const id = attr(e, 'aws_s3_bucket_policy.p', 'bucket');
  assert.equal(id.kind, 'unknown');
  assert.ok(id.refs?.some((r) => r.address === 'module.storage.aws_s3_bucket.this' && r.attribute === 'id'));
});

test('a missing local module is a warning on its source; a registry module without init is info', () => {
  const e = evaluateDir(fixture('modules'), DIR);
  const missing = e.result.problems.find((p) => p.code === 'module-not-found');
  assert.ok(missing);
  assert.equal(missing.severity, 'warning');
  assert.equal(text(e, missing.span), '"./modules/nope"');
  assert.ok(missing.range && missing.range.start.line === 11);
  const vpc = e.result.problems.find((p) => p.code === 'module-not-downloaded');
  assert.ok(vpc);
  assert.equal(vpc.severity, 'info');
  assert.equal(vpc.message, 'module vpc (terraform-aws-modules/vpc/aws) is not downloaded; run terraform init to analyze it');
});

test('downloaded modules are found through .terraform/modules/modules.json', () => {
  const e = project({
    'main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  cidr = "10.0.0.0/16"\n}\n',
    '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Version: '5.0.0', Dir: '.terraform/modules/vpc' }] }),
    '.terraform/modules/vpc/main.tf': 'variable "cidr" {}\nresource "aws_vpc" "this" {\n  cidr_block = var.cidr\n}\n',
  });
  const v = attr(e, 'module.vpc.aws_vpc.this', 'cidr_block');
  assert.equal(toPlain(v), '10.0.0.0/16');
  assert.equal(text(e, v.via![0]), '"10.0.0.0/16"');
  assert.equal(e.result.problems.length, 0, JSON.stringify(e.result.problems));
});

test('module count/for_each: absent at 0, instances otherwise', () => {
  const e = project({
    'main.tf': [
      'module "off" {\n  source = "./m"\n  count = 0\n}',
      'module "many" {\n  source = "./m"\n  for_each = toset(["a", "b"])\n  n = each.key\n}',
    ].join('\n'),
    'm/main.tf': 'variable "n" {\n  default = "x"\n}\nresource "aws_sqs_queue" "q" {\n  name = var.n\n}\n',
  });
  assert.deepEqual(e.result.resources.map((r) => r.address), ['module.many["a"].aws_sqs_queue.q', 'module.many["b"].aws_sqs_queue.q']);
  assert.equal(toPlain(attr(e, 'module.many["b"].aws_sqs_queue.q', 'name')), 'b');
});

test('a module that calls itself is stopped with a warning, not a hang', () => {
  const e = project({
    'main.tf': 'module "a" {\n  source = "./a"\n}\n',
    'a/main.tf': 'module "again" {\n  source = "../a"\n}\nresource "aws_sqs_queue" "q" {}\n',
  });
  assert.deepEqual(e.result.resources.map((r) => r.address), ['module.a.aws_sqs_queue.q']);
  assert.ok(e.result.problems.some((p) => p.code === 'module-cycle'));
});

test('paths: dot segments resolve and Windows drives are kept', async () => {
  const { normalizePath } = await import('../../../../server/src/engine/evaluate/terraform/module');
  assert.equal(normalizePath('/ws/p/./modules/../m'), '/ws/p/m');
  assert.equal(normalizePath('c:/ws/p/../q'), 'c:/ws/q');
  assert.equal(normalizePath('/../x'), '/x');
});
