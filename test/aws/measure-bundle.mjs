// Prints how much the AWS SDK clients add to the bundles (minified, like build:production). Not a test: figures only.
// Usage: node test/aws/measure-bundle.mjs
import * as esbuild from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const root = new URL('../..', import.meta.url).pathname;
const outDir = mkdtempSync(join(tmpdir(), 'demarc-bundle-'));
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, legalComments: 'none', logLevel: 'error', external: ['vscode', 'aws-crt', '@aws-sdk/signature-v4-crt'], metafile: true, write: true, absWorkingDir: root };
async function size(name, contents) {
  const r = await esbuild.build({ ...common, stdin: { contents, resolveDir: root, loader: 'ts' }, outfile: join(outDir, `${name}.js`) });
  const out = Object.values(r.metafile.outputs)[0];
  const by = {};
  for (const [p, i] of Object.entries(out.inputs)) {
    const k = p.includes('node_modules/@aws-sdk') ? '@aws-sdk' : p.includes('node_modules/@smithy') ? '@smithy' : p.includes('node_modules/') ? 'other node_modules' : 'demarc source';
    by[k] = (by[k] ?? 0) + i.bytesInOutput;
  }
  return { total: out.bytes, by };
}
const base = await size('server-base', `import './server/src/server';`);
const withAccount = await size('server-account', `import './server/src/server'; import { register } from './server/src/handlers/account'; console.log(typeof register);`);
const cliAccount = await size('cli-account', `import { run } from './server/src/cli/commands/account'; export { run };`);
const kb = (n) => (n / 1024).toFixed(1) + ' KiB';
console.log('server bundle (minified) without account handler:', kb(base.total), base.by);
console.log('server bundle (minified) with account handler    :', kb(withAccount.total), withAccount.by);
console.log('delta:', kb(withAccount.total - base.total));
console.log('account CLI command alone (minified):', kb(cliAccount.total), cliAccount.by);

// Per package: which clients weigh most.
const perPkg = {};
{
  const r = await esbuild.build({ ...common, write: false, stdin: { contents: `import { run } from './server/src/cli/commands/account'; export { run };`, resolveDir: root, loader: 'ts' }, outfile: join(outDir, 'pkg.js') });
  const out = Object.values(r.metafile.outputs)[0];
  for (const [p, i] of Object.entries(out.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p.split('node_modules/').length > 2 ? 'node_modules/' + p.split('node_modules/').pop() : p);
    const k = m ? m[1] : 'demarc source';
    perPkg[k] = (perPkg[k] ?? 0) + i.bytesInOutput;
  }
}
for (const [k, v] of Object.entries(perPkg).sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${k.padEnd(40)} ${kb(v)}`);
