// Regenerates the two registries from the folder contents, alphabetically:
//   server/src/engine/rules/index.ts   — every rules/aws/<service>/<short-code>.ts
//   server/src/engine/model/aws/index.ts — every model/aws/<service>.ts (its exported KindSpecs are collected)
// Run after adding a rule or a model file: `npm run gen:registry`. A test fails when either is stale.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderModelIndex, renderRuleIndex } from './registry-render';

const root = new URL('..', import.meta.url).pathname;
const rulesDir = join(root, 'server/src/engine/rules/aws');
const modelDir = join(root, 'server/src/engine/model/aws');

const rules: string[] = [];
for (const service of readdirSync(rulesDir).sort()) {
  const dir = join(rulesDir, service);
  if (!statSync(dir).isDirectory()) continue;
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.ts')) rules.push(`${service}/${f.slice(0, -3)}`);
}
const models = readdirSync(modelDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();

writeFileSync(join(root, 'server/src/engine/rules/index.ts'), renderRuleIndex(rules));
writeFileSync(join(modelDir, 'index.ts'), renderModelIndex(models));
console.log(`registered ${rules.length} rules and ${models.length} model files`);
