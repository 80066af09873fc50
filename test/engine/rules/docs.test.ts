// The generated rule docs must match the metadata: run `npm run docs` after changing a rule.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderRuleIndex, renderRulePage } from '../../../server/src/engine/rules/docs';
import { allRules } from '../../../server/src/engine/rules/registry';

const dir = join(new URL('../../../', import.meta.url).pathname, 'docs/rules');

test('every rule page is up to date (npm run docs)', () => {
  for (const { meta } of allRules()) {
    const file = join(dir, `${meta.id}.md`);
    assert.ok(existsSync(file), `missing docs/rules/${meta.id}.md — run npm run docs`);
    assert.equal(readFileSync(file, 'utf8'), renderRulePage(meta), `docs/rules/${meta.id}.md is stale — run npm run docs`);
  }
});

test('the index is up to date and lists no removed rule', () => {
  assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), renderRuleIndex(allRules().map((r) => r.meta)));
  const ids = new Set(allRules().map((r) => `${r.meta.id}.md`));
  for (const f of readdirSync(dir)) if (f !== 'README.md') assert.ok(ids.has(f), `docs/rules/${f} has no rule`);
});

test('the README settings table matches the settings manifest (npm run docs)', async () => {
  const { withSettingsTable } = await import('../../../scripts/settings-doc');
  const readme = readFileSync(join(dir, '../../README.md'), 'utf8');
  assert.equal(readme, withSettingsTable(readme));
});
