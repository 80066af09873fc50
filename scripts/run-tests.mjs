// Runs every test/**/*.test.ts with Node's built-in runner (TypeScript loaded through tsx).
// Usage: node scripts/run-tests.mjs [substring filters…]. The real-editor suites under test/e2e need installs
// (scripts/e2e-setup.sh) and run through `npm run test:e2e`; without filters they are left out unless DEMARC_TEST_E2E=1.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules' || name === 'vscode') continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts')) files.push(relative(root, p));
  }
})(join(root, 'test'));
const selected = files.filter((f) =>
  filters.length === 0 ? !f.startsWith('test/e2e/') || process.env.DEMARC_TEST_E2E === '1' : filters.some((s) => f.includes(s)));
if (selected.length === 0) {
  console.error('no test files matched');
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
