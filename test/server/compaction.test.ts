// After a workspace scan, units with no open document keep only their files and problems (the models of a large
// workspace would otherwise stay in memory); opening a file, hovering and the workspace report analyze them again.
// Real engine, real vscode-languageserver connection in-process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../server/src/lsp/engine';
import { pathToUri } from '../../server/src/lsp/uri';
import { startInProcess } from './helpers/in-process';

const BUCKET = `resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  acl    = "public-read"
}
`;
const TEMPLATE = `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-data
`;

let ws: string;
before(() => {
  ws = mkdtempSync(join(tmpdir(), 'demarc-compact-')).replace(/\\/g, '/');
  for (let i = 0; i < 3; i++) {
    mkdirSync(`${ws}/m${i}`);
    writeFileSync(`${ws}/m${i}/main.tf`, BUCKET);
  }
  writeFileSync(`${ws}/data.yaml`, TEMPLATE);
});
after(() => rmSync(ws, { recursive: true, force: true }));

test('scanned units without open documents are compact; open, hover and report get whole analyses', async () => {
  const s = startInProcess(createEngine(), { settings: { analysis: { debounceMs: 0 } } });
  try {
    await s.client.initialize(pathToUri(ws));
    await s.client.waitFor(() => s.client.progress.some((p) => p.value.kind === 'end'), 20_000, 'scan progress end');
    const analysis = s.server.deps()!.analysis;
    const entries = analysis.allEntries();
    assert.equal(entries.length, 4);
    for (const e of entries) {
      assert.equal(e.compact, true, e.unit.path);
      assert.deepEqual([e.result.findings.length, e.result.resources.length, e.result.sourceResources.length], [0, 0, 0]);
      assert.ok(e.result.files.length >= 1 && e.counts.findings > 0, e.unit.path);
    }
    const published = [...s.client.diagnostics.values()].reduce((n, p) => n + p.diagnostics.length, 0);
    assert.equal(entries.reduce((n, e) => n + e.counts.findings, 0), published);

    // The report analyzes compact units again for itself: every resource, with its findings.
    const report = await s.client.request<{ resources: { address: string; findings: { ruleId: string; fixable: boolean }[] }[]; counts: { total: number } }>('demarc/report', {});
    assert.equal(report.resources.length, 4);
    assert.ok(report.resources.every((r) => r.findings.length > 0));
    // Re-analyzed without writing fix edits, fixable findings still say they are.
    const acl = report.resources.flatMap((r) => r.findings).filter((f) => f.ruleId === 'aws-s3-public-acl');
    assert.ok(acl.length >= 3 && acl.every((f) => f.fixable), JSON.stringify(acl));
    const again = await analysis.full(entries[0]!, false);
    assert.ok(again.result.findings.length > 0 && again.result.findings.every((f) => f.fix === undefined));
    assert.ok(again.result.findings.some((f) => f.fixOmitted === true));
    assert.equal(report.counts.total, published);
    assert.ok(analysis.allEntries().every((e) => e.compact), 'the report leaves the stored entries compact');

    // Opening a file: its unit is analyzed whole again, and a hover shows the resource card.
    const uri = pathToUri(`${ws}/m1/main.tf`);
    await s.client.open(uri, BUCKET);
    const diagnostics = await s.client.diagnosticsFor(uri, 1);
    assert.ok(diagnostics.some((d) => d.code === 'aws-s3-public-acl'), diagnostics.map((d) => d.code).join(', '));
    const hover = await s.client.hover(uri, { line: 0, character: 12 });
    const text = JSON.stringify(hover?.contents ?? '');
    assert.match(text, /aws_s3_bucket/);
    assert.match(text, /AWS secures/);
    const m1 = analysis.allEntries().find((e) => e.unit.path === `${ws}/m1`)!;
    assert.equal(m1.compact, undefined);
    assert.ok(m1.result.sourceResources.length === 1 && m1.result.findings.length > 0);
    assert.equal(analysis.allEntries().filter((e) => e.compact).length, 3);
  } finally {
    await s.stop();
  }
});
