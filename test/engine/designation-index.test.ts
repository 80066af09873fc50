// DesignationIndex answers exactly what filtering with designates() answers, in the same order, on random joins, and
// a module with thousands of buckets and companions is joined without testing every pair.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DesignationIndex, designates } from '../../server/src/engine/adapt/context';
import { analyze } from '../../server/src/engine/analyze';
import type { Val } from '../../server/src/engine/evaluate/value';
import type { SourceResource } from '../../server/src/engine/source';
import { memoryHost } from '../helpers/memory-host';
import { seededRandom } from '../helpers/random';

const span = { file: '/m/main.tf', start: 0, end: 1 };

function target(address: string): SourceResource {
  return { format: 'terraform', mode: 'resource', file: span.file, type: 'aws_s3_bucket', name: address, address, span, headerSpan: span, body: { kind: 'object', fields: new Map() } as SourceResource['body'] };
}

test('DesignationIndex.for and .has agree with designates() on random joins', () => {
  const rnd = seededRandom(20261207);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const addresses = ['aws_s3_bucket.a', 'aws_s3_bucket.b', 'aws_s3_bucket.b[0]', 'aws_s3_bucket.b[1]', 'aws_s3_bucket.c["x"]', 'module.m.aws_s3_bucket.a'];
  const names = ['logs', 'data', 'site', ''];
  for (let round = 0; round < 200; round++) {
    const vals: (Val | undefined)[] = [];
    for (let i = 0; i < 12; i++) {
      const r = rnd();
      if (r < 0.1) vals.push(undefined);
      else if (r < 0.4) vals.push({ kind: 'string', value: pick(names), origin: 'explicit' } as Val);
      else {
        const refs = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ address: pick(addresses), attribute: 'id' }));
        vals.push(rnd() < 0.5 ? ({ kind: 'unknown', origin: 'explicit', refs } as Val) : ({ kind: 'string', value: pick(names), origin: 'derived', refs } as Val));
      }
    }
    const items = vals.map((val, i) => ({ i, val }));
    const index = new DesignationIndex(items, (x) => x.val);
    for (const address of addresses) {
      for (const name of [undefined, ...names]) {
        const t = target(address);
        const expected = items.filter((x) => designates(x.val, t, name));
        assert.deepEqual(index.for(t, name), expected, `${address} / ${name}`);
        assert.equal(index.has(t, name), expected.length > 0);
      }
    }
  }
});

test('a module with 3,000 buckets and 6,000 companions joins each bucket to its own companions', () => {
  const out: string[] = [];
  for (let i = 0; i < 3000; i++) {
    out.push(`resource "aws_s3_bucket" "b${i}" {\n  bucket = "acme-${i}"\n}\n`);
    out.push(`resource "aws_s3_bucket_versioning" "v${i}" {\n  bucket = aws_s3_bucket.b${i}.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`);
    // Every other bucket's public access block names it by its bucket name instead of a reference.
    const by = i % 2 ? `aws_s3_bucket.b${i}.id` : `"acme-${i}"`;
    out.push(`resource "aws_s3_bucket_public_access_block" "p${i}" {\n  bucket                  = ${by}\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`);
  }
  const r = analyze(['/m'], memoryHost({ '/m/main.tf': out.join('\n') }));
  const buckets = r.resources.filter((x) => x.kind === 'aws.s3.bucket');
  assert.equal(buckets.length, 3000);
  for (const b of buckets) {
    const n = b.address.slice('aws_s3_bucket.b'.length);
    assert.deepEqual(b.parts.map((p) => p.address).sort(), [`aws_s3_bucket_public_access_block.p${n}`, `aws_s3_bucket_versioning.v${n}`]);
  }
  const rules = new Set(r.findings.map((f) => f.ruleId));
  assert.ok(!rules.has('aws-s3-versioning') && !rules.has('aws-s3-block-public-access'), [...rules].join(', '));
});

test('2,000 security groups with separate rule resources: each group gets exactly its own rules, in both formats', () => {
  const tf: string[] = [];
  const cfn: string[] = ['Resources:'];
  for (let i = 0; i < 2000; i++) {
    tf.push(`resource "aws_security_group" "g${i}" {\n  name = "g${i}"\n}\n`);
    tf.push(`resource "aws_security_group_rule" "r${i}" {\n  type              = "ingress"\n  security_group_id = aws_security_group.g${i}.id\n  from_port         = ${1000 + i}\n  to_port           = ${1000 + i}\n  protocol          = "tcp"\n  cidr_blocks       = ["10.0.0.0/8"]\n}\n`);
    tf.push(`resource "aws_vpc_security_group_egress_rule" "e${i}" {\n  security_group_id = aws_security_group.g${i}.id\n  ip_protocol       = "-1"\n  cidr_ipv4         = "10.0.0.0/8"\n}\n`);
    cfn.push(`  G${i}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g${i}`);
    cfn.push(`  R${i}:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref G${i}\n      IpProtocol: tcp\n      FromPort: ${1000 + i}\n      ToPort: ${1000 + i}\n      CidrIp: 10.0.0.0/8`);
  }
  const host = memoryHost({ '/t/main.tf': tf.join('\n'), '/c/sg.yaml': cfn.join('\n') + '\n' });
  for (const [root, prefix, expected] of [
    ['/t', 'aws_security_group.g', (n: string) => [`aws_security_group_rule.r${n}`, `aws_vpc_security_group_egress_rule.e${n}`]],
    ['/c', 'G', (n: string) => [`R${n}`]],
  ] as const) {
    const groups = analyze([root], host).resources.filter((x) => x.kind === 'aws.ec2.security-group');
    assert.equal(groups.length, 2000, root);
    for (const g of groups) assert.deepEqual(g.parts.map((p) => p.address).sort(), expected(g.address.slice(prefix.length)), g.address);
  }
});
