import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyProjectConfig, findProjectConfig, isExcluded, loadProjectConfig, parseProjectConfig, type ProjectConfig } from '../../server/src/engine/config';
import type { Host } from '../../server/src/engine/source';
import type { Finding } from '../../server/src/engine/types';
import { createNodeHost } from '../../server/src/host/node-host';

const PATH = '/repo/.demarc.yaml';
const known = new Set(['aws-s3-versioning', 'aws-s3-encryption-kms', 'aws-ec2-imdsv2']);
const parse = (text: string) => parseProjectConfig(text, PATH, { knownRules: (id) => known.has(id) });

test('a complete project file parses into the typed config', () => {
  const { config, problems } = parse(`version: 1
rules:
  aws-s3-versioning: off
  aws-s3-encryption-kms: critical
  aws-ec2-imdsv2: on
exclude:
  - legacy/
  - "**/*.generated.tf"
requiredTags:
  - Owner
  - key: Environment
    values: [dev, prod]
    resourceTypes: [aws_s3_bucket, "AWS::S3::Bucket"]
owners:
  - path: "network/**"
    team: netops
  - tag: Team=payments
    team: payments
severityThreshold: medium
varFiles: [env/prod.tfvars]
maxFileSize: 1048576
baseline: ci/demarc-baseline.json
`);
  assert.deepEqual(problems, []);
  assert.equal(config.path, PATH);
  assert.equal(config.root, '/repo');
  assert.deepEqual(config.rules, { 'aws-s3-versioning': 'off', 'aws-s3-encryption-kms': 'critical', 'aws-ec2-imdsv2': 'on' });
  assert.deepEqual(config.exclude, ['legacy/', '**/*.generated.tf']);
  assert.deepEqual(config.requiredTags, [{ key: 'Owner' }, { key: 'Environment', values: ['dev', 'prod'], resourceTypes: ['aws_s3_bucket', 'AWS::S3::Bucket'] }]);
  assert.deepEqual(config.owners, [{ path: 'network/**', team: 'netops' }, { tag: 'Team=payments', team: 'payments' }]);
  assert.equal(config.severityThreshold, 'medium');
  assert.deepEqual(config.varFiles, ['env/prod.tfvars']);
  assert.equal(config.maxFileSize, 1048576);
  assert.equal(config.baseline, 'ci/demarc-baseline.json');
});

test('an empty file is an empty policy', () => {
  const { config, problems } = parse('# nothing yet\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(config.rules, {});
  assert.deepEqual(config.exclude, []);
});

test('unknown keys are errors with line, column and a suggestion', () => {
  const { problems } = parse('rules: {}\nexcludes:\n  - a\n');
  assert.equal(problems.length, 1);
  const p = problems[0]!;
  assert.equal(p.code, 'config-unknown-key');
  assert.equal(p.severity, 'error');
  assert.equal(p.file, PATH);
  assert.deepEqual(p.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
  assert.match(p.message, /unknown setting "excludes"; did you mean "exclude"\?/);
});

test('wrong types, bad severity names and bad rule ids point at the value', () => {
  const { config, problems } = parse(`rules:
  aws-s3-versioning: severe
  S3_VERSIONING: off
  aws-s3-unknown-thing: low
  aws-ec2-imdsv2: high
exclude: legacy
owners:
  - path: x/**
  - tag: NoEquals
    team: a
requiredTags: Owner
severityThreshold: urgent
maxFileSize: big
baseline: [a, b]
`);
  const got = problems.map((p) => [p.code, p.severity, p.range!.start.line + 1, p.range!.start.character + 1]);
  assert.deepEqual(got, [
    ['config-severity', 'error', 2, 22],
    ['config-rule-id', 'error', 3, 3],
    ['config-unknown-rule', 'warning', 4, 3],
    ['config-type', 'error', 8, 5],
    ['config-type', 'error', 9, 5],
    ['config-type', 'error', 11, 15],
    ['config-severity', 'error', 12, 20],
    ['config-type', 'error', 13, 14],
    ['config-type', 'error', 14, 11],
  ]);
  assert.match(problems[0]!.message, /"severe" is not one of off, on, critical, high, medium, low, info/);
  assert.match(problems[1]!.message, /"S3_VERSIONING" is not a rule id/);
  assert.match(problems[3]!.message, /needs "team"/);
  assert.match(problems[4]!.message, /Key=Value/);
  // The valid parts still apply: a single string is accepted as a one-item exclude list.
  assert.deepEqual(config.rules, { 'aws-s3-unknown-thing': 'low', 'aws-ec2-imdsv2': 'high' });
  assert.deepEqual(config.exclude, ['legacy']);
});

test('a YAML syntax error is reported with its position', () => {
  const { problems } = parse('rules:\n  aws-s3-versioning: off\n exclude: [a\n');
  assert.ok(problems.length >= 1);
  assert.equal(problems[0]!.code, 'config-syntax');
  assert.equal(problems[0]!.range!.start.line, 2);
  assert.match(problems[0]!.message, /YAML syntax error/);
});

test('duplicate keys and a top-level list are rejected', () => {
  assert.equal(parse('rules: {}\nrules: {}\n').problems[0]?.code, 'config-syntax');
  assert.equal(parse('- a\n- b\n').problems[0]?.code, 'config-type');
});

function finding(ruleId: string, file: string, severity: Finding['severity'] = 'high'): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  return { ruleId, severity, ruleSeverity: severity, message: 'm', file, span: { file, start: 0, end: 1 }, range, related: [] };
}

test('applyProjectConfig turns rules off, overrides severity with a note, and drops excluded paths', () => {
  const { config } = parse(`rules:
  aws-s3-versioning: off
  aws-s3-encryption-kms: low
exclude:
  - legacy
  - "**/*.generated.tf"
`);
  const out = applyProjectConfig(
    [
      finding('aws-s3-versioning', '/repo/main.tf'),
      finding('aws-s3-encryption-kms', '/repo/main.tf'),
      finding('aws-ec2-imdsv2', '/repo/legacy/old.tf'),
      finding('aws-ec2-imdsv2', '/repo/net/x.generated.tf'),
      finding('aws-ec2-imdsv2', '/repo/net/main.tf'),
      finding('aws-ec2-imdsv2', '/elsewhere/legacy/main.tf'),
    ],
    config,
  );
  assert.deepEqual(out.map((f) => [f.ruleId, f.file, f.severity]), [
    ['aws-s3-encryption-kms', '/repo/main.tf', 'low'],
    ['aws-ec2-imdsv2', '/repo/net/main.tf', 'high'],
    ['aws-ec2-imdsv2', '/elsewhere/legacy/main.tf', 'high'],
  ]);
  assert.equal(out[0]!.ruleSeverity, 'high');
  assert.deepEqual(out[0]!.notes, ['severity high → low by .demarc.yaml']);
});

test('isExcluded matches dotfiles and folder names without a trailing glob', () => {
  const config: ProjectConfig = { path: PATH, root: '/repo', rules: {}, exclude: ['./vendor/', '.hidden/*.tf'], requiredTags: [], owners: [] };
  assert.equal(isExcluded('/repo/vendor/a/b.tf', config), true);
  assert.equal(isExcluded('/repo/.hidden/a.tf', config), true);
  assert.equal(isExcluded('/repo/src/vendor.tf', config), false);
});

function memoryHost(files: string[]): Host {
  const set = new Set(files);
  return {
    readFile: (p) => (set.has(p) ? '' : undefined),
    readDir: (dir) => {
      const prefix = dir === '/' ? '/' : `${dir}/`;
      const names = new Map<string, boolean>();
      for (const f of set) {
        if (!f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length);
        const i = rest.indexOf('/');
        names.set(i === -1 ? rest : rest.slice(0, i), i !== -1 || names.get(rest) === true);
      }
      return names.size || set.has(`${dir}/`) ? [...names].map(([name, isDirectory]) => ({ name, isDirectory })) : undefined;
    },
  };
}

test('findProjectConfig walks up to the repository root and no further', () => {
  const host = memoryHost(['/work/.demarc.yaml', '/work/repo/.git/HEAD', '/work/repo/infra/net/main.tf', '/work/repo/app/.demarc.yml', '/work/repo/app/x/main.tf']);
  assert.equal(findProjectConfig('/work/repo/infra/net', host), undefined, 'the .git folder stops the walk before /work');
  assert.equal(findProjectConfig('/work/repo/app/x', host), '/work/repo/app/.demarc.yml');
  const noGit = memoryHost(['/work/.demarc.yaml', '/work/a/b/main.tf']);
  assert.equal(findProjectConfig('/work/a/b', noGit), '/work/.demarc.yaml');
  assert.equal(findProjectConfig('/work/a/b/', memoryHost(['/work/a/b/main.tf'])), undefined);
});

test('findProjectConfig with a memo: sibling folders stop at their shared parent, answers unchanged', () => {
  const base = memoryHost(['/work/.demarc.yaml', '/work/stacks/a/main.tf', '/work/stacks/b/main.tf', '/work/stacks/c/main.tf', '/work/other/main.tf']);
  const reads: string[] = [];
  const host: Host = { ...base, readDir: (d) => (reads.push(d), base.readDir(d)) };
  const memo = new Map<string, string | undefined>();
  for (const d of ['a', 'b', 'c']) assert.equal(findProjectConfig(`/work/stacks/${d}`, host, undefined, memo), '/work/.demarc.yaml');
  assert.deepEqual(reads, ['/work/stacks/a', '/work/stacks', '/work', '/work/stacks/b', '/work/stacks/c']);
  assert.equal(findProjectConfig('/work/other', host, undefined, memo), '/work/.demarc.yaml');
  assert.equal(reads.filter((r) => r === '/work').length, 1);
  // Another stop gives other answers, kept apart.
  assert.equal(findProjectConfig('/work/stacks/a', host, '/work/stacks', memo), undefined);
});

test('findProjectConfig on the real file system', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-config-')).replace(/\\/g, '/');
  try {
    mkdirSync(`${dir}/repo/.git`, { recursive: true });
    mkdirSync(`${dir}/repo/infra/modules`, { recursive: true });
    writeFileSync(`${dir}/repo/.demarc.yaml`, 'rules: {}\n');
    assert.equal(findProjectConfig(`${dir}/repo/infra/modules`, createNodeHost()), `${dir}/repo/.demarc.yaml`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('findProjectConfig stops at stopAt; loadProjectConfig parses, and withholds a config with errors', () => {
  const host = memoryHost(['/w/.demarc.yaml', '/w/proj/sub/main.tf']);
  assert.equal(findProjectConfig('/w/proj/sub', host, '/w/proj'), undefined);
  assert.equal(findProjectConfig('/w/proj/sub', host, '/w'), '/w/.demarc.yaml');
  const files: Record<string, string> = { '/w/.demarc.yaml': 'rules:\n  aws-s3-versioning: off\n' };
  const withText: Host = { ...host, readFile: (p) => files[p] };
  const ok = loadProjectConfig('/w/proj/sub', withText);
  assert.equal(ok.path, '/w/.demarc.yaml');
  assert.deepEqual(ok.config?.rules, { 'aws-s3-versioning': 'off' });
  files['/w/.demarc.yaml'] = 'rulez: {}\n';
  const bad = loadProjectConfig('/w/proj/sub', withText);
  assert.equal(bad.config, undefined);
  assert.equal(bad.problems[0]?.code, 'config-unknown-key');
  assert.deepEqual(loadProjectConfig('/w/proj/sub', withText, '/w/proj'), { problems: [] });
});
