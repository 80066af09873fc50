// One build script: the client, the language server, the CLI and their helper bundles. `--production` minifies and drops
// source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  // The AWS SDK pulls optional native helpers it does not need at run time.
  external: ['vscode', 'aws-crt', '@aws-sdk/signature-v4-crt'],
};

/** Resolves `vscode-languageserver-protocol` as vscode-languageserver itself does, whoever imports it. */
const oneProtocolCopy = {
  name: 'one-protocol-copy',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver-protocol(\/.*)?$/ }, (args) => {
      if (args.pluginData === 'one-protocol-copy') return undefined;
      const resolveDir = new URL('./node_modules/vscode-languageserver/', import.meta.url).pathname;
      return build.resolve(args.path, { kind: args.kind, resolveDir, pluginData: 'one-protocol-copy' });
    });
  },
};

const { readFileSync } = await import('node:fs');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// `demarc --version` answers from the bundle without reading package.json (server/src/cli/version.ts).
const cliVersion = { define: { __DEMARC_VERSION__: JSON.stringify(version) } };

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  // The language server answers `initialize` from a small bundle and loads the engine right after
  // (server/src/lsp/engine-loader.ts). vscode-languageserver carries its own protocol copy; the server's few direct
  // imports of the protocol package use that copy too, so the bundle holds one.
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [oneProtocolCopy] },
  { entryPoints: ['server/src/lsp/engine.ts'], outfile: 'dist/server-engine.js' },
  // `demarc` (package.json bin): a few kilobytes that answer --version and --help alone and load cli-main.js for
  // everything else, so a cold start does not parse the whole CLI (server/src/cli/entry.ts).
  { entryPoints: ['server/src/cli/entry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: [...common.external, './cli-main.js'], ...cliVersion },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js', ...cliVersion },
  // Analysis worker threads of `demarc scan`, found next to cli.js at run time (server/src/cli/worker-pool.ts).
  { entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/scan-worker.js' },
  // The AWS SDK, loaded by the CLI and the server only when an account is used (server/src/aws/loader.ts).
  { entryPoints: ['server/src/aws/runtime.ts'], outfile: 'dist/aws-posture.js' },
];

const { existsSync } = await import('node:fs');
const builds = entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => ({ ...common, ...e }));
if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
