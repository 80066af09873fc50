// "Suppress for this resource" edits in every format, checked by re-analysis with the real engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeUnit, type Unit } from '../../server/src/engine/analyze';
import type { Host } from '../../server/src/engine/source';
import { suppressionFix } from '../../server/src/lsp/suppress-edit';
import { resourceOf } from '../../server/src/lsp/locate';

function memHost(files: Record<string, string>): Host {
  return {
    readFile: (p) => files[p],
    readDir: (d) => {
      const names = Object.keys(files).filter((p) => p.startsWith(d + '/') && !p.slice(d.length + 1).includes('/'));
      return names.length ? names.map((p) => ({ name: p.slice(d.length + 1), isDirectory: false })) : undefined;
    },
  };
}

function apply(text: string, edits: { start: number; end: number; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Suppresses `ruleId` on its first finding, re-analyzes, and returns the new text and the remaining rule ids. */
function suppressOnce(path: string, text: string, unit: Unit, ruleId: string): { text: string; rules: string[] } {
  const r = analyzeUnit(unit, memHost({ [path]: text }));
  const f = r.findings.find((x) => x.ruleId === ruleId && !x.suppressedBy);
  assert.ok(f, `${ruleId} fires before suppression`);
  const res = resourceOf(r, f)!;
  const file = r.files.find((x) => x.path === res.file)!;
  const fix = suppressionFix(res, file, ruleId)!;
  assert.ok(fix, 'a suppression edit');
  const next = apply(text, fix.edits);
  const again = analyzeUnit(unit, memHost({ [path]: next }));
  assert.deepEqual(again.problems.filter((p) => p.code.includes('syntax')), [], 'the edited file still parses');
  return { text: next, rules: again.findings.filter((x) => !x.suppressedBy).map((x) => x.ruleId) };
}

const JSON_BASE = (metadata: string) => `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Vol": {
      "Type": "AWS::EC2::Volume",${metadata}
      "Properties": { "AvailabilityZone": "us-east-1a", "Size": 10, "Encrypted": false }
    }
  }
}
`;

for (const [name, metadata] of [
  ['no Metadata', ''],
  ['Metadata without demarc', '\n      "Metadata": { "cfn_nag": { "rules_to_suppress": [] } },'],
  ['demarc without ignore', '\n      "Metadata": { "demarc": {} },'],
  ['an ignore list with an entry', '\n      "Metadata": { "demarc": { "ignore": [ { "id": "aws-ec2-require-imdsv2", "reason": "n/a" } ] } },'],
] as const) {
  test(`JSON template, ${name}: Metadata.demarc.ignore gets the rule`, () => {
    const path = '/ws/vol.json';
    const { text, rules } = suppressOnce(path, JSON_BASE(metadata), { kind: 'cloudformation', path, files: [path] }, 'aws-ec2-ebs-encryption');
    assert.ok(!rules.includes('aws-ec2-ebs-encryption'));
    const ignore = JSON.parse(text).Resources.Vol.Metadata.demarc.ignore as { id: string; reason: string }[];
    assert.ok(ignore.some((e) => e.id === 'aws-ec2-ebs-encryption' && e.reason === 'reason: explain why'));
  });
}

test('YAML template: a comment above the logical id, at its indentation', () => {
  const path = '/ws/t.yaml';
  const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Vol:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: us-east-1a\n      Size: 10\n      Encrypted: false\n';
  const out = suppressOnce(path, text, { kind: 'cloudformation', path, files: [path] }, 'aws-ec2-ebs-encryption');
  assert.match(out.text, /\n  # demarc:ignore aws-ec2-ebs-encryption -- reason: explain why\n  Vol:\n/);
  assert.ok(!out.rules.includes('aws-ec2-ebs-encryption'));
});

test('Terraform with CRLF line ends: the comment line keeps them', () => {
  const path = '/ws/main.tf';
  const text = 'resource "aws_ebs_volume" "v" {\r\n  availability_zone = "us-east-1a"\r\n  size = 10\r\n}\r\n';
  const out = suppressOnce(path, text, { kind: 'terraform', path: '/ws', files: [path] }, 'aws-ec2-ebs-encryption');
  assert.ok(out.text.startsWith('# demarc:ignore aws-ec2-ebs-encryption -- reason: explain why\r\nresource'));
  assert.ok(!out.rules.includes('aws-ec2-ebs-encryption'));
});
