// AnalyzeOptions that change how much work analysis does: `fixes: false` leaves edits unwritten (marking where one
// was left out) and nothing else,
// `phases` accounts for where the time went.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, analyzeUnit, discover, type PhaseTimes } from '../../server/src/engine/analyze';
import type { Finding } from '../../server/src/engine/types';
import { memoryHost } from '../helpers/memory-host';

const files = {
  '/ws/tf/main.tf': [
    'resource "aws_s3_bucket" "logs" {',
    '  bucket = "acme-logs"',
    '}',
    '',
    'resource "aws_security_group" "web" {',
    '  ingress {',
    '    from_port   = 22',
    '    to_port     = 22',
    '    protocol    = "tcp"',
    '    cidr_blocks = ["0.0.0.0/0"]',
    '  }',
    '}',
    '',
  ].join('\n'),
  '/ws/cfn/template.yaml': ['Resources:', '  Data:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: acme-data', ''].join('\n'),
};

const strip = (f: Finding) => {
  const { fix: _fix, fixOmitted: _omitted, ...rest } = f;
  return rest;
};

test('fixes: false yields the same findings without edits', () => {
  const host = memoryHost(files);
  const full = analyze(['/ws'], host);
  const bare = analyze(['/ws'], host, { fixes: false });
  const fixable = full.findings.filter((f) => f.fix);
  // The check below means something only if this workspace has fixable findings in both formats.
  assert.ok(fixable.some((f) => f.file.endsWith('.tf')), 'a Terraform finding with a fix');
  assert.ok(fixable.some((f) => f.file.endsWith('.yaml')), 'a CloudFormation finding with a fix');
  assert.equal(bare.findings.filter((f) => f.fix).length, 0);
  assert.deepEqual(bare.findings.map(strip), full.findings.map(strip));
  // Each finding that has a fix says so without it (the language server marks such diagnostics fixable).
  full.findings.forEach((f, i) => {
    if (f.fix) assert.equal(bare.findings[i]!.fixOmitted, true, `${f.ruleId}: fix omitted`);
    assert.equal(f.fixOmitted, undefined);
  });
  assert.deepEqual(bare.problems, full.problems);
});

test('phases accumulates every phase of every unit', () => {
  const host = memoryHost(files);
  const phases: PhaseTimes = { read: 0, evaluate: 0, adapt: 0, rules: 0, finish: 0 };
  const { units } = discover(['/ws'], host);
  assert.equal(units.length, 2);
  let wall = 0;
  for (const unit of units) {
    const t = performance.now();
    analyzeUnit(unit, host, { phases });
    wall += performance.now() - t;
  }
  const sum = Object.values(phases).reduce((a, b) => a + b, 0);
  for (const [name, ms] of Object.entries(phases)) assert.ok(ms >= 0 && Number.isFinite(ms), `${name}: ${ms}`);
  // Evaluation (with parsing) and the rules always do some work; the phases never add up to more than the calls took.
  assert.ok(phases.evaluate > 0 && phases.rules > 0);
  assert.ok(sum <= wall + 0.01, `phases ${sum} ms within ${wall} ms`);
});
