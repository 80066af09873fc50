// The built CLI (dist/cli.js) as a user runs it: a real process, real exit codes, real pipes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_FIXTURES, REPO } from './helpers';

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
