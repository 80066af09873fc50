import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { allRules, getRuleMeta, ruleHelpUri } from '../../server/src/engine/rules/registry';
import { securitySeverity } from '../../server/src/engine/types';
import { CLI_FIXTURES, runCli } from './helpers';

// The SARIF 2.1.0 JSON schema (draft-04) as shipped in @microsoft/jest-sarif (sarif-2.1.0-rtm.5.json).
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// unicodeRegExp off: one pattern in that schema (the language tag) is not valid under the `u` flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

/* eslint-disable @typescript-eslint/no-explicit-any */
type Sarif = any;

async function sarif(args: string[], cwd?: string): Promise<{ code: number; log: Sarif }> {
  const r = await runCli(['scan', '--format', 'sarif', ...args], cwd ? { cwd } : {});
  return { code: r.code, log: JSON.parse(r.stdout) };
}

function assertValid(log: Sarif): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF does not validate: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

test('the schema validator rejects broken SARIF (so a pass means something)', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver.name is required');
  assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
});

test('SARIF output validates against the SARIF 2.1.0 schema and carries rule metadata', async () => {
  const { code, log } = await sarif([], `${CLI_FIXTURES}/basic`);
  assert.equal(code, 1);
  assertValid(log);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.name, 'Demarc');
  assert.match(driver.version, /^\d+\.\d+\.\d+/);
  assert.equal(driver.rules.length, allRules().length);
  const desc = driver.rules.find((r: Sarif) => r.id === 'aws-s3-versioning');
  const meta = getRuleMeta('aws-s3-versioning')!;
  assert.equal(desc.shortDescription.text, meta.title);
  assert.equal(desc.fullDescription.text, meta.explanation);
  assert.match(desc.help.text, new RegExp(meta.resolution.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.match(desc.help.markdown, /\*\*Resolution:\*\*/);
  assert.equal(desc.helpUri, ruleHelpUri('aws-s3-versioning'));
  assert.equal(desc.properties['security-severity'], securitySeverity(meta.severity));
  assert.deepEqual(desc.properties.controls, meta.controls);
  assert.ok(desc.properties.equivalents.includes('CKV_AWS_21'));
  assert.ok(['error', 'warning', 'note'].includes(desc.defaultConfiguration.level));

  assert.ok(run.results.length >= 3);
  for (const res of run.results) {
    assert.equal(driver.rules[res.ruleIndex].id, res.ruleId, 'ruleIndex points at the rule');
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(!loc.artifactLocation.uri.startsWith('/'), 'relative URI');
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    assert.equal(typeof res.partialFingerprints['demarcFinding/v1'], 'string');
  }
  const v = run.results.find((r: Sarif) => r.ruleId === 'aws-s3-versioning' && r.locations[0].physicalLocation.artifactLocation.uri === 'main.tf');
  assert.deepEqual([v.locations[0].physicalLocation.region.startLine, v.locations[0].physicalLocation.region.startColumn], [2, 1]);
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${CLI_FIXTURES}/basic/`);
});

test('SARIF fixes are computed from the findings\' text edits', async () => {
  const { log } = await sarif(['--rule', 'aws-s3-versioning'], `${CLI_FIXTURES}/basic`);
  assertValid(log);
  const results = log.runs[0].results;
  const withFix = results.filter((r: Sarif) => r.fixes);
  assert.ok(withFix.length >= 1, 'aws-s3-versioning is fixable');
  for (const r of withFix) {
    const change = r.fixes[0].artifactChanges[0];
    const uri = change.artifactLocation.uri;
    const text = readFileSync(`${CLI_FIXTURES}/basic/${uri}`, 'utf8');
    // Apply the replacements (by charOffset, last first) and check the result reads as a fix.
    let out = text;
    for (const rep of [...change.replacements].sort((a: Sarif, b: Sarif) => b.deletedRegion.charOffset - a.deletedRegion.charOffset)) {
      assert.ok(rep.deletedRegion.startLine >= 1);
      out = out.slice(0, rep.deletedRegion.charOffset) + (rep.insertedContent?.text ?? '') + out.slice(rep.deletedRegion.charOffset + rep.deletedRegion.charLength);
    }
    assert.notEqual(out, text);
    assert.match(out, /Enabled/);
    assert.ok(!/\$\{\d/.test(out), 'snippet placeholders are turned into plain text');
  }
});

test('suppressed findings carry SARIF suppressions with the justification', async () => {
  const { log } = await sarif(['--rule', 'aws-s3-versioning'], `${CLI_FIXTURES}/suppressions`);
  assertValid(log);
  const results = log.runs[0].results;
  const s = results.find((r: Sarif) => r.message.text.includes('(aws_s3_bucket.pass_demarc)'));
  assert.deepEqual(s.suppressions[0].kind, 'inSource');
  assert.equal(s.suppressions[0].justification, 'write-once audit logs');
  assert.equal(results.filter((r: Sarif) => r.suppressions).length, 13);
  assert.ok(log.runs[0].invocations[0].toolExecutionNotifications.some((n: Sarif) => n.descriptor.id === 'suppression-expired'));
});

test('partialFingerprints do not change when lines are inserted above a resource', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-fp-')).replace(/\\/g, '/');
  try {
    const original = readFileSync(`${CLI_FIXTURES}/basic/main.tf`, 'utf8');
    writeFileSync(`${dir}/main.tf`, original);
    const before = (await sarif([dir])).log.runs[0].results;
    writeFileSync(`${dir}/main.tf`, `\n\n# a comment added later\n\n${original.replace('resource "aws_security_group"', '\n\n\nresource "aws_security_group"')}`);
    const after = (await sarif([dir])).log.runs[0].results;
    assert.equal(after.length, before.length);
    const key = (r: Sarif) => `${r.ruleId} ${r.message.text}`;
    const fp = (rs: Sarif[]) => new Map(rs.map((r) => [key(r), r.partialFingerprints['demarcFinding/v1']]));
    assert.deepEqual(fp(after), fp(before));
    const line = (rs: Sarif[]) => rs.map((r) => r.locations[0].physicalLocation.region.startLine);
    assert.notDeepEqual(line(after), line(before), 'the findings did move');
    // And a different resource gets a different fingerprint.
    assert.equal(new Set(before.map((r: Sarif) => r.partialFingerprints['demarcFinding/v1'])).size, before.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('findings a baseline accepts carry an external suppression, and the log still validates', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-sarif-baseline-')).replace(/\\/g, '/');
  try {
    writeFileSync(`${dir}/main.tf`, readFileSync(`${CLI_FIXTURES}/basic/main.tf`, 'utf8'));
    assert.equal((await runCli(['scan', '--write-baseline', 'baseline.json', '.'], { cwd: dir })).code, 0);
    const { code, log } = await sarif(['--baseline', 'baseline.json', '.'], dir);
    assert.equal(code, 0);
    assertValid(log);
    const results = log.runs[0].results;
    assert.ok(results.length > 0);
    for (const r of results) {
      assert.equal(r.suppressions[0].kind, 'external');
      assert.equal(r.baselineState, 'unchanged');
    }
    // A new finding next to the accepted ones: baselineState "new", no suppression; without a baseline, no state.
    writeFileSync(`${dir}/extra.tf`, 'resource "aws_s3_bucket" "added_later" {\n  bucket = "x"\n}\n');
    const next = (await sarif(['--baseline', 'baseline.json', '.'], dir)).log;
    assertValid(next);
    const added = next.runs[0].results.filter((r: Sarif) => r.message.text.includes('aws_s3_bucket.added_later'));
    assert.ok(added.length > 0 && added.every((r: Sarif) => r.baselineState === 'new' && !r.suppressions));
    const plain = (await sarif(['.'], dir)).log;
    assert.ok(plain.runs[0].results.every((r: Sarif) => !('baselineState' in r)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
