// The language server answers `initialize` from a small bundle and loads the engine afterwards
// (server/src/lsp/engine-loader.ts). These tests hold the split in place and check the loader's behaviour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLazyEngine } from '../../server/src/lsp/engine-loader';
import { createNodeHost } from '../../server/src/host/node-host';

const root = new URL('../..', import.meta.url).pathname;
const realEngine = join(root, 'server/src/lsp/engine');

test('the engine is loaded on first use, from the first candidate that exists', () => {
  const engine = createLazyEngine([join(root, 'no/such/engine'), realEngine]);
  assert.equal(engine.loaded(), false, 'creating the port loads nothing');
  assert.equal(engine.detectKind('/x/main.tf', 'resource "aws_s3_bucket" "b" {}\n'), 'terraform');
  assert.equal(engine.loaded(), true);
  assert.equal(engine.ruleMeta('aws-s3-versioning')?.id, 'aws-s3-versioning');
});

test('warm() loads the engine once; later calls reuse it', () => {
  const engine = createLazyEngine([realEngine]);
  engine.warm();
  assert.equal(engine.loaded(), true);
  engine.warm();
  const dir = mkdtempSync(join(tmpdir(), 'demarc-loader-'));
  try {
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size = 10\n  encrypted = false\n}\n');
    const host = createNodeHost();
    const { units } = engine.discover([dir], host);
    const result = engine.analyzeUnit(units[0]!, host);
    assert.ok(result.findings.some((f) => f.ruleId === 'aws-ec2-ebs-encryption'), `findings: ${result.findings.map((f) => f.ruleId).join(', ')}`);
    const resource = result.sourceResources[0]!;
    const card = engine.explain.resourceMarkdown(resource, result.findings, () => result.files[0]!.lines);
    assert.match(card ?? '', /You secure/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no engine anywhere: a clear error naming the places looked at', () => {
  const engine = createLazyEngine([join(root, 'no/such/engine')]);
  assert.throws(() => engine.ruleHelpUri('aws-s3-versioning'), /Demarc engine was not found \(looked for .*no\/such\/engine\)/);
});

test('an error inside the engine module surfaces as it is, not as "not found"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-loader-'));
  try {
    const broken = join(dir, 'engine.js');
    writeFileSync(broken, 'require("./missing-dependency-of-the-engine");\n');
    const engine = createLazyEngine([broken.replace(/\.js$/, ''), realEngine]);
    assert.throws(() => engine.warm(), /missing-dependency-of-the-engine/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the server bundle holds the LSP glue only; the engine is its own bundle', () => {
  // `npm test` builds the bundles first.
  const server = readFileSync(join(root, 'dist/server.js'), 'utf8');
  assert.ok(existsSync(join(root, 'dist/server-engine.js')), 'dist/server-engine.js is built');
  const engine = readFileSync(join(root, 'dist/server-engine.js'), 'utf8');
  // Rule metadata and the YAML parser (one of its messages) are engine content; a stray import in the LSP glue would
  // pull them back in. String literals survive minification, so this holds for development and production builds.
  for (const marker of ['aws-s3-block-public-access', 'aws-ec2-ebs-encryption', 'Implicit map keys need to be followed by map values']) {
    assert.ok(engine.includes(marker), `engine bundle contains ${marker}`);
    assert.ok(!server.includes(marker), `server bundle does not contain ${marker}`);
  }
  // One copy of the LSP protocol package in the server bundle: each copy defines this method name once.
  assert.equal(server.split('"textDocument/inlineCompletion"').length - 1, 1, 'one copy of vscode-languageserver-protocol');
});
