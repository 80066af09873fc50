// One Terraform module of 3,000 files laid out alike (findings at the same offsets in every file): no finding is
// lost to de-duplication and every file's suppression comment covers its own resource only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { memoryHost } from '../helpers/memory-host';

test('3,000 look-alike files in one module keep every finding, and each comment suppresses its own', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 3000; i++) {
    const comment = i % 2 === 0 ? `# demarc:ignore aws-s3-versioning -- file ${i}` : '# plain comment';
    files[`/w/f${String(i).padStart(4, '0')}.tf`] = `${comment}\nresource "aws_s3_bucket" "b${String(i).padStart(4, '0')}" {\n  bucket = "acme-${i}"\n}\n`;
  }
  const r = analyze(['/w'], memoryHost(files));
  const versioning = r.findings.filter((f) => f.ruleId === 'aws-s3-versioning');
  assert.equal(versioning.length, 3000);
  assert.equal(new Set(r.findings.map((f) => `${f.file}|${f.ruleId}`)).size, r.findings.length, 'one finding per file and rule');
  for (const f of versioning) {
    const i = Number(/f(\d+)\.tf$/.exec(f.file)![1]);
    assert.equal(f.suppressedBy?.reason, i % 2 === 0 ? `file ${i}` : undefined, f.file);
  }
  // Every file has the same findings as the first one.
  const perFile = new Map<string, string[]>();
  for (const f of r.findings) perFile.set(f.file, [...(perFile.get(f.file) ?? []), f.ruleId].sort());
  const first = JSON.stringify(perFile.get('/w/f0000.tf'));
  for (const [file, ids] of perFile) assert.equal(JSON.stringify(ids), first, file);
  assert.equal(perFile.size, 3000);
});
