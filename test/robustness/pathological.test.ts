// Pathological input through the whole engine (discover → analyzeUnit): each case finishes within a generous
// bound (it guards against hangs and blow-ups, not a performance target), never throws, and says what happened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type AnalysisResult } from '../../server/src/engine/analyze';
import { createNodeHost } from '../../server/src/host/node-host';
import type { Host } from '../../server/src/engine/source';
import { memoryHost } from '../helpers/memory-host';
import { generateTerraform } from '../../bench/lsp';

/** Anything above this is a hang, whatever the machine's load. */
const BOUND_MS = 30_000;

function timed<T>(what: string, fn: () => T, bound = BOUND_MS): T {
  const t = Date.now();
  const r = fn();
  const ms = Date.now() - t;
  assert.ok(ms < bound, `${what} took ${ms} ms`);
  return r;
}

function codes(r: AnalysisResult, file?: string): string[] {
  return r.problems.filter((p) => !file || p.file === file).map((p) => p.code);
}

function inRange(r: AnalysisResult): void {
  for (const f of r.findings) {
    const file = r.files.get(f.file);
    assert.ok(file, `finding in an unknown file ${f.file}`);
    assert.ok(f.span.start >= 0 && f.span.end <= file.text.length && f.span.start <= f.span.end, `span outside ${f.file}`);
    assert.ok(f.range.start.line < file.lines.lineCount && f.range.end.line < file.lines.lineCount, `range outside ${f.file}`);
  }
}

test('a 50 MB file is skipped with a notice, without being read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-huge-')).replace(/\\/g, '/');
  try {
    // Sparse: 50 MB on paper, no time spent writing it.
    const fd = openSync(`${dir}/huge.tf`, 'w');
    writeSync(fd, 'resource "aws_s3_bucket" "b" {}\n');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    writeFileSync(`${dir}/huge.yaml`, 'AWSTemplateFormatVersion: "2010-09-09"\n');
    truncateSync(`${dir}/huge.yaml`, 50 * 1024 * 1024);
    const host = createNodeHost();
    let reads = 0;
    const counting: Host = { ...host, readFile: (p) => (reads++, host.readFile(p)) };
    const before = process.memoryUsage().rss;
    const r = timed('50 MB files', () => analyze([dir], counting));
    assert.equal(reads, 0, 'the huge files were read');
    assert.ok(process.memoryUsage().rss - before < 40 * 1024 * 1024, 'memory grew by the file size');
    const notes = [...r.skipped.map((s) => `${s.path}: ${s.reason}`), ...r.problems.map((p) => `${p.file}: ${p.code} ${p.message}`)];
    assert.ok(notes.some((n) => n.startsWith(`${dir}/huge.tf`) && /size|large|limit/i.test(n)), notes.join('\n'));
    assert.ok(notes.some((n) => n.startsWith(`${dir}/huge.yaml`) && /size|large|limit/i.test(n)), notes.join('\n'));
    assert.equal(r.findings.length, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a 100,000-line Terraform file is analyzed in bounded time and memory', () => {
  const { text } = generateTerraform(100_000);
  assert.ok(text.split('\n').length >= 100_000);
  const host = memoryHost({ '/w/main.tf': text });
  const heapBefore = process.memoryUsage().heapUsed;
  // Under a second on an idle machine since companion joins are indexed (3 s before); 18 s was once seen on a
  // shared machine with ten times its load, hence a wide bound.
  const r = timed('100,000 lines', () => analyze(['/w'], host, { maxFileSize: 64 * 1024 * 1024 }), 90_000);
  assert.deepEqual(codes(r), []);
  // About 3,000 resources, each with several of the benchmark's deliberate misconfigurations.
  assert.ok(r.findings.length > 3000, `${r.findings.length} findings`);
  assert.ok(r.findings.some((f) => f.range.start.line > 99_000), 'findings near the end of the file');
  inRange(r);
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  assert.ok(heapMb < 1500, `heap grew by ${heapMb.toFixed(0)} MB`);
});

test('10,000-deep nesting in HCL, YAML and JSON: no stack overflow, a nesting problem at the right file', () => {
  const n = 10_000;
  const files: Record<string, string> = {
    '/w/tf/deep.tf': `resource "aws_s3_bucket" "b" {\n  tags = ${'{ a = '.repeat(n)}1${' }'.repeat(n)}\n}\nlocals {\n  l = ${'['.repeat(n)}${']'.repeat(n)}\n}\n`,
    '/w/tf/blocks.tf': `${'a {\n'.repeat(n)}${'}\n'.repeat(n)}`,
    '/w/cfn/deep.json': `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": ${'['.repeat(n)}${']'.repeat(n)}}}}}`,
    '/w/cfn/flow.yaml': `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: ${'['.repeat(n)}${']'.repeat(n)}\n`,
    // Compact nested block sequences (`- - - x`): block nesting without quadratic indentation.
    '/w/cfn/block.yaml': `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      ${'- '.repeat(n)}x\n`,
  };
  const r = timed('deep nesting', () => analyze(['/w'], memoryHost(files)));
  for (const path of Object.keys(files)) {
    const mine = r.problems.filter((p) => p.file === path);
    assert.ok(mine.length >= 1, `${path}: no problem reported (${JSON.stringify(codes(r))})`);
    assert.ok(mine.some((p) => /deep|nest|complex/i.test(`${p.code} ${p.message}`)), `${path}: ${JSON.stringify(mine.map((p) => p.message))}`);
    for (const p of mine) assert.ok(p.range, `${path}: problem without a position`);
  }
  // The resources around the deep values are still there.
  assert.ok(r.resources.some((x) => x.address === 'aws_s3_bucket.b' || x.address?.endsWith('aws_s3_bucket.b')), 'the Terraform bucket was analyzed');
});

test('a YAML alias bomb is bounded and reported', () => {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Metadata:', '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  // 10^16 nodes if expanded.
  for (let i = 1; i <= 15; i++) lines.push(`  l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
  lines.push('Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      Tags: *l15', '      BucketName: !Sub "${AWS::StackName}-x"', '');
  const heapBefore = process.memoryUsage().heapUsed;
  const r = timed('alias bomb', () => analyze(['/w'], memoryHost({ '/w/bomb.yaml': lines.join('\n') })));
  assert.ok(codes(r, '/w/bomb.yaml').includes('yaml-alias-limit'), JSON.stringify(codes(r)));
  assert.ok(r.resources.some((x) => x.address === 'Bucket'), 'the bucket itself is still analyzed');
  assert.ok((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024 < 500, 'memory bounded');
});

test('a 1 MB single line: Terraform, minified JSON and a YAML flow mapping are analyzed', () => {
  const big = 'x'.repeat(1024 * 1024);
  // A few hundred findings on the one line: each finding's fix looks at its line, so this also keeps per-finding
  // work that scans the line from turning quadratic unnoticed (thousands of findings on one 1 MB line took
  // tens of seconds when measured; see the benchmark notes).
  const resources: Record<string, unknown> = { Meta: { Type: 'AWS::CloudFormation::WaitConditionHandle', Metadata: { blob: big } } };
  for (let i = 0; i < 300; i++) resources[`Vol${i}`] = { Type: 'AWS::EC2::Volume', Properties: { Size: 10, Encrypted: false, AvailabilityZone: 'eu-west-1a' } };
  const json = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources });
  assert.ok(json.length > 1024 * 1024 && !json.includes('\n'));
  const vols = Object.keys(resources).slice(1).map((k) => `${k}: {Type: AWS::EC2::Volume, Properties: {Size: 10, Encrypted: false, AvailabilityZone: eu-west-1a}}`);
  const yaml = `AWSTemplateFormatVersion: "2010-09-09"\nResources: {Meta: {Type: AWS::CloudFormation::WaitConditionHandle, Metadata: {blob: ${big}}}, ${vols.join(', ')}}\n`;
  assert.ok(yaml.split('\n')[1]!.length > 1024 * 1024);
  const files = {
    '/w/tf/main.tf': `resource "aws_s3_bucket" "b" { bucket = "${big}" }\nresource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size = 1\n}\n`,
    '/w/cfn/min.json': json,
    '/w/cfn/flow.yaml': yaml,
  };
  const r = timed('1 MB lines', () => analyze(['/w'], memoryHost(files), { maxFileSize: 16 * 1024 * 1024 }));
  assert.deepEqual(r.problems.filter((p) => p.severity === 'error'), []);
  const count = (file: string) => r.findings.filter((f) => f.file === file).length;
  assert.ok(count('/w/cfn/min.json') >= 300, `json: ${count('/w/cfn/min.json')}`);
  assert.ok(count('/w/cfn/flow.yaml') >= 300, `yaml: ${count('/w/cfn/flow.yaml')}`);
  assert.ok(count('/w/tf/main.tf') >= 1);
  for (const f of r.findings.filter((x) => x.file === '/w/cfn/min.json')) assert.equal(f.range.start.line, 0);
  for (const f of r.findings.filter((x) => x.file === '/w/cfn/flow.yaml')) assert.equal(f.range.start.line, 1);
  inRange(r);
});

test('files that change, vanish or turn into folders during a scan: no crash, a clear result', () => {
  const good = 'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size = 1\n}\n';
  const cfn = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 1\n      AvailabilityZone: eu-west-1a\n';
  const base = memoryHost({
    '/w/a/main.tf': good,
    '/w/a/gone.tf': good,
    '/w/a/shrinks.tf': good,
    '/w/b/template.yaml': cfn,
    '/w/b/renamed.yaml': cfn,
    '/w/b/throws.yaml': cfn,
  });
  // The listing is taken first; by the time each file is read it has changed in a different way.
  const reads = new Map<string, number>();
  const host: Host = {
    ...base,
    fileSize: undefined,
    readFile: (p) => {
      const n = (reads.get(p) ?? 0) + 1;
      reads.set(p, n);
      if (p === '/w/a/gone.tf') return undefined; // deleted after the listing
      if (p === '/w/a/shrinks.tf') return good.slice(0, 20); // truncated mid-write
      if (p === '/w/b/renamed.yaml' && n > 1) return undefined; // gone between detection and analysis
      if (p === '/w/b/throws.yaml' && n > 1) throw Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' });
      if (p === '/w/b/template.yaml' && n > 1) return cfn.replace('Size: 1', 'Size: [1'); // edited mid-scan
      return base.readFile(p);
    },
  };
  const r = timed('changing files', () => analyze(['/w'], host));
  const about = (file: string) => r.problems.filter((p) => p.file === file).map((p) => `${p.code}: ${p.message}`);
  assert.ok(about('/w/a/gone.tf').length === 1 && /read/i.test(about('/w/a/gone.tf')[0]!), JSON.stringify(about('/w/a/gone.tf')));
  assert.ok(about('/w/a/shrinks.tf').some((m) => m.startsWith('hcl')), JSON.stringify(about('/w/a/shrinks.tf')));
  assert.ok(about('/w/b/renamed.yaml').some((m) => /read/i.test(m)), JSON.stringify(about('/w/b/renamed.yaml')));
  assert.ok(about('/w/b/throws.yaml').some((m) => /read/i.test(m)), JSON.stringify(about('/w/b/throws.yaml')));
  assert.ok(about('/w/b/template.yaml').some((m) => m.startsWith('yaml')), JSON.stringify(about('/w/b/template.yaml')));
  // What could be read is analyzed as read.
  assert.ok(r.findings.some((f) => f.file === '/w/a/main.tf'));
  inRange(r);
});

test('50,000 suppression comments above one resource, and 25,000 on its one line: bounded time, each applies', () => {
  const above = `${'# demarc:ignore aws-s3-versioning -- archived copy\n'.repeat(50_000)}resource "aws_s3_bucket" "b" {\n  bucket = "acme"\n}\n`;
  const inline = `resource "aws_s3_bucket" "b" { ${'/* demarc:ignore aws-s3-versioning -- archived copy */ '.repeat(25_000)}}\n`;
  for (const [name, text] of [['above', above], ['inline', inline]] as const) {
    // Each comment once searched down to the code below it (39 s for the first) or sliced its whole line (the second).
    const r = timed(`${name}: suppression comments`, () => analyze(['/w'], memoryHost({ '/w/main.tf': text }), { maxFileSize: 8 * 1024 * 1024 }));
    const versioning = r.findings.filter((f) => f.ruleId === 'aws-s3-versioning');
    assert.equal(versioning.length, 1, name);
    assert.equal(versioning[0]!.suppressedBy?.reason, 'archived copy', name);
    inRange(r);
  }
});

test('Terraform evaluation bombs: shared structure doubling 30 times, nested for expressions 3,000 x 3,000', () => {
  // Thirty locals, each holding the previous one twice: a few lines describing a billion elements.
  const doubling = `locals {\n  a0 = { k = "v" }\n${Array.from({ length: 30 }, (_, i) => `  a${i + 1} = { l = local.a${i}, r = local.a${i} }`).join('\n')}\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "acme"\n  tags   = local.a30\n}\n`;
  const nested = `locals {\n  x = flatten([for i in range(3000) : [for j in range(3000) : "\${i}-\${j}"]])\n}\nresource "aws_sqs_queue" "q" {\n  name = "q-\${length(local.x)}"\n}\n`;
  for (const [name, text, code] of [['doubling', doubling, 'value-too-large'], ['nested for', nested, 'evaluation-budget']] as const) {
    const heapBefore = process.memoryUsage().heapUsed;
    // Both ran out of memory (4 GB heap) before values were bounded in size and iterations in number.
    const r = timed(name, () => analyze(['/w'], memoryHost({ '/w/main.tf': text })));
    const p = r.problems.find((x) => x.code === code);
    assert.ok(p, `${name}: ${r.problems.map((x) => x.code).join(', ')}`);
    assert.equal(p.file, '/w/main.tf');
    assert.ok(p.range && p.range.start.line >= 1, `${name}: the problem points into the file`);
    // The resources are still analyzed, with the oversized value unknown.
    assert.ok(r.resources.length === 1, name);
    inRange(r);
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    assert.ok(heapMb < 1000, `${name}: heap grew by ${heapMb.toFixed(0)} MB`);
  }
});
