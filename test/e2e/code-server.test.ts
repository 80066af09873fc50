// Demarc in the real VS Code workbench: code-server (VS Code 1.100) driven through Debian's Chromium with
// playwright-core. The extension is packaged as a VSIX, installed into throw-away dirs, and checked through the UI
// only: Problems panel, hover card, light-bulb quick fix, status bar, bad input, and Restricted Mode with no AWS
// calls. Screenshots of every step go to test-results/e2e/ for a person to look at.
import assert from 'node:assert/strict';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  cliScan,
  figure,
  findTool,
  freePort,
  killGroup,
  makeWorkspace,
  outputOf,
  removeWorkspace,
  repoRoot,
  resultsDir,
  spawnGroup,
  within,
} from './helpers';

const codeServerDir = process.env.DEMARC_CODE_SERVER_DIR ?? join(repoRoot, '.cache', 'code-server');
const codeServer = findTool('code-server', [join(codeServerDir, 'node_modules', '.bin', 'code-server')], 'run bash scripts/e2e-setup.sh');
const chromiumBin = findTool('chromium', ['/usr/bin/chromium'], 'apt-get install chromium, or bash scripts/e2e-setup.sh');
const skip = codeServer.skip ?? chromiumBin.skip;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const UI_TIMEOUT = 60_000;
const mod = 'Control';

/** Settings for a quiet, deterministic workbench: no welcome page, no update checks, no auto save. */
function userSettings(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'git.enabled': false,
    'files.autoSave': 'off',
    'editor.hover.delay': 200,
    'window.restoreWindows': 'none',
    ...extra,
  };
}

interface Instance {
  proc: ChildProcess;
  port: number;
  dataDir: string;
}

/** Starts code-server on a free loopback port and waits until it answers /healthz. */
async function startCodeServer(label: string, extensionsDir: string, trusted: boolean, settings: Record<string, unknown>, env: NodeJS.ProcessEnv): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), `demarc-e2e-cs-${label}-`));
  mkdirSync(join(dataDir, 'User'), { recursive: true });
  writeFileSync(join(dataDir, 'User', 'settings.json'), JSON.stringify(userSettings(settings), null, 2));
  const port = await freePort();
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dataDir,
    '--extensions-dir', extensionsDir,
    ...(trusted ? ['--disable-workspace-trust'] : []),
  ];
  const proc = spawnGroup(codeServer.path!, args, { env: { ...process.env, ...env }, log: join(resultsDir, `code-server-${label}.log`) });
  const started = Date.now();
  await within(UI_TIMEOUT, `code-server (${label}) to answer on 127.0.0.1:${port}`, (async () => {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`code-server exited with ${proc.exitCode}:\n${outputOf(proc)}`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })());
  figure(`code-server ${label} start`, Date.now() - started);
  return { proc, port, dataDir };
}

/**
 * A loopback stand-in for every AWS endpoint (AWS_ENDPOINT_URL points here). It answers STS GetCallerIdentity with
 * a made-up identity and refuses everything else with AccessDenied; each request is recorded so a test can tell
 * whether the product called the account at all.
 */
async function startAwsStub(): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const action = /Action=([A-Za-z]+)/.exec(body)?.[1] ?? '';
      requests.push(`${req.method} ${req.url} ${target || action}`.trim());
      if (action === 'GetCallerIdentity') {
        res.setHeader('content-type', 'text/xml');
        res.end(
          '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
            '<Arn>arn:aws:iam::111122223333:user/e2e</Arn><UserId>AIDAE2EEXAMPLE</UserId><Account>111122223333</Account>' +
            '</GetCallerIdentityResult><ResponseMetadata><RequestId>e2e-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
        );
        return;
      }
      res.statusCode = 403;
      res.setHeader('content-type', 'text/xml');
      res.end('<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>e2e stand-in</Message></Error><RequestId>e2e-2</RequestId></ErrorResponse>');
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${port}`, requests };
}

/** Environment for code-server: fake static credentials, every AWS endpoint on the stand-in, no IMDS, no user files. */
function awsEnv(url: string, dir: string): NodeJS.ProcessEnv {
  return {
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: 'AKIAE2ETESTEXAMPLE00',
    AWS_SECRET_ACCESS_KEY: 'e2e-test-secret-not-real',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(dir, 'aws-config-none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'aws-credentials-none'),
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(resultsDir, `code-server-${name}.png`) }).catch(() => undefined);
}

/** Opens a workspace file through Quick Open, as a user would. */
async function quickOpen(page: Page, relPath: string): Promise<void> {
  const base = relPath.split('/').pop()!;
  await page.keyboard.press(`${mod}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(relPath);
  // The list is refilled asynchronously after typing; Enter on the old list would open a recent file instead.
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: base }).first();
  await row.waitFor({ timeout: UI_TIMEOUT });
  await row.click();
  await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  await page.locator(`.tab.active[aria-label*="${base}"]`).first().waitFor({ timeout: UI_TIMEOUT });
}

async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press(`${mod}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // Ctrl+G opens Quick Open prefilled with ':'; filling replaces it, so the prefix is typed again.
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
}

async function openWorkbench(browser: Browser, port: number, folder: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`, { timeout: UI_TIMEOUT });
  await page.locator('.monaco-workbench').waitFor({ timeout: UI_TIMEOUT });
  // The explorer shows the folder once the workbench has restored its parts.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT });
  return page;
}

/** Text of the visible Problems panel rows (the tree is virtualized: filter it to see rows further down). */
async function problemsText(page: Page): Promise<string> {
  return (await page.locator('.markers-panel').allInnerTexts()).join('\n');
}

/** Problems panel rows matching the panel's own filter box (text matches message, source and code). */
async function problemsMatching(page: Page, filter: string): Promise<string> {
  const box = page.getByPlaceholder(/^Filter \(e\.g\./).first();
  await box.fill(filter);
  await new Promise((r) => setTimeout(r, 400));
  return problemsText(page);
}

async function clearProblemsFilter(page: Page): Promise<void> {
  await page.getByPlaceholder(/^Filter \(e\.g\./).first().fill('');
}

async function waitFor<T>(what: string, ms: number, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('code-server (VS Code 1.100 workbench) in Chromium', { skip, timeout: 12 * 60_000 }, () => {
  let browser: Browser | undefined;
  let extensionsDir: string;
  const instances: Instance[] = [];
  const workspaces: string[] = [];
  const stubs: Server[] = [];

  before(async () => {
    mkdirSync(resultsDir, { recursive: true });
    // Screenshots of an earlier run would pass for this one's; start from none.
    for (const f of readdirSync(resultsDir)) if (/^code-server-.*\.png$/.test(f)) rmSync(join(resultsDir, f), { force: true });
    // Package exactly what users install. Others may be mid-change; a failure here is reported with vsce's output.
    const started = Date.now();
    try {
      execFileSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8', timeout: 5 * 60_000 });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      throw new Error(`npm run package failed:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
    }
    figure('npm run package', Date.now() - started);
    // Packaging leaves a --production build in dist/; the rest of the test run expects the plain build of `npm test`.
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'pipe', timeout: 5 * 60_000 });
    const vsix = join(mkdtempSync(join(tmpdir(), 'demarc-e2e-vsix-')), 'demarc.vsix');
    copyFileSync(join(repoRoot, 'demarc.vsix'), vsix);
    extensionsDir = mkdtempSync(join(tmpdir(), 'demarc-e2e-ext-'));
    const installData = mkdtempSync(join(tmpdir(), 'demarc-e2e-install-'));
    const installed = execFileSync(codeServer.path!, ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', installData], {
      encoding: 'utf8',
      timeout: 3 * 60_000,
    });
    assert.match(installed, /successfully installed/i, installed);
    browser = await chromium.launch({ executablePath: chromiumBin.path!, args: CHROMIUM_ARGS, timeout: UI_TIMEOUT });
  });

  after(async () => {
    await within(30_000, 'Chromium to close', browser?.close() ?? Promise.resolve()).catch(() => undefined);
    for (const i of instances) await killGroup(i.proc);
    for (const srv of stubs) await new Promise<void>((r) => srv.close(() => r()));
    for (const w of workspaces) removeWorkspace(w);
  });

  describe('trusted workspace', () => {
    let page: Page;
    let ws: string;
    let expected: string[];
    let stub: Awaited<ReturnType<typeof startAwsStub>>;

    before(async () => {
      ws = makeWorkspace('cs');
      workspaces.push(ws);
      expected = [...new Set(cliScan(join(ws, 'main.tf')).findings.map((f) => f.ruleId))];
      stub = await startAwsStub();
      stubs.push(stub.server);
      const inst = await startCodeServer('trusted', extensionsDir, true, {}, awsEnv(stub.url, ws));
      instances.push(inst);
      page = await openWorkbench(browser!, inst.port, ws);
      await shot(page, '01-workbench');
    });

    beforeEach(async () => {
      // A test that failed half-way may leave a menu or widget open; close it so the next one starts clean.
      for (let i = 0; i < 3; i++) await page?.keyboard.press('Escape').catch(() => undefined);
    });

    test('opening main.tf shows diagnostics in the editor and the Problems panel lists the findings', async () => {
      const t0 = Date.now();
      await quickOpen(page, 'main.tf');
      await waitFor('squiggles in main.tf', UI_TIMEOUT, async () => (await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').count()) > 0);
      figure('code-server open main.tf right after the workbench loaded (includes extension activation and server start) → first diagnostic (squiggle)', Date.now() - t0);
      await shot(page, '02-main-tf-squiggles');
      await page.keyboard.press(`${mod}+Shift+M`);
      await page.locator('.markers-panel').waitFor({ timeout: UI_TIMEOUT });
      const text = await waitFor('all expected rule ids in the Problems panel', UI_TIMEOUT, async () => {
        const t = await problemsText(page);
        return expected.every((id) => t.includes(id)) ? t : undefined;
      });
      await shot(page, '03-problems-panel');
      assert.match(text, /demarc/);
      // Each finding of main.tf, filtered one by one so none hides below the fold of the virtualized tree.
      for (const id of expected) {
        const rows = await waitFor(`${id} on main.tf in Problems`, UI_TIMEOUT, async () => {
          const t = await problemsMatching(page, id);
          return /main\.tf/.test(t) && t.includes(id) ? t : undefined;
        });
        assert.match(rows, /demarc/);
      }
      await clearProblemsFilter(page);
    });

    test('the Demarc status bar item is present and shows the findings count', async () => {
      const item = page.locator('.statusbar-item').filter({ has: page.locator('.codicon-shield') });
      await item.first().waitFor({ timeout: UI_TIMEOUT });
      const text = (await item.first().innerText()).trim();
      assert.match(text, /\d+|Demarc/, `status text: ${text}`);
      await shot(page, '04-status-bar');
    });

    test('hovering a flagged attribute shows the responsibility card with its owner', async () => {
      const main = readFileSync(join(ws, 'main.tf'), 'utf8').split('\n');
      const line = main.findIndex((l) => l.includes('http_tokens')) + 1;
      const col = main[line - 1]!.indexOf('http_tokens') + 3;
      await goToLine(page, line, col);
      // Keyboard hover (Ctrl+K Ctrl+I) puts the hover exactly at the caret, independent of mouse coordinates.
      await page.keyboard.press(`${mod}+K`);
      await page.keyboard.press(`${mod}+I`);
      const hover = page.locator('.monaco-hover:not(.hidden)');
      const text = await waitFor('the hover card', UI_TIMEOUT, async () => {
        const t = (await hover.allInnerTexts()).join('\n');
        return /owner: you/.test(t) ? t : undefined;
      });
      await shot(page, '05-hover-attribute');
      assert.match(text, /http_tokens/);
      assert.match(text, /aws-ec2-require-imdsv2/);
      await page.keyboard.press('Escape');

      // The resource header shows the full card: what AWS secures and what you secure.
      const header = main.findIndex((l) => l.startsWith('resource "aws_instance"')) + 1;
      await goToLine(page, header, 12);
      await page.keyboard.press(`${mod}+K`);
      await page.keyboard.press(`${mod}+I`);
      const card = await waitFor('the resource responsibility card', UI_TIMEOUT, async () => {
        const t = (await hover.allInnerTexts()).join('\n');
        return /AWS secures/.test(t) ? t : undefined;
      });
      await shot(page, '06-hover-resource-card');
      assert.match(card, /You secure/);
      assert.match(card, /Owner/);
      await page.keyboard.press('Escape');
    });

    test('the light-bulb quick fix edits the file and the diagnostic goes away', async () => {
      const file = join(ws, 'main.tf');
      const lines = readFileSync(file, 'utf8').split('\n');
      const line = lines.findIndex((l) => l.includes('"optional"')) + 1;
      const col = lines[line - 1]!.indexOf('"optional"') + 3;
      await goToLine(page, line, col);
      await page.keyboard.press(`${mod}+.`);
      const item = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Require IMDSv2' });
      await item.first().waitFor({ timeout: UI_TIMEOUT });
      await shot(page, '07-quick-fix-menu');
      const t0 = Date.now();
      // Keyboard only, as a user does (the menu sits behind a pointer block): move to the fix, then Enter.
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      for (let i = 0; i < 12 && !/Require IMDSv2/.test(await focused.innerText().catch(() => '')); i++) await page.keyboard.press('ArrowDown');
      assert.match(await focused.innerText(), /Require IMDSv2/, 'the quick fix is selectable in the light-bulb menu');
      await page.keyboard.press('Enter');
      // The edit arrives after codeAction/resolve; saving before it lands would save the old text.
      await waitFor('the fix applied in the editor', UI_TIMEOUT, async () => /http_tokens = "required"/.test((await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ')));
      await page.keyboard.press(`${mod}+S`);
      await waitFor('the fix saved to disk', UI_TIMEOUT, async () => /http_tokens\s*=\s*"required"/.test(readFileSync(file, 'utf8')));
      await waitFor('aws-ec2-require-imdsv2 gone from the Problems panel', UI_TIMEOUT, async () => !/main\.tf/.test(await problemsMatching(page, 'aws-ec2-require-imdsv2')));
      await clearProblemsFilter(page);
      figure('code-server quick fix → diagnostic gone', Date.now() - t0);
      await shot(page, '08-after-quick-fix');
      const scan = cliScan(file);
      assert.deepEqual(scan.problems.filter((p) => /syntax/.test(p.code ?? p.ruleId ?? '')), [], 'the fixed file parses');
      assert.ok(!scan.findings.some((f) => f.ruleId === 'aws-ec2-require-imdsv2'));
    });

    test('bad input: malformed, binary and 5 MB files leave the editor responsive, the server alive, one notice each', async () => {
      const m0 = Date.now();
      await quickOpen(page, 'bad/malformed.tf');
      await waitFor('squiggles in malformed.tf', UI_TIMEOUT, async () => (await page.locator('.monaco-editor .squiggly-error').count()) > 0);
      figure('code-server open malformed.tf (server warm) → first diagnostic (squiggle)', Date.now() - m0);
      await waitFor('syntax errors of malformed.tf in Problems', UI_TIMEOUT, async () => /expected an expression/.test(await problemsMatching(page, 'hcl-syntax')));
      await clearProblemsFilter(page);
      await shot(page, '09-malformed');

      // VS Code itself refuses to show a binary file as text; the server reports it once in Problems (workspace scan).
      await quickOpen(page, 'bad/binary.tf');
      const binary = await waitFor('the binary-file notice in Problems', UI_TIMEOUT, async () => {
        const t = await problemsMatching(page, 'binary');
        return /binary\.tf/.test(t) ? t : undefined;
      });
      await shot(page, '10-binary');
      assert.equal((binary.match(/binary content/g) ?? []).length, 1, `one binary notice:\n${binary}`);

      const t0 = Date.now();
      await quickOpen(page, 'bad/huge.yaml');
      figure('code-server open huge.yaml → tab shown', Date.now() - t0);
      const huge = await waitFor('the file-size notice in Problems', UI_TIMEOUT, async () => {
        const t = await problemsMatching(page, 'limit');
        return /huge\.yaml/.test(t) ? t : undefined;
      });
      figure('code-server open huge.yaml → notice', Date.now() - t0);
      await shot(page, '11-huge');
      assert.equal((huge.match(/over the [^\n]* limit/g) ?? []).length, 1, `one size notice:\n${huge}`);
      await clearProblemsFilter(page);
      // No storm of notifications: at most one toast from Demarc.
      const toasts = (await page.locator('.notifications-toasts .notification-toast').allInnerTexts()).filter((t) => /demarc/i.test(t));
      assert.ok(toasts.length <= 1, `notifications: ${JSON.stringify(toasts)}`);

      // Responsive: a command round-trips at once, and a valid edit in a good file still gets fresh diagnostics.
      const r0 = Date.now();
      await quickOpen(page, 'main.tf');
      figure('code-server reopen main.tf after bad input', Date.now() - r0);
      const lines = readFileSync(join(ws, 'main.tf'), 'utf8').split('\n');
      const line = lines.findIndex((l) => l.includes('"required"')) + 1;
      await goToLine(page, line, lines[line - 1]!.indexOf('"required"') + 2);
      // Select the word and type the insecure value back: the finding must come back.
      await page.keyboard.press(`${mod}+D`);
      await page.keyboard.type('optional');
      const e0 = Date.now();
      await waitFor('aws-ec2-require-imdsv2 back after a valid edit', UI_TIMEOUT, async () => (await page.locator('.monaco-editor .squiggly-error').count()) > 0 && /main\.tf/.test(await problemsMatching(page, 'aws-ec2-require-imdsv2')));
      figure('code-server valid edit after bad input → diagnostic', Date.now() - e0);
      await clearProblemsFilter(page);
      await shot(page, '12-valid-edit-after-bad-input');
      const status = await page.locator('.statusbar-item').filter({ has: page.locator('.codicon-error') }).filter({ hasText: 'Demarc' }).count();
      assert.equal(status, 0, 'the status bar does not report a stopped server');
    });

    test('trusted: nothing calls AWS until asked; "Connect AWS Account" reaches the (stand-in) endpoint', async () => {
      // The control for the Restricted Mode check below: the same environment does reach the stand-in when allowed.
      assert.equal(stub.requests.length, 0, `no account call before the user connects (demarc.aws.connect is off): ${stub.requests.join('; ')}`);
      await runCommand(page, 'Demarc: Connect AWS Account');
      await waitFor('an STS call at the stand-in endpoint', UI_TIMEOUT, async () => stub.requests.some((r) => r.includes('GetCallerIdentity')));
      // The stand-in's identity shows up in the status bar.
      await page.locator('.statusbar-item').filter({ hasText: '111122223333' }).first().waitFor({ timeout: UI_TIMEOUT });
      await shot(page, '13-trusted-connect-account');
      console.log(`# e2e: trusted account calls: ${stub.requests.length} (${[...new Set(stub.requests.map((r) => r.split(' ').pop()))].join(', ')})`);
    });
  });

  describe('untrusted workspace (Restricted Mode)', () => {
    let page: Page;
    let ws: string;
    let stub: Awaited<ReturnType<typeof startAwsStub>>;

    before(async () => {
      ws = makeWorkspace('cs-untrusted');
      workspaces.push(ws);
      // Same stand-in as the trusted run, where it did receive calls: here it must receive none.
      stub = await startAwsStub();
      stubs.push(stub.server);
      const env = awsEnv(stub.url, ws);
      const settings = {
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'always',
        'demarc.aws.connect': true,
      };
      const inst = await startCodeServer('untrusted', extensionsDir, false, settings, env);
      instances.push(inst);
      page = await openWorkbench(browser!, inst.port, ws);
    });

    test('shows Restricted Mode, still analyzes, and makes no account calls', async () => {
      const banner = page.locator('.monaco-workbench').getByText(/Restricted Mode/).first();
      await banner.waitFor({ timeout: UI_TIMEOUT });
      await quickOpen(page, 'main.tf');
      await waitFor('squiggles in restricted mode', UI_TIMEOUT, async () => (await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').count()) > 0);
      await page.keyboard.press(`${mod}+Shift+M`);
      await waitFor('Demarc findings in Problems (restricted mode)', UI_TIMEOUT, async () => (await problemsText(page)).includes('aws-ec2-open-admin-ports'));
      // The status bar item's actions leave out the account in Restricted Mode.
      await runCommand(page, 'Demarc: Show Actions');
      const picks = page.locator('.quick-input-list .monaco-list-row');
      await picks.filter({ hasText: 'Scan Workspace' }).first().waitFor({ timeout: UI_TIMEOUT });
      await shot(page, '14-restricted-mode-actions');
      const labels = (await picks.allInnerTexts()).join('\n');
      assert.doesNotMatch(labels, /Connect AWS Account/, `actions offered in Restricted Mode:\n${labels}`);
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      // Give a misbehaving client time to call out before judging.
      await new Promise((r) => setTimeout(r, 5000));
      await shot(page, '15-restricted-mode');
      const text = (await page.locator('.monaco-workbench').allInnerTexts()).join('\n');
      assert.match(text, /Restricted Mode/);
      assert.deepEqual(stub.requests, [], 'no request reached the AWS endpoint');
    });
  });
});
