// Runs the CLI in-process with a fake terminal, and finds the fixtures.
import { join, resolve } from 'node:path';
import { main } from '../../server/src/cli/main';
import { runScan, type ScanDeps } from '../../server/src/cli/commands/scan';
import type { CliIO } from '../../server/src/cli/io';

export const REPO = resolve(__dirname, '../..').replace(/\\/g, '/');
export const CLI_FIXTURES = join(REPO, 'test/fixtures/cli').replace(/\\/g, '/');
export const BAD_INPUT = join(REPO, 'test/fixtures/bad-input').replace(/\\/g, '/');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  deps?: ScanDeps;
}

export function fakeIO(opts: RunOptions, out: string[], err: string[]): CliIO {
  return {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: opts.cwd ?? REPO,
    env: opts.env ?? {},
    isTTY: opts.isTTY ?? false,
  };
}

export async function runCli(args: string[], opts: RunOptions = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io = fakeIO(opts, out, err);
  // `deps` reach the scan command directly (a host that fails on purpose, a fixed clock).
  const code = opts.deps && args[0] === 'scan' ? await runScan(args.slice(1), io, opts.deps) : await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

export async function scanJson(args: string[], opts: RunOptions = {}): Promise<{ code: number; json: JsonReportShape; stderr: string }> {
  const r = await runCli(['scan', '--format', 'json', ...args], opts);
  return { code: r.code, json: JSON.parse(r.stdout) as JsonReportShape, stderr: r.stderr };
}

export interface JsonFindingShape {
  ruleId: string;
  severity: string;
  title: string;
  message: string;
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  resource: string | null;
  resourceType: string | null;
  controls: string[];
  fixable: boolean;
  suppressed?: { tool: string; id: string; reason: string | null; until: string | null };
}

export interface JsonReportShape {
  version: number;
  tool: { name: string; version: string };
  findings: JsonFindingShape[];
  problems: { file: string; severity: string; code: string; message: string; startLine: number | null; startColumn: number | null }[];
  skipped: { path: string; reason: string }[];
  summary: { findings: number; suppressed: number; problems: number; bySeverity: Record<string, number>; filesScanned: number; filesWithFindings: number; threshold: string };
}
