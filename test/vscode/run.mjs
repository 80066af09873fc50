// `npm run test:vscode`: builds the extension and this suite, then runs the suite in a real VS Code through
// @vscode/test-electron. VS Code comes from VSCODE_EXECUTABLE when set, otherwise it is downloaded (VSCODE_VERSION,
// default: the oldest version the manifest supports). Offline, the download fails: the runner says so and exits 0,
// unless DEMARC_REQUIRE_VSCODE=1 asks for a hard failure (exit 1). `npm test` never runs this.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = process.env.DEMARC_REQUIRE_VSCODE === '1';
const version = process.env.VSCODE_VERSION ?? '1.100.3';

function unavailable(why) {
  console.error(`VS Code tests not run: ${why}`);
  console.error('Set VSCODE_EXECUTABLE to a local VS Code binary (e.g. /usr/share/code/code) to run them here.');
  process.exit(require ? 1 : 0);
}

// Electron needs a display. Without one, re-run under xvfb-run when it exists.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.DEMARC_UNDER_XVFB) {
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
  if (xvfb.status === 0) {
    const r = spawnSync(xvfb.stdout.trim(), ['-a', process.execPath, fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: { ...process.env, DEMARC_UNDER_XVFB: '1' },
    });
    process.exit(r.status ?? 1);
  }
}
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

// 1. VS Code: given, or downloaded (first, so an offline machine learns it before waiting for a build).
let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
if (vscodeExecutablePath) {
  if (!existsSync(vscodeExecutablePath)) {
    // An explicit path that is wrong is a mistake to fix, not an offline machine.
    console.error(`VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist.`);
    process.exit(1);
  }
} else {
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(root, '.cache/vscode-test'), timeout: 20_000 });
  } catch (err) {
    unavailable(`VS Code ${version} could not be downloaded (${err instanceof Error ? err.message : String(err)}).`);
  }
}

// 2. The extension (dist/client.js, dist/server.js) and the suite bundle.
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('Building the extension failed.');
  process.exit(1);
}
const suiteOut = join(root, 'out/test-vscode/suite.js');
await esbuild.build({
  entryPoints: [join(root, 'test/vscode/suite/index.ts')],
  outfile: suiteOut,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
});

if (noDisplay) console.warn('No DISPLAY and no xvfb-run: VS Code may fail to start (apt-get install xvfb).');

// 3. Run against a throw-away copy of the fixture workspace and empty profile folders, with no other extension.
const scratch = mkdtempSync(join(tmpdir(), 'demarc-vscode-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'test/fixtures/vscode-workspace'), workspace, { recursive: true });
let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: suiteOut,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
      '--no-sandbox',
      `--user-data-dir=${join(scratch, 'user-data')}`,
      `--extensions-dir=${join(scratch, 'extensions')}`,
    ],
  });
} catch (err) {
  console.error(`VS Code tests failed: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
