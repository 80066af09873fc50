// `demarc scan --write-baseline` / `--baseline`: old findings accepted once, new ones still fail the scan.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { entryKey } from '../../server/src/cli/baseline';
import { REPO, runCli, scanJson } from './helpers';

let dir: string;
const bucket = (name: string) => `resource "aws_s3_bucket" "${name}" {\n  bucket = "${name}"\n}\n`;
const sg = `resource "aws_security_group" "admin" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;
const template = 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'demarc-baseline-')).replace(/\\/g, '/');
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh project folder with a Terraform module and a template, and a scan's --write-baseline of it. */
async function project(name: string): Promise<{ root: string; total: number }> {
  const root = `${dir}/${name}`;
  mkdirSync(`${root}/infra`, { recursive: true });
  writeFileSync(`${root}/infra/main.tf`, bucket('data') + sg);
  writeFileSync(`${root}/stack.yaml`, template);
  const before = await scanJson(['--severity', 'info', '.'], { cwd: root });
  const w = await runCli(['scan', '--write-baseline', 'ci/baseline.json', '.'], { cwd: root });
  assert.equal(w.code, 0, 'writing a baseline accepts the findings: exit 0');
  assert.match(w.stderr, new RegExp(`wrote the baseline ci/baseline.json with ${before.json.findings.length} findings`));
  return { root, total: before.json.findings.length };
}

test('the baseline file: every finding, paths relative to it, fingerprints, sorted', async () => {
  const { root, total } = await project('file');
  const text = readFileSync(`${root}/ci/baseline.json`, 'utf8');
  assert.equal(text.split('\n').filter((l) => l.includes('"fingerprint"')).length, total, 'one finding a line');
  const b = JSON.parse(text) as { version: number; tool: string; findings: { file: string; ruleId: string; resource: string | null; fingerprint: string; line: number; message: string }[] };
  assert.equal(b.version, 1);
  assert.equal(b.tool, 'demarc');
  assert.equal(b.findings.length, total);
  assert.ok(total >= 4, `expected several findings, got ${total}`);
  assert.deepEqual([...new Set(b.findings.map((f) => f.file))].sort(), ['../infra/main.tf', '../stack.yaml']);
  for (const f of b.findings) assert.match(f.fingerprint, /^[0-9a-f]{32}$/);
  const order = b.findings.map((f) => `${f.file}:${String(f.line).padStart(4, '0')}:${f.ruleId}`);
  assert.deepEqual(order, [...order].sort());
  assert.ok(b.findings.some((f) => f.ruleId === 'aws-ec2-open-admin-ports' && f.resource === 'aws_security_group.admin' && f.line === 9));
});

test('with the baseline, old findings are suppressed and the scan passes; moved lines still match', async () => {
  const { root, total } = await project('moved');
  // Lines moved: a comment block above everything, and the resources in another order.
  writeFileSync(`${root}/infra/main.tf`, `# owned by the platform team\n# see the wiki\n\n${sg}\n${bucket('data')}`);
  const r = await scanJson(['--severity', 'info', '--baseline', 'ci/baseline.json', '.'], { cwd: root });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.findings.length, total, 'baselined findings stay in the JSON report, marked');
  for (const f of r.json.findings) assert.deepEqual(f.suppressed, { tool: 'baseline', id: 'ci/baseline.json', reason: null, until: null });
  assert.equal(r.json.summary.findings, 0);
  assert.equal(r.json.summary.suppressed, total);
  assert.equal((r.json.summary as unknown as { baselined: number }).baselined, total);
  const text = await runCli(['scan', '--baseline', 'ci/baseline.json', '.'], { cwd: root });
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^0 findings, (\d+) suppressed \(\1 by the baseline\), 0 problems/m);
  const verbose = await runCli(['scan', '--verbose', '--baseline', 'ci/baseline.json', '.'], { cwd: root });
  assert.match(verbose.stdout, /aws-ec2-open-admin-ports .*\[suppressed by baseline: ci\/baseline\.json\]/);
});

test('a new finding, or a changed line, is not in the baseline and fails the scan', async () => {
  const { root } = await project('new');
  writeFileSync(`${root}/infra/main.tf`, bucket('data') + sg.replace('from_port   = 22\n    to_port     = 22', 'from_port   = 3389\n    to_port     = 3389') + bucket('fresh'));
  const r = await scanJson(['--baseline', 'ci/baseline.json', '.'], { cwd: root });
  assert.equal(r.code, 1);
  const shown = r.json.findings.filter((f) => !f.suppressed);
  assert.ok(shown.length > 0);
  assert.ok(shown.every((f) => f.resource === 'aws_s3_bucket.fresh' || f.ruleId === 'aws-ec2-open-admin-ports'), JSON.stringify(shown.map((f) => [f.ruleId, f.resource])));
  assert.ok(shown.some((f) => f.resource === 'aws_s3_bucket.fresh'));
  // The security group's line did not change (cidr_blocks), but the port did: the finding names RDP now.
  assert.ok(r.json.findings.some((f) => f.ruleId === 'aws-ec2-open-admin-ports' && f.suppressed), 'the unchanged line keeps matching');
  // Every data bucket finding is still accepted.
  assert.ok(r.json.findings.filter((f) => f.resource === 'aws_s3_bucket.data').every((f) => f.suppressed?.tool === 'baseline'));
});

test('entries that match no finding any more are reported, for the files scanned only', async () => {
  const { root } = await project('stale');
  const b = JSON.parse(readFileSync(`${root}/ci/baseline.json`, 'utf8')) as { findings: { file: string; ruleId: string }[] };
  const sgEntries = b.findings.filter((f) => f.ruleId === 'aws-ec2-open-admin-ports').length;
  assert.ok(sgEntries >= 1);
  // Nothing changed: no notice.
  const same = await runCli(['scan', '--baseline', 'ci/baseline.json', '.'], { cwd: root });
  assert.equal(same.code, 0);
  assert.doesNotMatch(same.stderr, /match no finding/);
  // The open port was closed: its entry is stale.
  writeFileSync(`${root}/infra/main.tf`, bucket('data') + sg.replace('0.0.0.0/0', '10.0.0.0/8'));
  const fixed = await runCli(['scan', '--baseline', 'ci/baseline.json', '.'], { cwd: root });
  assert.equal(fixed.code, 0, fixed.stderr);
  assert.match(fixed.stderr, new RegExp(`demarc scan: ${sgEntries} of the ${b.findings.length} entries in the baseline ci/baseline\\.json match no finding any more \\(fixed, or the line changed\\); write the baseline again`));
  assert.equal((await runCli(['scan', '--quiet', '--baseline', 'ci/baseline.json', '.'], { cwd: root })).stderr, '', '--quiet says nothing');
  // Scanning only the template: the Terraform entries are out of scope, not unmatched.
  const part = await runCli(['scan', '--baseline', 'ci/baseline.json', 'stack.yaml'], { cwd: root });
  assert.equal(part.code, 0, part.stderr);
  assert.doesNotMatch(part.stderr, /match no finding/);
});

test('the same finding in a copy of the stack is not covered by the original\'s entry', async () => {
  const root = `${dir}/copies`;
  mkdirSync(`${root}/dev`, { recursive: true });
  mkdirSync(`${root}/prod`, { recursive: true });
  writeFileSync(`${root}/dev/main.tf`, sg);
  assert.equal((await runCli(['scan', '--write-baseline', 'b.json', 'dev'], { cwd: root })).code, 0);
  writeFileSync(`${root}/prod/main.tf`, sg); // the same code, so the same fingerprint, in another file
  const r = await scanJson(['--baseline', 'b.json', '.'], { cwd: root });
  assert.equal(r.code, 1);
  const open = r.json.findings.filter((f) => f.ruleId === 'aws-ec2-open-admin-ports');
  assert.deepEqual(open.map((f) => [f.file, f.suppressed?.tool ?? null]), [['dev/main.tf', 'baseline'], ['prod/main.tf', null]]);
  assert.notEqual(entryKey('dev/main.tf', 'ab'.repeat(16)), entryKey('prod/main.tf', 'ab'.repeat(16)));
  assert.ok(Number.isSafeInteger(entryKey('x', 'f'.repeat(32))) && entryKey('x', 'f'.repeat(32)) === entryKey('x', 'f'.repeat(32)));
});

test('identical findings are counted: a second open port on an identical line is new', async () => {
  const root = `${dir}/twins`;
  mkdirSync(root, { recursive: true });
  writeFileSync(`${root}/main.tf`, sg);
  assert.equal((await runCli(['scan', '--write-baseline', 'b.json', '.'], { cwd: root })).code, 0);
  // Another ingress block whose cidr_blocks line reads exactly like the first one's: same rule, resource and line text.
  const rdp = '  ingress {\n    from_port   = 3389\n    to_port     = 3389\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n';
  writeFileSync(`${root}/main.tf`, sg.replace(/}\n$/, `${rdp}}\n`));
  const r = await scanJson(['--baseline', 'b.json', '.'], { cwd: root });
  const open = r.json.findings.filter((f) => f.ruleId === 'aws-ec2-open-admin-ports');
  assert.equal(open.length, 2);
  assert.equal(open.filter((f) => f.suppressed).length, 1, 'the baseline accepted one such finding, not every one like it');
  assert.equal(r.code, 1);
  // A baseline that lists both accepts both.
  assert.equal((await runCli(['scan', '--write-baseline', 'b.json', '.'], { cwd: root })).code, 0);
  const both = await scanJson(['--baseline', 'b.json', '.'], { cwd: root });
  assert.equal(both.code, 0);
  assert.equal(both.json.findings.filter((f) => f.ruleId === 'aws-ec2-open-admin-ports' && f.suppressed).length, 2);
});

test('from another folder, with worker threads, and in SARIF the result is the same', async () => {
  const { root, total } = await project('elsewhere');
  const worker = `${REPO}/dist/scan-worker.js`;
  const fromAbove = await scanJson(['--severity', 'info', '--baseline', 'elsewhere/ci/baseline.json', 'elsewhere'], { cwd: dir });
  assert.equal(fromAbove.code, 0, fromAbove.stderr);
  assert.equal(fromAbove.json.summary.suppressed, total);
  const threads = await scanJson(['--severity', 'info', '--jobs', '2', '--baseline', 'ci/baseline.json', '.'], { cwd: root, deps: { parallelMinUnits: 1, workerPath: worker } });
  assert.equal(threads.code, 0, threads.stderr);
  assert.equal(threads.json.summary.suppressed, total);
  const sarif = await runCli(['scan', '--format', 'sarif', '--severity', 'info', '--baseline', 'ci/baseline.json', '.'], { cwd: root });
  const results = (JSON.parse(sarif.stdout) as { runs: { results: { suppressions?: { kind: string; status: string; justification: string }[] }[] }[] }).runs[0]!.results;
  assert.equal(results.length, total);
  for (const res of results) assert.deepEqual(res.suppressions, [{ kind: 'external', status: 'accepted', justification: 'accepted in the baseline ci/baseline.json', properties: { tool: 'baseline', id: 'ci/baseline.json' } }]);
  // A large baseline is read in a worker thread: the threshold lowered to one byte, same result.
  const offThread = await scanJson(['--severity', 'info', '--baseline', 'ci/baseline.json', '.'], { cwd: root, deps: { workerPath: worker, offThreadBaselineBytes: 1 } });
  assert.equal(offThread.code, 0, offThread.stderr);
  assert.equal(offThread.json.summary.suppressed, total);
  writeFileSync(`${root}/ci/broken.json`, '{"version": 1, "findings": [}');
  const broken = await runCli(['scan', '--baseline', 'ci/broken.json', '.'], { cwd: root, deps: { workerPath: worker, offThreadBaselineBytes: 1 } });
  assert.equal(broken.code, 2, 'a usage error from the reader thread is still a usage error');
  assert.match(broken.stderr, /the baseline ci\/broken\.json is not valid JSON: line 1, column 28: This '\[' is never closed/);
  // Writing with worker threads gives the same file.
  const again = await runCli(['scan', '--jobs', '2', '--write-baseline', 'ci/threads.json', '.'], { cwd: root, deps: { parallelMinUnits: 1, workerPath: worker } });
  assert.equal(again.code, 0, again.stderr);
  assert.equal(readFileSync(`${root}/ci/threads.json`, 'utf8'), readFileSync(`${root}/ci/baseline.json`, 'utf8'));
});

test('a source suppression stays a source suppression and is not written to the baseline', async () => {
  const root = `${dir}/inline`;
  mkdirSync(root, { recursive: true });
  writeFileSync(`${root}/main.tf`, `# demarc:ignore aws-ec2-open-admin-ports -- bastion, reviewed\n${sg}`);
  assert.equal((await runCli(['scan', '--write-baseline', 'b.json', '.'], { cwd: root })).code, 0);
  const b = JSON.parse(readFileSync(`${root}/b.json`, 'utf8')) as { findings: { ruleId: string }[] };
  assert.ok(!b.findings.some((f) => f.ruleId === 'aws-ec2-open-admin-ports'));
  const r = await scanJson(['--baseline', 'b.json', '.'], { cwd: root });
  assert.equal(r.json.findings.find((f) => f.ruleId === 'aws-ec2-open-admin-ports')?.suppressed?.tool, 'demarc');
  const counts = r.json.summary as unknown as { suppressed: number; baselined: number };
  assert.equal(counts.suppressed, counts.baselined + 1, 'the source suppression is counted, not as the baseline');
});

test('the project file names the baseline; --baseline overrides it; --write-baseline reads none', async () => {
  const { root, total } = await project('configured');
  writeFileSync(`${root}/.demarc.yaml`, 'baseline: ci/baseline.json\n');
  const r = await scanJson(['--severity', 'info', '..'], { cwd: `${root}/infra` });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.summary.suppressed, total);
  assert.ok(r.json.findings.every((f) => f.suppressed?.id === '../ci/baseline.json'), 'shown relative to the current folder');
  writeFileSync(`${root}/ci/empty.json`, '{"version": 1, "tool": "demarc", "findings": []}\n');
  const flag = await scanJson(['--baseline', 'ci/empty.json', '.'], { cwd: root });
  assert.equal(flag.code, 1);
  assert.equal(flag.json.summary.suppressed, 0);
  // Rewriting the baseline ignores the configured one, so it lists every finding again.
  rmSync(`${root}/ci/baseline.json`);
  const w = await runCli(['scan', '--write-baseline', 'ci/baseline.json', '.'], { cwd: root });
  assert.equal(w.code, 0, w.stderr);
  assert.match(w.stderr, new RegExp(`with ${total} findings`));
  writeFileSync(`${root}/.demarc.yaml`, 'baseline: ci/missing.json\n');
  const missing = await runCli(['scan', '.'], { cwd: root });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /baseline not found: ci\/missing\.json/);
});

test('a missing, malformed or foreign baseline is a usage error naming the file', async () => {
  const root = `${dir}/bad`;
  mkdirSync(root, { recursive: true });
  writeFileSync(`${root}/main.tf`, sg);
  const cases: [string, string | undefined, RegExp][] = [
    ['missing.json', undefined, /baseline not found: missing\.json \(create it with --write-baseline\)/],
    ['broken.json', '{\n  "version": 1,\n  "findings": [\n    {"file": "x"\n  ]\n}\n', /the baseline broken\.json is not valid JSON: line 4, column 5: This '\{' is never closed/],
    ['old.json', '{"version": 0, "findings": []}', /the baseline old\.json has version 0, and this Demarc reads version 1; write a new one with --write-baseline/],
    ['list.json', '[]', /the baseline list\.json is not a JSON object/],
    ['entry.json', '{"version": 1, "findings": [{"file": "main.tf", "fingerprint": "abc"}]}', /has an entry without a file and a 32-digit fingerprint \(findings\[0\]\)/],
  ];
  for (const [name, text, message] of cases) {
    if (text !== undefined) writeFileSync(`${root}/${name}`, text);
    const r = await runCli(['scan', '--baseline', name, '.'], { cwd: root });
    assert.equal(r.code, 2, name);
    assert.match(r.stderr, message, name);
    assert.equal(r.stdout, '', `${name}: no report`);
  }
  // Not a file: a folder, and a named pipe (reading it would wait for a writer forever).
  mkdirSync(`${root}/adir`);
  const folder = await runCli(['scan', '--baseline', 'adir', '.'], { cwd: root });
  assert.equal(folder.code, 2);
  assert.match(folder.stderr, /the baseline adir is not a file/);
  if (process.platform !== 'win32') {
    execFileSync('mkfifo', [`${root}/pipe`]);
    const pipe = await runCli(['scan', '--baseline', 'pipe', '.'], { cwd: root });
    assert.equal(pipe.code, 2);
    assert.match(pipe.stderr, /the baseline pipe is not a file/);
  }
  // A baseline that cannot be written: its folder is a file.
  writeFileSync(`${root}/taken`, '');
  const w = await runCli(['scan', '--write-baseline', 'taken/b.json', '.'], { cwd: root });
  assert.equal(w.code, 2);
  assert.match(w.stderr, /cannot write the baseline taken\/b\.json: /);
});
