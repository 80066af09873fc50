import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl, forEachExpr } from '../../../../server/src/engine/parse/hcl/index';
import { as, assertRangesWithin, at, attr, block } from './helpers';

const src = readFileSync(join(import.meta.dirname ?? __dirname, 'fixtures/realistic.tf'), 'utf8');

test('a realistic Terraform file parses with no errors', () => {
  const f = parseHcl(src);
  assert.deepEqual(f.errors, []);
  assertRangesWithin(src, f);
  const kinds = f.body.items.map((i) => (i.type === 'Block' ? [i.blockType.name, ...i.labels.map((l) => l.value)].join(' ') : i.name.name));
  assert.deepEqual(kinds, [
    'terraform',
    'variable environment',
    'variable admin_cidrs',
    'locals',
    'resource aws_s3_bucket logs',
    'resource aws_s3_bucket_versioning logs',
    'resource aws_s3_bucket_public_access_block logs',
    'resource aws_s3_bucket_server_side_encryption_configuration logs',
    'resource aws_kms_key logs',
    'resource aws_security_group admin',
    'resource aws_iam_policy read_logs',
    'resource aws_iam_role_policy tls_only',
    'module network',
    'output bucket_arns',
  ]);
  assert.equal(f.comments.length, 1);
});

test('realistic file: dynamic block, heredoc policy, jsonencode and for expressions', () => {
  const f = parseHcl(src);
  const sg = block(f, 'resource', 'aws_security_group', 'admin');
  const dyn = block(sg.body, 'dynamic', 'ingress');
  const content = block(dyn.body, 'content');
  const from = as(attr(content.body, 'from_port').expr, 'GetAttr');
  assert.equal(from.start, at(src, 'ingress.value.port'));

  const policy = as(attr(block(f, 'resource', 'aws_iam_policy', 'read_logs').body, 'policy').expr, 'Template');
  assert.deepEqual(policy.heredoc, { marker: 'EOT', indented: true });
  const first = policy.parts[0]!;
  assert.equal(first.type, 'Text');
  if (first.type === 'Text') assert.ok(first.value.startsWith('{\n  "Version": "2012-10-17",\n'), first.value);
  const interp = policy.parts[1]!;
  assert.equal(interp.type, 'Interp');
  assert.equal(interp.start, at(src, '${aws_s3_bucket.logs.arn}/*"\n      }]'));

  const je = as(attr(block(f, 'resource', 'aws_iam_role_policy', 'tls_only').body, 'policy').expr, 'Call');
  assert.equal(je.name.name, 'jsonencode');
  const stmt = as(as(as(je.args[0]!, 'Object').items[1]!.value, 'Tuple').items[0]!, 'Object');
  assert.deepEqual(stmt.items.map((i) => (i.key.type === 'Variable' ? i.key.name : '?')), ['Effect', 'Action', 'Principal', 'Resource', 'Condition']);

  const locals = block(f, 'locals');
  const rules = as(attr(locals.body, 'ingress_rules').expr, 'For');
  assert.equal(rules.object, true);
  assert.equal(as(rules.keyExpr!, 'Call').name.name, 'tostring');
  const names = as(attr(locals.body, 'upper_names').expr, 'For');
  assert.ok(names.cond);

  const refs = new Set<string>();
  forEachExpr(f, (e) => {
    if (e.type === 'GetAttr' && e.object.type === 'GetAttr' && e.object.object.type === 'Variable' && e.object.object.name === 'aws_s3_bucket') {
      refs.add(`${e.object.name.name}.${e.name.name}`);
    }
  });
  assert.deepEqual([...refs].sort(), ['logs.arn', 'logs.bucket', 'logs.id']);
});
