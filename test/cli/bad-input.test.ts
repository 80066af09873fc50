// Bad input through the whole CLI: every case finishes, names the path, and says what was wrong.
// Binary, huge, invalid-UTF-8, CRLF+BOM, symlink-loop and unreadable files are made at test time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from '../../server/src/engine/source';
import { createNodeHost } from '../../server/src/host/node-host';
import { BAD_INPUT, REPO, runCli, scanJson, type JsonReportShape } from './helpers';

let dir = '';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'demarc-bad-')).replace(/\\/g, '/');
  for (const name of readdirSync(BAD_INPUT)) copyFileSync(`${BAD_INPUT}/${name}`, `${dir}/${name}`);
});

after(() => {
  try {
    chmodSync(`${dir}/locked/secret.tf`, 0o644);
  } catch {
    // not created by every test
  }
  rmSync(dir, { recursive: true, force: true });
});

function problemFor(json: JsonReportShape, file: string) {
  return json.problems.filter((p) => p.file.endsWith(file));
}

test('malformed and truncated Terraform, YAML and JSON: syntax problems with positions, the rest still analyzed', async () => {
  const { code, json } = await scanJson([dir], { cwd: dir });
  assert.ok(code === 1 || code === 0, `exit ${code}`);
  for (const f of ['malformed.tf', 'truncated.tf', 'truncated-template.yaml', 'truncated-template.json']) {
    const ps = problemFor(json, f);
    assert.ok(ps.length >= 1, `a problem for ${f}: ${JSON.stringify(json.problems)}`);
    assert.equal(ps[0]!.severity, 'error', f);
    assert.ok(ps[0]!.startLine !== null && ps[0]!.startLine >= 1, `${f} has a position`);
    assert.ok(ps[0]!.message.length > 10, `${f} says what is wrong`);
  }
  // malformed.tf: the bucket before the error is still analyzed.
  assert.ok(json.findings.some((f) => f.resource === 'aws_s3_bucket.fail_after_error'), 'resources before the syntax error are still checked');
});

test('text output names each broken file with line and column', async () => {
  const r = await runCli(['scan', '.'], { cwd: dir });
  assert.match(r.stdout, /^malformed\.tf:\d+:\d+ error \S+ .+$/m);
  assert.match(r.stdout, /^truncated-template\.yaml:\d+:\d+ error \S+ .+$/m);
  assert.match(r.stdout, /\d+ problems?; scanned/);
});

test('a binary file named .tf is skipped with a notice', async () => {
  const d = `${dir}/binary`;
  mkdirSync(d);
  writeFileSync(`${d}/image.tf`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00]));
  const { code, json } = await scanJson([d]);
  assert.equal(code, 0);
  const [p] = problemFor(json, 'binary/image.tf');
  assert.equal(p?.code, 'file-binary');
  assert.match(p!.message, /binary/);
});

test('a 50 MB file is skipped with a notice above the limit, and the limit is configurable', async () => {
  const d = `${dir}/huge`;
  mkdirSync(d);
  const block = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n';
  writeFileSync(`${d}/huge.tf`, block.repeat(Math.ceil((50 * 1024 * 1024) / block.length)));
  writeFileSync(`${d}/small.tf`, 'resource "aws_s3_bucket" "fail_small" {\n  bucket = "small"\n}\n');
  const { json } = await scanJson([d, '--rule', 'aws-s3-versioning']);
  const [p] = problemFor(json, 'huge/huge.tf');
  assert.equal(p?.code, 'file-too-large');
  assert.match(p!.message, /50\.0 MB is over the 4\.0 MB limit/);
  assert.deepEqual(json.findings.map((f) => f.resource), ['aws_s3_bucket.fail_small'], 'the small file is still analyzed');
  const lower = await scanJson([d, '--rule', 'aws-s3-versioning', '--max-file-size', '10']);
  assert.match(problemFor(lower.json, 'huge/small.tf')[0]?.message ?? '', /over the 10 bytes limit/);
  const text = await runCli(['scan', d, '--rule', 'aws-s3-versioning']);
  assert.match(text.stdout, /huge\.tf:1:1 warning file-too-large skipped: 50\.0 MB/);
});

test('invalid UTF-8 is reported at its position and the file is still analyzed', async () => {
  const d = `${dir}/utf8`;
  mkdirSync(d);
  const head = Buffer.from('resource "aws_s3_bucket" "fail_latin1" {\n  bucket = "caf');
  writeFileSync(`${d}/latin1.tf`, Buffer.concat([head, Buffer.from([0xe9]), Buffer.from('"\n}\n')]));
  const { json } = await scanJson([d, '--rule', 'aws-s3-versioning']);
  const [p] = problemFor(json, 'utf8/latin1.tf');
  assert.equal(p?.code, 'file-encoding');
  assert.deepEqual([p!.startLine, p!.startColumn], [2, 16]); // `  bucket = "caf` is 15 characters
  assert.deepEqual(json.findings.map((f) => f.resource), ['aws_s3_bucket.fail_latin1']);
});

test('CRLF line endings and a BOM keep positions right', async () => {
  const d = `${dir}/crlf`;
  mkdirSync(d);
  writeFileSync(`${d}/main.tf`, '\uFEFF# windows file\r\nresource "aws_s3_bucket" "fail_crlf" {\r\n  bucket = "crlf"\r\n}\r\n');
  writeFileSync(`${d}/template.yaml`, '\uFEFFAWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  FailCrlf:\r\n    Type: AWS::S3::Bucket\r\n');
  const { json } = await scanJson([d, '--rule', 'aws-s3-versioning']);
  assert.deepEqual(json.problems, []);
  const pos = json.findings.map((f) => [f.file.replace(/^.*\//, ''), f.startLine, f.startColumn]);
  assert.deepEqual(pos, [
    ['main.tf', 2, 1],
    ['template.yaml', 3, 3],
  ]);
});

test('symbolic link loops do not hang discovery', async () => {
  const d = `${dir}/links`;
  mkdirSync(`${d}/sub`, { recursive: true });
  writeFileSync(`${d}/sub/main.tf`, 'resource "aws_s3_bucket" "fail_linked" {\n  bucket = "l"\n}\n');
  symlinkSync('..', `${d}/sub/up`); // sub/up → links (a cycle through the parent)
  symlinkSync('b.tf', `${d}/a.tf`); // a.tf → b.tf → a.tf (ELOOP)
  symlinkSync('a.tf', `${d}/b.tf`);
  const { json } = await scanJson([d, '--rule', 'aws-s3-versioning', '--verbose']);
  assert.deepEqual(json.findings.map((f) => f.resource), ['aws_s3_bucket.fail_linked'], 'found once, not once per cycle');
  assert.ok(json.skipped.some((s) => /symbolic link loop/.test(s.reason)), JSON.stringify(json.skipped));
  for (const f of ['a.tf', 'b.tf']) assert.ok(problemFor(json, `links/${f}`).length >= 1, `${f} is reported`);
});

test('an unreadable file is reported by name and the scan exits 2 after finishing', async () => {
  const d = `${dir}/locked`;
  mkdirSync(d);
  writeFileSync(`${d}/secret.tf`, 'resource "aws_s3_bucket" "x" {}\n');
  writeFileSync(`${d}/open.tf`, 'resource "aws_s3_bucket" "fail_open" {\n  bucket = "o"\n}\n');
  chmodSync(`${d}/secret.tf`, 0o000);
  let deps: { host: Host } | undefined;
  if (isRoot) {
    // root reads through chmod 000, so simulate what a normal user gets from the file system.
    const real = createNodeHost();
    deps = {
      host: {
        ...real,
        readFile: (p) => {
          if (p.endsWith('/secret.tf')) throw Object.assign(new Error(`permission denied reading ${p}`), { code: 'EACCES' });
          return real.readFile(p);
        },
      },
    };
  }
  const r = await runCli(['scan', d, '--rule', 'aws-s3-versioning', '--format', 'json'], deps ? { deps } : {});
  assert.equal(r.code, 2);
  const json = JSON.parse(r.stdout) as JsonReportShape;
  const [p] = problemFor(json, 'locked/secret.tf');
  assert.equal(p?.code, 'file-unreadable');
  assert.match(p!.message, /permission denied/);
  assert.deepEqual(json.findings.map((f) => f.resource), ['aws_s3_bucket.fail_open'], 'the readable file is still analyzed');
  assert.match(r.stderr, /locked\/secret\.tf: .*permission denied/);
});

test('a YAML alias bomb and 10,000-deep nesting finish with a problem naming the file', async () => {
  const d = `${dir}/hostile`;
  mkdirSync(d);
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Metadata:', '  a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++) lines.push(`  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  lines.push('Resources:', '  FailBomb:', '    Type: AWS::S3::Bucket', '    Properties:', '      Tags: *a11', '');
  writeFileSync(`${d}/bomb.yaml`, lines.join('\n'));
  writeFileSync(`${d}/deep.json`, `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"X": {"Type": "AWS::S3::Bucket", "Metadata": ${'['.repeat(10000)}${']'.repeat(10000)}}}}`);
  writeFileSync(`${d}/deep.tf`, `locals {\n  x = ${'['.repeat(10000)}${']'.repeat(10000)}\n}\n`);
  const started = Date.now();
  const { code, json } = await scanJson([d]);
  assert.ok(code === 0 || code === 1, `exit ${code}`);
  console.log(`hostile inputs scanned in ${Date.now() - started} ms`);
  assert.ok(problemFor(json, 'hostile/bomb.yaml').length >= 1, `alias bomb reported: ${JSON.stringify(json.problems)}`);
});

test('named pipes in the tree or on the command line never hang: each is reported as not a regular file', { skip: process.platform === 'win32' }, () => {
  // Run as a separate process with a timeout: a read that blocks would block this process's event loop too.
  const d = `${dir}/pipes`;
  mkdirSync(d);
  writeFileSync(`${d}/main.tf`, 'resource "aws_s3_bucket" "fail_beside_pipes" {\n  bucket = "p"\n}\n');
  for (const name of ['pipe.tf', 'pipe.yaml', 'pipe.tfvars', 'terraform.tfvars', 'config.yaml']) execFileSync('mkfifo', [`${d}/${name}`]);
  const cli = (args: string[]) => spawnSync(process.execPath, [`${REPO}/dist/cli.js`, 'scan', ...args], { cwd: d, encoding: 'utf8', timeout: 30_000 });

  const tree = cli(['.', '--rule', 'aws-s3-versioning', '--format', 'json', '--verbose']);
  assert.equal(tree.signal, null, 'finished, not killed by the timeout');
  assert.equal(tree.status, 2, 'unreadable input: exit 2 after the scan');
  const json = JSON.parse(tree.stdout) as JsonReportShape;
  assert.deepEqual(json.findings.map((f) => f.resource), ['aws_s3_bucket.fail_beside_pipes']);
  for (const name of ['pipe.tf', 'terraform.tfvars']) {
    const p = json.problems.find((x) => x.file === name);
    assert.match(p?.message ?? '', /not a regular file \(a pipe, socket or device\)/, name);
  }
  assert.ok(json.skipped.some((s) => s.path === 'pipe.yaml'), JSON.stringify(json.skipped));

  const config = cli(['main.tf', '--config', 'config.yaml']);
  assert.equal(config.signal, null);
  assert.equal(config.status, 2);
  assert.match(config.stderr, /cannot read the project file: not a regular file/);
  const varFile = cli(['main.tf', '--var-file', 'pipe.tfvars', '--format', 'json']);
  assert.equal(varFile.signal, null);
  assert.match(varFile.stdout, /not a regular file/);
  const baseline = cli(['main.tf', '--baseline', 'pipe.yaml']);
  assert.equal(baseline.signal, null);
  assert.equal(baseline.status, 2);
  assert.match(baseline.stderr, /the baseline pipe\.yaml is not a file/);
});
