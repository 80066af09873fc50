import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules } from '../../server/src/engine/rules/registry';
import { runCli } from './helpers';

test('demarc rules lists every rule with severity, fix, formats, title and controls', async () => {
  const r = await runCli(['rules']);
  assert.equal(r.code, 0);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^RULE\s+SEVERITY\s+FIX\s+FORMATS\s+TITLE · CONTROLS$/);
  for (const { meta } of allRules()) {
    const line = lines.find((l) => l.startsWith(`${meta.id} `));
    assert.ok(line, meta.id);
    assert.match(line, new RegExp(` ${meta.severity} +${meta.fixable ? 'yes' : 'no '} `));
    assert.ok(line.includes(meta.title), meta.id);
    for (const c of meta.controls) assert.ok(line.includes(c), `${meta.id} ${c}`);
  }
  assert.match(lines[lines.length - 1]!, new RegExp(`^${allRules().length} rules \\(`));
});

test('demarc rules --format json', async () => {
  const r = await runCli(['rules', '--format', 'json']);
  assert.equal(r.code, 0);
  const json = JSON.parse(r.stdout) as { version: number; rules: { id: string; severity: string; title: string; controls: string[]; formats: string[]; fixable: boolean; equivalents: object; helpUri: string }[] };
  assert.equal(json.version, 1);
  assert.deepEqual(json.rules.map((x) => x.id), allRules().map((x) => x.meta.id));
  for (const [i, row] of json.rules.entries()) {
    const meta = allRules()[i]!.meta;
    assert.deepEqual([row.severity, row.title, row.controls, row.formats, row.fixable, row.equivalents], [meta.severity, meta.title, meta.controls, meta.formats, meta.fixable, meta.equivalents]);
    assert.match(row.helpUri, new RegExp(`${meta.id}\\.md$`));
  }
});

test('demarc rules --format markdown prints a table with one row per rule', async () => {
  const r = await runCli(['rules', '--format', 'markdown']);
  assert.equal(r.code, 0);
  const rows = r.stdout.trimEnd().split('\n');
  assert.equal(rows[0], '| Rule | Severity | Title | Controls | Formats | Fixable |');
  assert.equal(rows.length, allRules().length + 2);
  const v = rows.find((l) => l.startsWith('| [aws-s3-versioning]'))!;
  assert.match(v, /\| \[aws-s3-versioning\]\(rules\/aws-s3-versioning\.md\) \| \w+ \| .+ \| (yes|no) \|$/);
});
