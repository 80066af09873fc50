// Demarc in Neovim's built-in LSP client (headless, no user config): diagnostics with exact ranges, a hover that
// names the owner, a resolved quick fix applied by Neovim itself, and bad input that leaves server and editor alive.
// Neovim comes from Debian (scripts/e2e-setup.sh); missing in CI, the suite fails instead of skipping.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import {
  cliScan,
  type CliFinding,
  ensureBuilt,
  figure,
  findTool,
  killGroup,
  lspRange,
  makeWorkspace,
  outputOf,
  positionOf,
  removeWorkspace,
  repoRoot,
  serverJs,
  spawnGroup,
  within,
} from './helpers';

interface Diag {
  code?: string;
  source?: string;
  severity?: number;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface StepResult {
  op: string;
  file?: string;
  alive: boolean;
  error?: string;
  timedOut?: boolean;
  filetype?: string;
  attached?: boolean;
  firstDiagnosticMs?: number;
  openMs?: number;
  commandMs?: number;
  diagnostics?: Diag[];
  text?: string;
  title?: string;
  titles?: string[];
  hadEditBeforeResolve?: boolean;
  clearedMs?: number;
  diagnosticsAfter?: Diag[];
  diagnosticMs?: number;
  saved?: boolean;
  lineCount?: number;
}
interface Results {
  steps: StepResult[];
  messages: { kind: string; type: number; message: string }[];
  logCounts: Record<string, number>;
  errors: string[];
  aliveAtEnd: boolean;
  initializeMs: number;
  nvimVersion: { major: number; minor: number; patch: number };
}

const nvim = findTool('nvim', ['nvim'], 'install Debian\'s neovim: bash scripts/e2e-setup.sh');
const TIMEOUT_MS = 90_000;

describe('Neovim built-in LSP client', { skip: nvim.skip, timeout: 6 * 60_000 }, () => {
  let ws: string | undefined;
  let proc: ChildProcess | undefined;
  let results: Results;
  let main: string;
  let mainText: string;
  // The CLI's findings on the untouched file, taken right before Neovim starts (same build of the engine).
  let cliBefore: CliFinding[];
  const out = join(repoRoot, 'test-results', 'e2e');

  before(async () => {
    ensureBuilt();
    ws = makeWorkspace('nvim');
    main = join(ws, 'main.tf');
    mainText = readFileSync(main, 'utf8');
    cliBefore = cliScan(main).findings;
    const home = join(ws, '.nvim-home');
    for (const d of ['config', 'data', 'state', 'cache']) mkdirSync(join(home, d), { recursive: true });
    mkdirSync(out, { recursive: true });

    const hoverAt = positionOf(mainText, 'http_tokens = "optional"', 2);
    const planPath = join(ws, '.nvim-plan.json');
    const resultPath = join(out, 'nvim-results.json');
    const valid = 'resource "aws_instance" "late" {\n  ami = "ami-0123456789abcdef0"\n  metadata_options {\n    http_tokens = "optional"\n  }\n}';
    const plan = {
      server: [process.execPath, serverJs, '--stdio'],
      root: ws,
      out: resultPath,
      timeoutMs: TIMEOUT_MS,
      steps: [
        { op: 'open', file: main, expect: 'nonempty', settleMs: 1500 },
        { op: 'hover', file: main, line: hoverAt.line, character: hoverAt.character },
        { op: 'fix', file: main, rule: 'aws-ec2-require-imdsv2', timeoutMs: TIMEOUT_MS },
        { op: 'open', file: join(ws, 'bad', 'malformed.tf'), expect: 'nonempty', settleMs: 1000 },
        { op: 'open', file: join(ws, 'bad', 'binary.tf'), settleMs: 1000 },
        { op: 'open', file: join(ws, 'bad', 'huge.yaml'), settleMs: 1500, timeoutMs: 60_000 },
        // After all that, a valid edit in the malformed file still gets fresh diagnostics.
        { op: 'edit', file: join(ws, 'bad', 'malformed.tf'), first: 0, last: -1, lines: valid.split('\n'), rule: 'aws-ec2-require-imdsv2', timeoutMs: TIMEOUT_MS },
      ],
    };
    writeFileSync(planPath, JSON.stringify(plan, null, 2));

    // --clean-like isolation: -u our init only, no shada, no swap, XDG dirs inside the throw-away workspace.
    const env = {
      ...process.env,
      DEMARC_E2E_PLAN: planPath,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_STATE_HOME: join(home, 'state'),
      XDG_CACHE_HOME: join(home, 'cache'),
      NVIM_LOG_FILE: join(out, 'nvim.log'),
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const started = Date.now();
    proc = spawnGroup(nvim.path!, ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', join(repoRoot, 'test', 'e2e', 'nvim', 'init.lua')], { cwd: ws, env });
    const code = await within(5 * 60_000, 'headless Neovim running the plan', new Promise<number | null>((res) => proc!.once('exit', (c) => res(c))));
    figure('nvim whole plan', Date.now() - started);
    let text: string;
    try {
      text = readFileSync(resultPath, 'utf8');
    } catch {
      throw new Error(`Neovim exited with ${code} and wrote no results; its output:\n${outputOf(proc)}`);
    }
    results = JSON.parse(text) as Results;
    assert.deepEqual(results.errors, [], `init.lua reported errors (exit ${code}):\n${outputOf(proc)}`);
  });

  after(async () => {
    await killGroup(proc);
    removeWorkspace(ws);
  });

  const step = (i: number): StepResult => {
    const s = results.steps[i];
    assert.ok(s, `step ${i} missing from the results`);
    assert.equal(s.error, undefined, `step ${i} (${s.op}) failed: ${s.error}`);
    return s;
  };

  test('runs Debian\'s Neovim 0.7 or newer', () => {
    const v = results.nvimVersion;
    assert.ok(v.major > 0 || v.minor >= 7, `Neovim ${v.major}.${v.minor} is older than 0.7`);
    figure('nvim server initialize', results.initializeMs);
  });

  test('publishes the expected diagnostics with exact ranges and rule ids, matching the CLI', () => {
    const s = step(0);
    assert.equal(s.filetype, 'terraform');
    assert.equal(s.attached, true, 'the client is attached to the .tf buffer');
    assert.ok(!s.timedOut, 'no diagnostics arrived for main.tf');
    figure('nvim open → first diagnostic', s.firstDiagnosticMs!);
    const diags = s.diagnostics!;
    for (const d of diags) assert.equal(d.source, 'demarc');
    const byRule = new Map(diags.map((d) => [d.code, d]));

    // Known problems of the fixture, located on the offending value.
    const sshCidr = positionOf(mainText, '"0.0.0.0/0"');
    assert.deepEqual(byRule.get('aws-ec2-open-admin-ports')?.range.start, sshCidr, 'open SSH is flagged on the CIDR');
    const optional = positionOf(mainText, '"optional"');
    assert.deepEqual(byRule.get('aws-ec2-require-imdsv2')?.range, { start: optional, end: { line: optional.line, character: optional.character + '"optional"'.length } });
    const suspended = positionOf(mainText, '"Suspended"');
    assert.deepEqual(byRule.get('aws-s3-versioning')?.range.start, suspended);

    // Everything the editor shows is what `demarc scan` reports, at the same places.
    const key = (code: string | undefined, r: Diag['range']) => `${code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
    assert.deepEqual(diags.map((d) => key(d.code, d.range)).sort(), cliBefore.map((f) => key(f.ruleId, lspRange(f))).sort());
  });

  test('hover on an attribute names its owner', () => {
    const s = step(1);
    assert.ok(s.text, 'hover returned no text');
    assert.match(s.text!, /owner: you\b/, `hover text:\n${s.text}`);
    assert.match(s.text!, /http_tokens/);
    assert.match(s.text!, /aws-ec2-require-imdsv2/);
  });

  test('the quick fix, resolved and applied by Neovim, removes the diagnostic and leaves a file that parses', () => {
    const s = step(2);
    assert.equal(s.hadEditBeforeResolve, false, 'the server computes edits lazily (codeAction/resolve)');
    assert.ok(s.title && s.title.length > 0);
    assert.ok(s.titles!.some((t) => t.startsWith('Suppress aws-ec2-require-imdsv2')), `titles: ${s.titles!.join(' | ')}`);
    assert.ok(!s.diagnosticsAfter!.some((d) => d.code === 'aws-ec2-require-imdsv2'));
    assert.equal(s.saved, true);
    figure('nvim fix applied → diagnostics updated', s.clearedMs!);
    const saved = readFileSync(main, 'utf8');
    assert.notEqual(saved, mainText, 'the fix changed the file on disk');
    assert.match(saved, /http_tokens\s*=\s*"required"/);
    const scan = cliScan(main);
    assert.deepEqual(scan.problems.filter((p) => /syntax/.test(p.code ?? p.ruleId ?? '')), [], 'the fixed file parses');
    assert.ok(!scan.findings.some((f) => f.ruleId === 'aws-ec2-require-imdsv2'), 'the CLI agrees the finding is gone');
    // The other findings stay where they were: the fix touched nothing else.
    const others = (s.diagnosticsAfter ?? []).map((d) => d.code).sort();
    const before = step(0).diagnostics!.map((d) => d.code).filter((c) => c !== 'aws-ec2-require-imdsv2').sort();
    assert.deepEqual(others, before);
  });

  test('a malformed file gets positioned syntax diagnostics and the rest is still analyzed', () => {
    const s = step(3);
    const syntax = s.diagnostics!.filter((d) => d.code === 'hcl-syntax');
    assert.ok(syntax.length >= 1 && syntax.length <= 5, `syntax diagnostics: ${JSON.stringify(syntax)}`);
    for (const d of syntax) assert.equal(d.severity, 1, 'syntax problems are errors');
    assert.ok(s.diagnostics!.some((d) => d.code === 'aws-ec2-open-admin-ports'), 'the resource after the error is still checked');
    assert.ok(s.alive);
  });

  test('a binary file named .tf yields at most one clear notice and the server lives on', () => {
    const s = step(4);
    assert.ok(s.alive, 'server still running after the binary file');
    const d = s.diagnostics ?? [];
    assert.equal(d.length, 1, `expected one notice, got ${JSON.stringify(d)}`);
    assert.match(d[0]!.message, /binary/i);
    assert.notEqual(d[0]!.severity, 1, 'a skipped file is a notice, not an error');
    figure('nvim binary.tf: editor command after open', s.commandMs!);
  });

  test('a 5 MB template is skipped with one notice and the editor stays responsive', () => {
    const s = step(5);
    assert.ok(s.alive);
    assert.equal(s.filetype, 'yaml');
    assert.equal(s.attached, true);
    assert.ok(!s.timedOut, 'the server said nothing about the 5 MB template');
    const d = s.diagnostics ?? [];
    assert.equal(d.length, 1, `expected one notice, got ${JSON.stringify(d.slice(0, 3))}`);
    assert.match(d[0]!.message, /MB|limit|maxFileSize/);
    figure('nvim huge.yaml: open → notice', s.firstDiagnosticMs!);
    figure('nvim huge.yaml: open', s.openMs!);
    figure('nvim huge.yaml: editor command after open', s.commandMs!);
  });

  test('after the bad input a valid edit still gets diagnostics, and the user saw no stream of errors', () => {
    const s = step(6);
    assert.ok(!s.timedOut, 'no diagnostics for the valid edit');
    assert.ok(s.diagnostics!.some((d) => d.code === 'aws-ec2-require-imdsv2'));
    assert.ok(!s.diagnostics!.some((d) => d.code === 'hcl-syntax'), 'the old syntax errors are gone');
    figure('nvim valid edit → diagnostics', s.diagnosticMs!);
    assert.equal(results.aliveAtEnd, true, 'server alive at the end');
    const shown = results.messages.filter((m) => m.kind === 'show' && m.type <= 2);
    assert.ok(shown.length <= 1, `messages shown to the user: ${JSON.stringify(shown)}`);
    const errorLogs = results.messages.filter((m) => m.kind === 'log');
    assert.ok(errorLogs.length <= 3, `error log lines: ${JSON.stringify(errorLogs)}`);
  });
});
