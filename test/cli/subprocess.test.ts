// The built CLI (dist/cli.js) as a user runs it: a real process, real exit codes, real pipes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_FIXTURES, REPO } from './helpers';
import { emitReport, type ReportProducer } from '../../server/src/cli/output-file';

const CLI = `${REPO}/dist/cli.js`;

before(() => {
  const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(b.status, 0, `build failed: ${b.stderr}`);
});

function cli(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
}

test('dist/cli.js: --version, a scan with findings (exit 1), a clean scan (exit 0), a usage error (exit 2)', () => {
  const pkg = JSON.parse(readFileSync(`${REPO}/package.json`, 'utf8')) as { version: string };
  assert.equal(readFileSync(CLI, 'utf8').split('\n')[0], '#!/usr/bin/env node');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const v = cli(['--version']);
    times.push(performance.now() - t);
    assert.equal(v.status, 0);
    assert.equal(v.stdout, `${pkg.version}\n`);
  }
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - t);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`demarc --version: median ${median(times).toFixed(0)} ms (bare node: ${median(bare).toFixed(0)} ms)`);

  const scan = cli(['scan', '--format', 'json'], `${CLI_FIXTURES}/basic`);
  assert.equal(scan.status, 1, scan.stderr);
  const json = JSON.parse(scan.stdout) as { version: number; findings: { file: string }[] };
  assert.equal(json.version, 1);
  assert.ok(json.findings.some((f) => f.file === 'main.tf'));

  const clean = cli(['scan', `${CLI_FIXTURES}/clean`]);
  assert.equal(clean.status, 0, clean.stderr);
  assert.match(clean.stdout, /^0 findings, 0 suppressed, 0 problems; scanned 1 file in \d+\.\d\d s$/m);

  const bad = cli(['scan', '--nope']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown option --nope/);
  assert.equal(cli(['scan', 'no/such/dir']).status, 2);
});

test('dist/cli.js: SARIF to a pipe is complete JSON, and NO_COLOR is honored', () => {
  const r = cli(['scan', '--format', 'sarif', `${CLI_FIXTURES}/suppressions`]);
  assert.equal(r.status, 1, r.stderr);
  const log = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
  assert.ok(log.runs[0]!.results.length > 0);
  const plain = cli(['scan', `${CLI_FIXTURES}/basic`], REPO, { ...process.env, NO_COLOR: '1', FORCE_COLOR: '1' });
  assert.ok(!/\u001b\[/.test(plain.stdout));
});

test('dist/cli.js answers --version and --help on its own, with the version inlined; commands load dist/cli-main.js', () => {
  const pkg = JSON.parse(readFileSync(`${REPO}/package.json`, 'utf8')) as { version: string };
  // The entry alone, without the CLI bundle next to it: only --version and --help can work.
  const dir = mkdtempSync(join(tmpdir(), 'demarc-entry-'));
  try {
    copyFileSync(CLI, join(dir, 'cli.js'));
    const alone = (args: string[]) => spawnSync(process.execPath, [join(dir, 'cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
    for (const flag of ['--version', '-v', 'version']) {
      const v = alone([flag]);
      assert.equal(v.status, 0, v.stderr);
      assert.equal(v.stdout, `${pkg.version}\n`);
    }
    const help = alone(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, new RegExp(`^demarc ${pkg.version.replace(/\./g, '\\.')}: `));
    assert.match(help.stdout, /^  scan {5}scan Terraform/m);
    const none = alone([]);
    assert.equal(none.status, 2);
    assert.equal(none.stdout, help.stdout);
    const scan = alone(['scan', '.']);
    assert.notEqual(scan.status, 0);
    assert.match(scan.stderr, /cli-main\.js/, 'every command needs the CLI bundle');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(statSync(CLI).size < 16 * 1024, `dist/cli.js is ${statSync(CLI).size} bytes`);
  // Through the full CLI the same answers come from main.ts.
  assert.equal(cli(['--version']).stdout, `${pkg.version}\n`);
  const help = cli(['help', 'scan']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--max-file-size BYTES/);
});

/** Writes a workspace large enough that its JSON report is several pipe buffers long. */
function bigWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-pipe-'));
  for (let m = 0; m < 12; m++) {
    mkdirSync(join(dir, `m${m}`));
    let tf = '';
    for (let i = 0; i < 40; i++) tf += `resource "aws_ebs_volume" "v${i}" {\n  availability_zone = "eu-west-1a"\n  size = 10\n  encrypted = false\n}\n`;
    writeFileSync(join(dir, `m${m}`, 'main.tf'), tf);
  }
  return dir;
}

test('dist/cli.js: a reader that closes the pipe early (| head) ends the scan quietly with its exit code', async () => {
  const dir = bigWorkspace();
  try {
    for (const format of ['json', 'sarif', 'text']) {
      const child = spawn(process.execPath, [CLI, 'scan', dir, '--format', format], { cwd: REPO });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // Like `head -c 64`: take the first bytes, then close our end of the pipe.
      await once(child.stdout, 'data');
      child.stdout.destroy();
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 1, `${format}: the scan's own exit code (findings), stderr: ${stderr}`);
      assert.equal(stderr, '', `${format}: no EPIPE error or stack trace`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dist/cli.js: --output where the report cannot be written is exit 2 with the reason, never a hang', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-out-'));
  try {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const notDir = spawnSync(process.execPath, [CLI, 'scan', `${REPO}/examples`, '--output', join(dir, 'a-file', 'report.json')], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(notDir.status, 2, notDir.stderr);
    assert.match(notDir.stderr, /cannot write the report to .*a-file\/report\.json/);
    // Node 20's recursive mkdirSync never returns under /proc; the CLI creates folders itself and reports the failure.
    if (existsSync('/proc/self')) {
      const proc = spawnSync(process.execPath, [CLI, 'scan', `${REPO}/examples`, '--output', '/proc/no-such-folder/report.json'], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(proc.error, undefined, 'finished in time');
      assert.equal(proc.status, 2, proc.stderr);
      assert.match(proc.stderr, /cannot write the report to \/proc\/no-such-folder\/report\.json/);
    }
    // A device that is always full: the reason is given, and the device is not removed (only plain files are).
    if (existsSync('/dev/full')) {
      for (const command of ['scan', 'report']) {
        const full = spawnSync(process.execPath, [CLI, command, `${REPO}/examples`, '--format', 'json', '--output', '/dev/full'], { encoding: 'utf8', timeout: 60_000 });
        assert.equal(full.status, 2, full.stderr);
        assert.match(full.stderr, new RegExp(`^demarc ${command}: cannot write the report to /dev/full: no space left on the device$`, 'm'));
        assert.ok(statSync('/dev/full').isCharacterDevice(), '/dev/full is still there');
      }
    }
    const created = spawnSync(process.execPath, [CLI, 'scan', `${REPO}/examples`, '--output', join(dir, 'new', 'deeper', 'report.json'), '--soft-fail'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(created.status, 0, created.stderr);
    assert.ok(statSync(join(dir, 'new', 'deeper', 'report.json')).size > 0, 'missing folders are created');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a report that fails part-way is removed, not left half-written; standard output is not touched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-partial-'));
  try {
    const io = { stdout: () => {}, stderr: () => {}, cwd: dir, env: {}, isTTY: false };
    const failing: ReportProducer = async (sink) => {
      await sink(Buffer.from('{"findings": [\n'));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    for (const existing of [false, true]) {
      const path = join(dir, `report-${existing}.json`);
      if (existing) writeFileSync(path, 'an older report');
      await assert.rejects(emitReport(failing, io, { path, shown: 'out/report.json' }), /cannot write the report to out\/report\.json: no space left on the device/);
      assert.equal(existsSync(path), false, `existing ${existing}: no half-written report is left`);
    }
    const path = join(dir, 'whole.json');
    await emitReport(async (sink) => sink(Buffer.from('{}\n')), io, { path, shown: 'whole.json' });
    assert.equal(readFileSync(path, 'utf8'), '{}\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
