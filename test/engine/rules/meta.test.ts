// Registry invariants: ids unique and equal to file paths, alphabetical registry, a test per rule,
// well-formed metadata and equivalents, and a responsibility entry for every resource type a rule reads.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../../server/src/engine/rules/registry';
import { LAYERS } from '../../../server/src/engine/responsibility/types';

const root = new URL('../../../', import.meta.url).pathname;
const rulesDir = join(root, 'server/src/engine/rules/aws');

function ruleFiles(): string[] {
  const out: string[] = [];
  for (const service of readdirSync(rulesDir)) {
    const dir = join(rulesDir, service);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.ts')) out.push(`aws/${service}/${f.replace(/\.ts$/, '')}`);
  }
  return out.sort();
}

test('every rule file is registered, and every registered id matches its file path', () => {
  const ids = allRules().map((r) => r.meta.id);
  const fromFiles = ruleFiles().map((p) => p.replace(/\//g, '-'));
  assert.deepEqual([...ids].sort(), fromFiles);
});

test('rule ids are unique and the registry is alphabetical', () => {
  const ids = allRules().map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(ids, [...ids].sort());
});

test('every rule has a test file', () => {
  for (const r of allRules()) {
    const [, service, ...rest] = r.meta.id.split('-');
    const file = join(root, 'test/engine/rules/aws', service!, `${rest.join('-')}.test.ts`);
    assert.ok(existsSync(file), `missing ${file}`);
  }
});

test('metadata is complete and well-formed', () => {
  for (const { meta } of allRules()) {
    assert.match(meta.id, /^aws-[a-z0-9]+-[a-z0-9-]+$/);
    assert.equal(meta.id.split('-')[1], meta.service, `${meta.id} service`);
    for (const k of ['title', 'explanation', 'resolution'] as const) assert.ok(meta[k].length > 10, `${meta.id} ${k}`);
    assert.ok(meta.links.length > 0 && meta.links.every((l) => /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//.test(l)), `${meta.id} links`);
    assert.ok(LAYERS.includes(meta.responsibility.layer), `${meta.id} layer`);
    assert.ok(meta.responsibility.resourceTypes.length > 0, `${meta.id} resource types`);
    for (const c of meta.controls) assert.match(c, /^(aws-fsbp|aws-securityhub|cis-aws-v5):[A-Za-z0-9.]+$/, `${meta.id} control ${c}`);
    for (const id of meta.equivalents.checkov ?? []) assert.match(id, /^CKV2?_AWS_\d+$/, `${meta.id} checkov ${id}`);
    for (const id of meta.equivalents.trivy ?? []) assert.match(id, /^(AVD-AWS-\d{4}|aws-[a-z0-9]+-[a-z0-9-]+)$/, `${meta.id} trivy ${id}`);
    for (const id of meta.equivalents.kics ?? []) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, `${meta.id} kics ${id}`);
    assert.ok(meta.formats.length > 0);
    if (meta.fixable) assert.ok(meta.formats.length > 0);
  }
});

test('the generated registries are up to date (npm run gen:registry)', async () => {
  const { renderModelIndex, renderRuleIndex } = await import('../../../scripts/registry-render');
  const rules = ruleFiles().map((p) => p.replace(/^aws\//, ''));
  assert.equal(readFileSync(join(root, 'server/src/engine/rules/index.ts'), 'utf8'), renderRuleIndex(rules));
  const models = readdirSync(join(root, 'server/src/engine/model/aws')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();
  assert.equal(readFileSync(join(root, 'server/src/engine/model/aws/index.ts'), 'utf8'), renderModelIndex(models));
});
