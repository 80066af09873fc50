import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRuleMeta } from '../../server/src/engine/rules/registry';
import { severityRank } from '../../server/src/engine/types';
import { CLI_FIXTURES, REPO, runCli, scanJson } from './helpers';

const BASIC = `${CLI_FIXTURES}/basic`;
const LINE_RE = /^(?<file>[^:\s]+):(?<line>\d+):(?<col>\d+) (?<sev>critical|high|medium|low|info) (?<rule>aws-[a-z0-9-]+) (?<msg>.+) \((?<res>[^()]+)\)$/;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'demarc-cli-')).replace(/\\/g, '/');
}

test('--version prints the manifest version; --help and help <cmd> work; no command is a usage error', async () => {
  const pkg = JSON.parse(readFileSync(`${REPO}/package.json`, 'utf8')) as { version: string };
  const v = await runCli(['--version']);
  assert.equal(v.code, 0);
  assert.equal(v.stdout, `${pkg.version}\n`);
  const h = await runCli(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /Usage: demarc <command>/);
  for (const c of ['scan', 'rules', 'explain', 'report', 'account']) assert.match(h.stdout, new RegExp(`^  ${c} `, 'm'));
  const hs = await runCli(['help', 'scan']);
  assert.equal(hs.code, 0);
  assert.match(hs.stdout, /--max-file-size BYTES/);
  assert.equal((await runCli(['scan', '--help'])).code, 0);
  const none = await runCli([]);
  assert.equal(none.code, 2);
  assert.match(none.stdout, /Usage/);
});

test('usage errors exit 2 with a helpful message', async () => {
  const cases: [string[], RegExp][] = [
    [['scna'], /unknown command "scna"; did you mean "scan"\?/],
    [['--bogus'], /unknown option --bogus/],
    [['scan', '--bogus', BASIC], /unknown option --bogus/],
    [['scan', '--formt', 'json', BASIC], /unknown option --formt; did you mean --format\?/],
    [['scan', '--format', 'xml', BASIC], /--format must be one of text, json, sarif \(got "xml"\)/],
    [['scan', '--severity', 'urgent', BASIC], /--severity must be one of critical, high, medium, low, info/],
    [['scan', '--format'], /option --format needs a value/],
    [['scan', '--quiet=yes', BASIC], /option --quiet takes no value/],
    [['scan', '--rule', 'aws-s3-versionin', BASIC], /--rule: unknown rule "aws-s3-versionin"; did you mean aws-s3-versioning\?/],
    [['scan', '--max-file-size', 'huge', BASIC], /--max-file-size must be a size in bytes/],
    [['scan', 'test/fixtures/cli/does-not-exist'], /path not found: test\/fixtures\/cli\/does-not-exist/],
    [['scan', '--var-file', 'nope.tfvars', BASIC], /variables file not found: nope\.tfvars/],
    [['rules', '--format', 'yaml'], /--format must be one of text, json, markdown/],
  ];
  for (const [args, re] of cases) {
    const r = await runCli(args);
    assert.equal(r.code, 2, `${args.join(' ')} → ${r.code} ${r.stderr}`);
    assert.match(r.stderr, re, args.join(' '));
    assert.equal(r.stdout, '', `${args.join(' ')} printed a report`);
  }
});

test('exit codes: 1 with findings, 0 when clean, 0 with --soft-fail', async () => {
  assert.equal((await runCli(['scan', BASIC])).code, 1);
  assert.equal((await runCli(['scan', `${CLI_FIXTURES}/clean`])).code, 0);
  const soft = await runCli(['scan', BASIC, '--soft-fail']);
  assert.equal(soft.code, 0);
  assert.match(soft.stdout, /aws-s3-versioning/, '--soft-fail still prints the findings');
});

test('--severity is a threshold for both output and exit code', async () => {
  const sev = getRuleMeta('aws-s3-versioning')!.severity;
  const above = (['critical', 'high', 'medium', 'low', 'info'] as const).find((s) => severityRank(s) === severityRank(sev) + 1);
  const at = await scanJson(['--rule', 'aws-s3-versioning', '--severity', sev, BASIC]);
  assert.equal(at.code, 1);
  assert.equal(at.json.findings.length, 2);
  assert.equal(at.json.summary.threshold, sev);
  if (above) {
    const r = await scanJson(['--rule', 'aws-s3-versioning', '--severity', above, BASIC]);
    assert.equal(r.code, 0);
    assert.deepEqual(r.json.findings, []);
  }
  // Every finding shown is at or above the threshold.
  const high = await scanJson(['--severity', 'high', BASIC]);
  for (const f of high.json.findings) assert.ok(severityRank(f.severity as 'high') >= severityRank('high'), f.ruleId);
});

test('--rule and --skip-rule (repeatable and comma-separated)', async () => {
  const only = await scanJson(['--rule', 'aws-s3-versioning', BASIC]);
  assert.deepEqual([...new Set(only.json.findings.map((f) => f.ruleId))], ['aws-s3-versioning']);
  const two = await scanJson(['--rule', 'aws-s3-versioning,aws-ec2-open-admin-ports', BASIC]);
  assert.deepEqual([...new Set(two.json.findings.map((f) => f.ruleId))].sort(), ['aws-ec2-open-admin-ports', 'aws-s3-versioning']);
  const all = await scanJson([BASIC]);
  const skipped = await scanJson(['--skip-rule', 'aws-s3-versioning', '--skip-rule', 'aws-ec2-open-admin-ports', BASIC]);
  assert.ok(all.json.findings.some((f) => f.ruleId === 'aws-s3-versioning'));
  assert.ok(!skipped.json.findings.some((f) => f.ruleId === 'aws-s3-versioning' || f.ruleId === 'aws-ec2-open-admin-ports'));
  assert.equal(skipped.json.findings.length, all.json.findings.filter((f) => f.ruleId !== 'aws-s3-versioning' && f.ruleId !== 'aws-ec2-open-admin-ports').length);
});

test('text output: file:line:col severity rule message (resource), grouped by file, then a summary', async () => {
  const r = await runCli(['scan'], { cwd: BASIC });
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  const findingLines = lines.filter((l) => LINE_RE.test(l));
  assert.ok(findingLines.length >= 3);
  const parsed = findingLines.map((l) => LINE_RE.exec(l)!.groups!);
  // Paths relative to cwd; the versioning findings sit on the resource headers (attribute absent).
  const tf = parsed.find((g) => g.rule === 'aws-s3-versioning' && g.file === 'main.tf')!;
  assert.deepEqual([tf.line, tf.col, tf.sev, tf.res], ['2', '1', getRuleMeta('aws-s3-versioning')!.severity, 'aws_s3_bucket.fail_data']);
  const cfn = parsed.find((g) => g.rule === 'aws-s3-versioning' && g.file === 'template.yaml')!;
  assert.deepEqual([cfn.line, cfn.col, cfn.res], ['4', '3', 'FailBucket']);
  const ssh = parsed.find((g) => g.rule === 'aws-ec2-open-admin-ports')!;
  assert.equal(ssh.file, 'main.tf');
  assert.equal(ssh.line, '13', 'the open CIDR is on line 13');
  // Grouped: all main.tf lines come before template.yaml, separated by one blank line.
  const files = parsed.map((g) => g.file);
  assert.deepEqual(files, [...files].sort());
  const firstYaml = lines.findIndex((l) => l.startsWith('template.yaml:'));
  assert.equal(lines[firstYaml - 1], '');
  const summary = lines[lines.length - 1]!;
  assert.match(summary, new RegExp(`^${parsed.length} findings \\((\\d+ (critical|high|medium|low)(, )?)+\\) in 2 files, 0 suppressed, 0 problems; scanned 2 files in \\d+\\.\\d\\d s$`));
  assert.ok(!r.stdout.includes('not-a-template'), 'ordinary YAML is ignored quietly');
  assert.ok(!/\u001b\[/.test(r.stdout), 'no colors when not a terminal');
});

test('colors only on a terminal, and never with NO_COLOR or --no-color', async () => {
  const tty = await runCli(['scan', BASIC], { isTTY: true });
  assert.match(tty.stdout, /\u001b\[/);
  const noColorEnv = await runCli(['scan', BASIC], { isTTY: true, env: { NO_COLOR: '1' } });
  assert.ok(!/\u001b\[/.test(noColorEnv.stdout));
  const flag = await runCli(['scan', BASIC, '--no-color'], { isTTY: true });
  assert.ok(!/\u001b\[/.test(flag.stdout));
  assert.equal(flag.stdout.replace(/in \d+\.\d\d s/, ''), noColorEnv.stdout.replace(/in \d+\.\d\d s/, ''));
});

test('--quiet prints only the findings; --verbose adds skipped files', async () => {
  const q = await runCli(['scan', '--quiet'], { cwd: BASIC });
  assert.equal(q.code, 1);
  for (const l of q.stdout.split('\n').filter(Boolean)) assert.match(l, LINE_RE);
  const v = await runCli(['scan', '--verbose'], { cwd: BASIC });
  assert.match(v.stdout, /^Skipped:$/m);
  assert.match(v.stdout, /^not-a-template\.yaml: not a CloudFormation template$/m);
});

test('JSON output has the documented, versioned shape', async () => {
  const { code, json } = await scanJson([], { cwd: BASIC });
  assert.equal(code, 1);
  assert.equal(json.version, 1);
  assert.equal(json.tool.name, 'demarc');
  assert.match(json.tool.version, /^\d+\.\d+\.\d+/);
  assert.ok(json.findings.length >= 3);
  for (const f of json.findings) {
    assert.deepEqual(Object.keys(f).slice(0, 15), ['ruleId', 'severity', 'ruleSeverity', 'title', 'message', 'file', 'startLine', 'startColumn', 'endLine', 'endColumn', 'resource', 'resourceType', 'controls', 'fixable', ...(Object.keys(f)[14] ? [Object.keys(f)[14]!] : [])]);
    assert.equal(typeof f.title, 'string');
    assert.ok(f.startLine >= 1 && f.startColumn >= 1 && f.endLine >= f.startLine);
    assert.ok(Array.isArray(f.controls));
    assert.equal(typeof f.fixable, 'boolean');
    assert.equal(f.title, getRuleMeta(f.ruleId)!.title);
  }
  const v = json.findings.find((f) => f.ruleId === 'aws-s3-versioning' && f.file === 'main.tf')!;
  assert.deepEqual([v.startLine, v.startColumn, v.resource, v.resourceType], [2, 1, 'aws_s3_bucket.fail_data', 'aws_s3_bucket']);
  assert.equal(json.summary.findings, json.findings.length);
  assert.equal(json.summary.filesScanned, 2);
  assert.equal(json.summary.filesWithFindings, 2);
  assert.equal(Object.values(json.summary.bySeverity).reduce((a, b) => a + b, 0), json.findings.length);
  assert.deepEqual(json.problems, []);
});

test('--output writes the report to a file and keeps standard output clean', async () => {
  const dir = tempDir();
  try {
    const r = await runCli(['scan', BASIC, '--format', 'json', '--output', `${dir}/out/report.json`]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /wrote .*report\.json/);
    const json = JSON.parse(readFileSync(`${dir}/out/report.json`, 'utf8')) as { version: number; findings: unknown[] };
    assert.equal(json.version, 1);
    assert.ok(json.findings.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every suppression syntax is honored end to end, and bad ones are reported', async () => {
  const dir = `${CLI_FIXTURES}/suppressions`;
  const { code, json } = await scanJson(['--rule', 'aws-s3-versioning'], { cwd: dir });
  assert.equal(code, 1);
  const active = json.findings.filter((f) => !f.suppressed).map((f) => `${f.file} ${f.resource}`);
  const suppressed = Object.fromEntries(json.findings.filter((f) => f.suppressed).map((f) => [`${f.file} ${f.resource}`, f.suppressed!.tool]));
  assert.deepEqual(active.sort(), [
    'main.tf aws_s3_bucket.fail_expired',
    'main.tf aws_s3_bucket.fail_other_control',
    'main.tf aws_s3_bucket.fail_plain',
    'template.json FailJsonBucket',
    'template.yaml FailBucket',
  ]);
  assert.deepEqual(suppressed, {
    'main.tf aws_s3_bucket.pass_demarc': 'demarc',
    'main.tf aws_s3_bucket.pass_demarc_until': 'demarc',
    'main.tf aws_s3_bucket.pass_checkov': 'checkov',
    'main.tf aws_s3_bucket.pass_tfsec': 'tfsec',
    'main.tf aws_s3_bucket.pass_trivy': 'trivy',
    'main.tf aws_s3_bucket.pass_kics': 'kics',
    'main.tf aws_s3_bucket.pass_no_reason': 'demarc',
    'template.json PassJsonMetadata': 'demarc',
    'template.json PassCfnNag': 'cfn_nag',
    'template.yaml PassComment': 'demarc',
    'template.yaml PassDemarcMetadata': 'demarc',
    'template.yaml PassCheckovMetadata': 'checkov',
    'template.yaml PassCfnLint': 'cfn-lint',
  });
  // Fixture naming: every pass_* resource is suppressed, every fail_* one is not.
  for (const f of json.findings) {
    const name = (f.resource ?? '').replace(/^aws_s3_bucket\./, '').toLowerCase();
    assert.equal(Boolean(f.suppressed), name.startsWith('pass'), f.resource ?? '');
  }
  assert.equal(json.findings.find((f) => f.resource === 'aws_s3_bucket.pass_demarc')!.suppressed!.reason, 'write-once audit logs');
  assert.deepEqual(json.problems.map((p) => [p.file, p.code, p.startLine]), [
    ['main.tf', 'suppression-no-reason', 34],
    ['main.tf', 'suppression-expired', 39],
  ]);
  assert.equal(json.summary.suppressed, 13);
  assert.equal(json.summary.findings, 5);

  // Text: suppressed findings stay hidden unless --verbose.
  const plain = await runCli(['scan', '--rule', 'aws-s3-versioning'], { cwd: dir });
  assert.ok(!plain.stdout.includes('pass_demarc'));
  assert.match(plain.stdout, /main\.tf:39:1 warning suppression-expired/);
  const verbose = await runCli(['scan', '--rule', 'aws-s3-versioning', '--verbose'], { cwd: dir });
  assert.match(verbose.stdout, /\(aws_s3_bucket\.pass_checkov\) \[suppressed by checkov: CKV_AWS_21 \(versioning is handled by replication\)\]/);
});

test('everything suppressed exits 0', async () => {
  const dir = tempDir();
  try {
    writeFileSync(`${dir}/main.tf`, '# demarc:ignore * -- sandbox account, torn down nightly\nresource "aws_s3_bucket" "pass_all" {\n  bucket = "x"\n}\n');
    const r = await scanJson([dir]);
    assert.equal(r.code, 0);
    assert.ok(r.json.findings.length > 0);
    assert.ok(r.json.findings.every((f) => f.suppressed?.tool === 'demarc'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('.demarc.yaml validation errors stop the scan with positions; --no-config skips the file', async () => {
  const dir = `${CLI_FIXTURES}/config-bad`;
  const r = await runCli(['scan'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^\.demarc\.yaml:2:22: error: rule "aws-s3-versioning": "severe" is not one of off, on, critical, high, medium, low, info$/m);
  assert.match(r.stderr, /^\.demarc\.yaml:4:1: error: unknown setting "severityTreshold"; did you mean "severityThreshold"\?/m);
  assert.match(r.stderr, /the project file \.demarc\.yaml has 2 errors/);
  assert.equal((await runCli(['scan', '--no-config'], { cwd: dir })).code, 1);
  const explicit = await runCli(['scan', BASIC, '--config', `${dir}/.demarc.yaml`]);
  assert.equal(explicit.code, 2);
  assert.equal((await runCli(['scan', BASIC, '--config', `${dir}/missing.yaml`])).code, 2);
});

test('.demarc.yaml rules, severities, excludes and threshold apply to the scan', async () => {
  const dir = tempDir();
  try {
    mkdirSync(`${dir}/.git`);
    mkdirSync(`${dir}/infra/legacy`, { recursive: true });
    copyFileSync(`${BASIC}/main.tf`, `${dir}/infra/main.tf`);
    copyFileSync(`${BASIC}/main.tf`, `${dir}/infra/legacy/main.tf`);
    writeFileSync(`${dir}/.demarc.yaml`, 'rules:\n  aws-s3-block-public-access: off\n  aws-s3-versioning: critical\nexclude:\n  - infra/legacy\nseverityThreshold: high\n');
    // Found by walking up from the scanned folder.
    const { code, json } = await scanJson(['infra'], { cwd: dir });
    assert.equal(code, 1);
    assert.ok(!json.findings.some((f) => f.ruleId === 'aws-s3-block-public-access'));
    assert.ok(!json.findings.some((f) => f.file.includes('legacy')));
    assert.equal(json.summary.threshold, 'high');
    for (const f of json.findings) assert.ok(severityRank(f.severity as 'high') >= severityRank('high'));
    const v = json.findings.find((f) => f.ruleId === 'aws-s3-versioning')! as { severity: string; ruleSeverity?: string; notes?: string[] };
    assert.equal(v.severity, 'critical');
    assert.equal(v.ruleSeverity, getRuleMeta('aws-s3-versioning')!.severity);
    assert.deepEqual(v.notes, [`severity ${getRuleMeta('aws-s3-versioning')!.severity} → critical by .demarc.yaml`]);
    // The flag beats the file's threshold.
    const low = await scanJson(['infra', '--severity', 'low'], { cwd: dir });
    assert.ok(low.json.findings.some((f) => f.severity === 'low' || f.severity === 'medium'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--var-file values reach the evaluation', async () => {
  const dir = tempDir();
  try {
    writeFileSync(`${dir}/main.tf`, 'variable "cidr" {\n  default = "10.0.0.0/8"\n}\n\nresource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [var.cidr]\n  }\n}\n');
    writeFileSync(`${dir}/open.tfvars`, 'cidr = "0.0.0.0/0"\n');
    const without = await scanJson(['--rule', 'aws-ec2-open-admin-ports', dir]);
    assert.equal(without.json.findings.length, 0);
    const withVars = await scanJson(['--rule', 'aws-ec2-open-admin-ports', '--var-file', `${dir}/open.tfvars`, dir]);
    assert.equal(withVars.code, 1);
    assert.equal(withVars.json.findings.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--account explains what is missing instead of failing obscurely; --profile needs --account', async () => {
  const env = { AWS_CONFIG_FILE: '/nonexistent/demarc-test/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/demarc-test/credentials', HOME: '/nonexistent/demarc-test' };
  const r = await runCli(['scan', `${CLI_FIXTURES}/clean`, '--account'], { env });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^demarc scan --account: No AWS Region/m);
  const p = await runCli(['scan', `${CLI_FIXTURES}/clean`, '--profile', 'dev']);
  assert.equal(p.code, 2);
  assert.match(p.stderr, /--profile and --region only apply with --account/);
});

test('problems in excluded paths are not reported', async () => {
  const dir = tempDir();
  try {
    mkdirSync(`${dir}/vendor`);
    writeFileSync(`${dir}/vendor/broken.tf`, 'resource "aws_s3_bucket" {{{\n');
    writeFileSync(`${dir}/broken.tf`, 'resource "aws_s3_bucket" {{{\n');
    writeFileSync(`${dir}/.demarc.yaml`, 'exclude: [vendor]\n');
    const { json } = await scanJson(['.'], { cwd: dir });
    assert.ok(json.problems.some((p) => p.file === 'broken.tf'));
    assert.ok(!json.problems.some((p) => p.file.startsWith('vendor/')), JSON.stringify(json.problems));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
