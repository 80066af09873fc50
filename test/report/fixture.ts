// The report fixture project, analyzed, and the matrices built from it: shared by the report tests and the
// headless-Chromium test among the real-client suites (test/e2e/report-chromium.test.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../../server/src/engine/analyze';
import { parseProjectConfig } from '../../server/src/engine/config';
import { createNodeHost } from '../../server/src/host/node-host';
import { explainResource } from '../../server/src/engine/responsibility';
import { matrixFromAnalysis, teamFor, type MatrixData } from '../../server/src/report';
import type { ReportResult } from '../../server/src/shared/protocol';

export const ROOT = resolve(__dirname, '../..').replace(/\\/g, '/');
export const PROJECT = `${ROOT}/test/fixtures/report/project`;

export function analyzeFixture() {
  const configPath = `${PROJECT}/.demarc.yaml`;
  const { config, problems } = parseProjectConfig(readFileSync(configPath, 'utf8'), configPath);
  assert.deepEqual(problems, []);
  const result = analyze([PROJECT], createNodeHost(), { config });
  return { result, config };
}

export function buildFixtureMatrix(): MatrixData {
  const { result, config } = analyzeFixture();
  return matrixFromAnalysis(result, { cwd: PROJECT, roots: ['.'], config, generatedAt: '2026-01-01T00:00:00.000Z' });
}

export function reportResultForFixture(): ReportResult {
  const { result, config } = analyzeFixture();
  const lines = (f: string) => result.files.get(f)?.lines;
  const resources: ReportResult['resources'] = [];
  for (const u of result.units)
    for (const r of u.sourceResources) {
      if (r.type === 'aws_s3_bucket_versioning') continue;
      const owner = teamFor(r, config.owners, config.root);
      const card = explainResource(r, u.findings, owner ? { lines, owner } : { lines });
      const range = lines(r.file)!.rangeOf(r.headerSpan.start, r.headerSpan.end);
      resources.push({ address: r.address, type: r.type, format: r.format, uri: 'file://' + r.file, range, findings: [], responsibility: JSON.parse(JSON.stringify(card)) });
    }
  resources.push({ address: 'aws_foo.bar', type: 'aws_foo', format: 'terraform', uri: `file://${PROJECT}/x.tf`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, findings: [] });
  return { generatedAt: '2026-01-01T00:00:00.000Z', roots: ['file://' + PROJECT], resources, counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 }, problems: [] };
}
