// Shared pieces of the real-editor tests: tool discovery (loud in CI), throw-away workspaces with the bad-input
// files, the CLI as the reference for expected findings, free ports, and killing process groups for certain.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const serverJs = join(repoRoot, 'dist', 'server.js');
export const cliJs = join(repoRoot, 'dist', 'cli.js');
export const fixtureWorkspace = join(repoRoot, 'test', 'fixtures', 'e2e', 'workspace');
export const resultsDir = join(repoRoot, 'test-results', 'e2e');

/** Whether a missing tool must fail the run: always in CI, and when asked for with DEMARC_E2E_REQUIRED=1. */
export const toolsRequired = process.env.CI === 'true' || process.env.DEMARC_E2E_REQUIRED === '1';

/**
 * Finds a tool or explains how to get it. In CI (or when required) a missing tool throws so the suite fails loudly;
 * elsewhere the returned `skip` string is passed to node:test so the reason shows in the report.
 */
export function findTool(name: string, candidates: string[], hint: string): { path?: string; skip?: string } {
  for (const c of candidates) {
    if (c.includes('/')) {
      if (existsSync(c)) return { path: c };
      continue;
    }
    try {
      const p = execFileSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).trim();
      if (p) return { path: p };
    } catch {
      // not on PATH; try the next candidate
    }
  }
  const msg = `${name} not found (${hint})`;
  if (toolsRequired) throw new Error(`${msg}; the e2e suite requires it when CI=true`);
  return { skip: msg };
}

export function ensureBuilt(): void {
  if (!existsSync(serverJs) || !existsSync(cliJs)) {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  }
}

/** Size of the oversized template: above the server's default 4 MiB limit (demarc.analysis.maxFileSize). */
export const BIG_TEMPLATE_BYTES = 5 * 1024 * 1024;

/**
 * A fresh copy of the fixture workspace in a temp folder (tests save edits into it), with the generated bad input:
 * a binary file named .tf and a 5 MB CloudFormation template.
 */
export function makeWorkspace(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `demarc-e2e-${label}-`));
  cpSync(fixtureWorkspace, dir, { recursive: true });
  const bad = join(dir, 'bad');
  mkdirSync(bad, { recursive: true });
  // Bytes of a gzip header and NULs: what a mis-saved archive looks like, not text.
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 131 + 7) % 256;
  binary.set([0x1f, 0x8b, 0x08, 0x00], 0);
  writeFileSync(join(bad, 'binary.tf'), binary);
  writeFileSync(join(bad, 'huge.yaml'), bigTemplate(BIG_TEMPLATE_BYTES));
  return dir;
}

/** A valid CloudFormation template of at least `bytes` bytes: many SSM parameters and one unversioned bucket. */
export function bigTemplate(bytes: number): string {
  const head = 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: oversized template for the e2e tests\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const p = `  Param${i}:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: /demarc/e2e/param-${i}\n      Type: String\n      Value: "${'x'.repeat(64)}"\n`;
    parts.push(p);
    size += p.length;
  }
  return parts.join('');
}

export function removeWorkspace(dir: string | undefined): void {
  if (dir && dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
}

export interface CliFinding {
  ruleId: string;
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
export interface CliProblem {
  code?: string;
  ruleId?: string;
  file?: string;
  message: string;
}

/** `demarc scan --format json` over one file or folder: the reference the editors' diagnostics are compared with. */
export function cliScan(target: string): { findings: CliFinding[]; problems: CliProblem[]; raw: unknown } {
  let out: string;
  try {
    out = execFileSync(process.execPath, [cliJs, 'scan', target, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    // Exit code 1 means findings; the JSON is still on stdout.
    const err = e as { status?: number; stdout?: string };
    if (err.status !== 1 || !err.stdout) throw e;
    out = err.stdout;
  }
  const raw = JSON.parse(out) as { findings?: CliFinding[]; problems?: CliProblem[] };
  return { findings: raw.findings ?? [], problems: raw.problems ?? [], raw };
}

/** 1-based CLI columns to the 0-based LSP range the editors receive (same UTF-16 units for ASCII fixtures). */
export function lspRange(f: CliFinding) {
  return { start: { line: f.startLine - 1, character: f.startColumn - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } };
}

/** Zero-based line and character of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`fixture text has no ${JSON.stringify(needle)}`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** Starts a process in its own group so that killGroup takes its children (extension host, language server) too. */
export function spawnGroup(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; log?: string }): ChildProcess {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  const keep = (b: Buffer) => {
    chunks.push(b.toString());
    if (opts.log) writeFileSync(opts.log, chunks.join(''));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  (child as ChildProcess & { output: () => string }).output = () => chunks.join('');
  return child;
}

export function outputOf(child: ChildProcess): string {
  return (child as ChildProcess & { output?: () => string }).output?.() ?? '';
}

/** SIGTERM to the whole group, SIGKILL after a grace period; never throws. */
export async function killGroup(child: ChildProcess | undefined, graceMs = 3000): Promise<void> {
  if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const pid = child.pid;
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), graceMs).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Rejects with `what` when `p` does not settle within `ms`. */
export async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, rej) => {
    timer = setTimeout(() => rej(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Prints a measured figure so it shows in the test log (never asserted: the machine is shared and loaded). */
export function figure(name: string, value: number | string, unit = 'ms'): void {
  const v = typeof value === 'number' ? value.toFixed(0) : value;
  console.log(`# e2e figure: ${name} = ${v}${typeof value === 'number' ? ' ' + unit : ''}`);
}
