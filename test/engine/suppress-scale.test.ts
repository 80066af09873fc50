// Suppressions in a large module: every comment covers exactly its own resource, found through the per-file and
// per-line indexes rather than by testing every directive against every finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { memoryHost } from '../helpers/memory-host';

test('2,000 buckets with comments above, trailing and inside: each suppression covers its own resource only', () => {
  const out: string[] = [];
  for (let i = 0; i < 2000; i++) {
    if (i % 2 === 0) out.push(`# demarc:ignore aws-s3-versioning -- archive ${i}`);
    out.push(`resource "aws_s3_bucket" "b${i}" {`);
    out.push(i % 3 === 0 ? `  bucket = "acme-${i}" # checkov:skip=CKV_AWS_18:logs ${i}` : `  bucket = "acme-${i}"`);
    out.push('}', '');
  }
  const r = analyze(['/s'], memoryHost({ '/s/main.tf': out.join('\n') }));
  const byBucket = new Map<string, typeof r.findings>();
  for (const f of r.findings) byBucket.set(f.resource!, [...(byBucket.get(f.resource!) ?? []), f]);
  assert.equal(byBucket.size, 2000);
  let suppressed = 0;
  for (const [address, findings] of byBucket) {
    const i = Number(address.slice('aws_s3_bucket.b'.length));
    for (const f of findings) {
      if (f.ruleId === 'aws-s3-versioning' && i % 2 === 0) assert.equal(f.suppressedBy?.reason, `archive ${i}`, address);
      else if (f.ruleId === 'aws-s3-access-logging' && i % 3 === 0) assert.equal(f.suppressedBy?.reason, `logs ${i}`, address);
      else assert.equal(f.suppressedBy, undefined, `${address} ${f.ruleId}`);
      if (f.suppressedBy) suppressed++;
    }
  }
  assert.equal(suppressed, 1000 + 667);
});
