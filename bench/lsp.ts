// Language-server latency from a real stdio client: `npm run bench:lsp` (node --import tsx bench/lsp.ts).
// Opens a generated 1,000-line Terraform file in `node dist/server.js --stdio` and measures, end to end through
// JSON-RPC: initialize, first diagnostics, re-analysis per keystroke (didChange → publishDiagnostics), hover and
// code-action latency. Prints a table; `--json` prints the figures as JSON too. `--no-build` skips esbuild.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { pathToUri } from '../server/src/lsp/uri';
import { LspClient } from '../test/server/helpers/lsp-client';

const root = new URL('..', import.meta.url).pathname;

export type Stats = ReturnType<typeof stats>;

export interface LspBenchOptions {
  /** Requests per measure (default 200). */
  rounds?: number;
  /** Modules (of 100 lines) in the workspace scanned while the open file is queried (default 300). */
  scanModules?: number;
  /** Run esbuild first (default true). */
  build?: boolean;
  /** Extra server processes started only to time spawn → initialize (default 7). */
  initSamples?: number;
}

/** A realistic module: buckets with companions, instances, security groups, volumes; about `lines` lines. */
export function generateTerraform(lines: number): { text: string; hoverSpots: Position[] } {
  const out: string[] = [];
  const hoverSpots: Position[] = [];
  let i = 0;
  const mark = (needle: string) => {
    const line = out.length - 1;
    hoverSpots.push({ line, character: out[line]!.indexOf(needle) + 1 });
  };
  while (out.length < lines) {
    out.push(`resource "aws_s3_bucket" "data_${i}" {`);
    mark('data_');
    out.push(`  bucket = "\${var.prefix}-data-${i}"`, `  tags = {`, `    Owner = "team-${i % 7}"`, `  }`, `}`, ``);
    out.push(`resource "aws_s3_bucket_versioning" "data_${i}" {`, `  bucket = aws_s3_bucket.data_${i}.id`, `  versioning_configuration {`);
    out.push(`    status = "${i % 3 === 0 ? 'Suspended' : 'Enabled'}"`);
    mark('status');
    out.push(`  }`, `}`, ``);
    out.push(`resource "aws_instance" "app_${i}" {`, `  ami           = "ami-0abc${String(i).padStart(4, '0')}"`, `  instance_type = "t3.micro"`, ``);
    out.push(`  metadata_options {`, `    http_tokens = ${i % 2 === 0 ? 'var.imds_tokens' : '"required"'}`);
    mark('http_tokens');
    out.push(`  }`, ``, `  root_block_device {`, `    encrypted = ${i % 4 === 0 ? 'false' : 'true'}`, `  }`, `}`, ``);
    out.push(`resource "aws_security_group" "web_${i}" {`, `  name = "web-${i}"`, `  ingress {`, `    from_port   = ${i % 5 === 0 ? 22 : 443}`);
    out.push(`    to_port     = ${i % 5 === 0 ? 22 : 443}`, `    protocol    = "tcp"`, `    cidr_blocks = ["0.0.0.0/0"]`);
    mark('cidr_blocks');
    out.push(`  }`, `}`, ``);
    out.push(`resource "aws_ebs_volume" "vol_${i}" {`, `  availability_zone = "us-east-1a"`, `  size              = 20`, `  encrypted         = ${i % 3 === 0}`, `}`, ``);
    i++;
  }
  const vars = `variable "prefix" {\n  default = "demo"\n}\n\nvariable "imds_tokens" {\n  default = "optional"\n}\n`;
  return { text: out.join('\n') + '\n' + vars, hoverSpots };
}

export function stats(samples: number[]): { n: number; p50: number; p95: number; max: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  return { n: s.length, p50: q(50), p95: q(95), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

/** Measures through a real stdio client; returns the figures by measure name (see the table printed by main). */
export async function runLspBench(opts: LspBenchOptions = {}): Promise<{ rows: [string, Stats][]; lines: number; diagnostics: number; rounds: number; serverRssMb: number | undefined }> {
  const ROUNDS = opts.rounds ?? 200;
  if (opts.build !== false) {
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const ws = mkdtempSync(join(tmpdir(), 'demarc-bench-lsp-')).replace(/\\/g, '/');
  const { text, hoverSpots } = generateTerraform(1000);
  writeFileSync(`${ws}/main.tf`, text);
  const uri = pathToUri(`${ws}/main.tf`);
  const rows: [string, ReturnType<typeof stats>][] = [];
  // From freshly spawned processes, so it includes Node's start and loading dist/server.js; one sample says little
  // on a shared machine, so several servers are started and shut down first.
  const inits: number[] = [];
  for (let k = 0; k < (opts.initSamples ?? 7); k++) {
    const t0 = performance.now();
    const c = LspClient.spawnStdio(join(root, 'dist/server.js'), { settings: { analysis: { debounceMs: 0 } } });
    await c.initialize(pathToUri(ws), { scanOnStart: false });
    inits.push(performance.now() - t0);
    await c.shutdown();
  }
  const client = LspClient.spawnStdio(join(root, 'dist/server.js'), { settings: { analysis: { debounceMs: 0 } } });
  try {
    let t = performance.now();
    await client.initialize(pathToUri(ws), { scanOnStart: false });
    inits.push(performance.now() - t);
    rows.push(['spawn → initialize response', stats(inits)]);

    t = performance.now();
    await client.open(uri, text);
    const first = await client.diagnosticsFor(uri, 1, () => true, 60_000);
    rows.push(['first diagnostics after open (cold)', stats([performance.now() - t])]);

    // Warm full analysis: close (back to the disk copy) and reopen, which re-analyzes the whole file.
    const reopen: number[] = [];
    for (let k = 0; k < 20; k++) {
      await client.close(uri);
      await client.waitFor(() => client.diagnostics.get(uri)?.version === undefined, 20_000, 'disk analysis after close');
      t = performance.now();
      await client.open(uri, text);
      await client.diagnosticsFor(uri, 1, () => true, 20_000);
      reopen.push(performance.now() - t);
    }
    rows.push(['diagnostics after open (warm)', stats(reopen)]);

    // Keystrokes: insert then delete one character inside a string, each awaited until its diagnostics arrive.
    const keystroke: number[] = [];
    const target = { line: 1, character: 12 };
    for (let k = 0; k < ROUNDS; k++) {
      const change = k % 2 === 0
        ? { range: { start: target, end: target }, text: 'x' }
        : { range: { start: target, end: { line: target.line, character: target.character + 1 } }, text: '' };
      t = performance.now();
      const v = await client.change(uri, [change]);
      await client.diagnosticsFor(uri, v, () => true, 20_000);
      keystroke.push(performance.now() - t);
    }
    rows.push(['keystroke → publishDiagnostics', stats(keystroke)]);

    const hover: number[] = [];
    for (let k = 0; k < ROUNDS; k++) {
      const at = hoverSpots[k % hoverSpots.length]!;
      t = performance.now();
      const h = await client.hover(uri, at);
      hover.push(performance.now() - t);
      if (k === 0 && !h) throw new Error(`no hover at ${JSON.stringify(at)}`);
    }
    rows.push(['hover', stats(hover)]);

    const diags: Diagnostic[] = client.diagnostics.get(uri)!.diagnostics.filter((d) => (d.data as { fixable?: boolean })?.fixable);
    const action: number[] = [];
    const resolve: number[] = [];
    for (let k = 0; k < ROUNDS; k++) {
      const d = diags[k % diags.length]!;
      t = performance.now();
      const actions = await client.codeActions(uri, d.range, [d]);
      action.push(performance.now() - t);
      const fix = actions.find((a) => a.isPreferred);
      if (!fix) throw new Error(`no quick fix for ${String(d.code)}`);
      t = performance.now();
      const r = await client.resolve(fix);
      resolve.push(performance.now() - t);
      if (!r.edit) throw new Error(`resolve gave no edit: ${r.disabled?.reason}`);
    }
    rows.push(['codeAction', stats(action)]);
    rows.push(['codeAction/resolve', stats(resolve)]);

    // Hover on the open file while the server scans a workspace of other modules: the scan yields between units.
    const modules = opts.scanModules ?? 300;
    for (let m = 0; m < modules; m++) {
      mkdirSync(`${ws}/modules/m${m}`, { recursive: true });
      writeFileSync(`${ws}/modules/m${m}/main.tf`, generateTerraform(100).text);
    }
    // Alternately a hover and a keystroke (until its diagnostics arrive), so both are measured against the scan.
    const during: number[] = [];
    const diagDuring: number[] = [];
    let scanning = true;
    t = performance.now();
    const scan = client.request<{ units: number; completed: boolean }>('demarc/scanWorkspace', {}).finally(() => (scanning = false));
    let k = 0;
    while (scanning) {
      const h0 = performance.now();
      if (k % 2 === 0) {
        await client.hover(uri, hoverSpots[(k / 2) % hoverSpots.length]!);
        during.push(performance.now() - h0);
      } else {
        const change = (k >> 1) % 2 === 0
          ? { range: { start: target, end: target }, text: 'x' }
          : { range: { start: target, end: { line: target.line, character: target.character + 1 } }, text: '' };
        const v = await client.change(uri, [change]);
        await client.diagnosticsFor(uri, v, () => true, 60_000);
        diagDuring.push(performance.now() - h0);
      }
      k++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const scanned = await scan;
    const scanMs = performance.now() - t;
    rows.push([`hover during a ${scanned.units}-unit workspace scan`, stats(during.length ? during : [0])]);
    rows.push([`keystroke → diagnostics during the scan`, stats(diagDuring.length ? diagDuring : [0])]);
    rows.push(['workspace scan (total)', stats([scanMs])]);

    // The same with one 40,000-line module among them (large units go to worker threads; a single analysis of it
    // in the server's thread would hold up hovers for about 0.4 s).
    mkdirSync(`${ws}/modules/large`, { recursive: true });
    writeFileSync(`${ws}/modules/large/main.tf`, generateTerraform(40_000).text);
    const withLarge: number[] = [];
    let scanningLarge = true;
    const scanLarge = client.request<{ units: number }>('demarc/scanWorkspace', {}).finally(() => (scanningLarge = false));
    for (let j = 0; scanningLarge; j++) {
      const h0 = performance.now();
      await client.hover(uri, hoverSpots[j % hoverSpots.length]!);
      withLarge.push(performance.now() - h0);
      await new Promise((r) => setTimeout(r, 5));
    }
    await scanLarge;
    rows.push(['hover during a scan with a 40,000-line module', stats(withLarge.length ? withLarge : [0])]);
    return { rows, lines: text.split('\n').length, diagnostics: first.length, rounds: ROUNDS, serverRssMb: rssMb(client.child?.pid) };
  } finally {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
  }
}

/** Resident memory of a process in MB (Linux /proc), or undefined elsewhere. */
function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
  const { rows, lines, diagnostics } = await runLspBench({ rounds, build: !process.argv.includes('--no-build') });
  {
    const ROUNDS = rounds;
    const first = { length: diagnostics };
    console.log(`\nDemarc LSP benchmark — ${lines}-line Terraform file, ${first.length} diagnostics, node ${process.version}, ${ROUNDS} rounds\n`);
    const head = ['measure', 'n', 'p50 ms', 'p95 ms', 'max ms'];
    const body = rows.map(([name, s]) => [name, String(s.n), s.p50.toFixed(2), s.p95.toFixed(2), s.max.toFixed(2)]);
    const widths = head.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
    const fmt = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
    console.log(fmt(head));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of body) console.log(fmt(r));
    if (process.argv.includes('--json')) console.log(JSON.stringify(Object.fromEntries(rows), null, 2));
  }
}

if (process.argv[1] && /bench[\\/]lsp\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
