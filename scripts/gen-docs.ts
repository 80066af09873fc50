// Writes docs/rules/<id>.md and docs/rules/README.md from rule metadata; removes pages of rules that no longer exist.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRuleIndex, renderRulePage } from '../server/src/engine/rules/docs';
import { allRules } from '../server/src/engine/rules/registry';

const dir = join(new URL('..', import.meta.url).pathname, 'docs/rules');
mkdirSync(dir, { recursive: true });
const metas = allRules().map((r) => r.meta);
const wanted = new Set(metas.map((m) => `${m.id}.md`).concat('README.md'));
for (const f of readdirSync(dir)) if (!wanted.has(f)) rmSync(join(dir, f));
for (const m of metas) writeFileSync(join(dir, `${m.id}.md`), renderRulePage(m));
writeFileSync(join(dir, 'README.md'), renderRuleIndex(metas));
console.log(`wrote ${metas.length} rule pages to docs/rules`);

// The settings table in README.md.
import { readFileSync as readText } from 'node:fs';
import { withSettingsTable } from './settings-doc';
const readmePath = join(new URL('..', import.meta.url).pathname, 'README.md');
writeFileSync(readmePath, withSettingsTable(readText(readmePath, 'utf8')));
console.log('updated the settings table in README.md');
