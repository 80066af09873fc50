// `demarc report [paths…]`: the responsibility matrix of a project as HTML, Markdown or JSON.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CliIO, CommandRunner } from '../io';
import { oneOf, parseCommandArgs, parseJobs, UsageError, type OptionSpec } from '../args';
import { discover, unitsToKeep, type AnalyzeOptions } from '../../engine/analyze';
import type { Problem } from '../../engine/types';
import type { ProjectConfig } from '../../engine/config';
import type { Host } from '../../engine/source';
import { createNodeHost, toEnginePath } from '../../host/node-host';
import { emptyTally, matrixLayers, matrixView, mergeTally, renderMatrixHtmlChunks, renderMatrixJsonChunks, renderMatrixMarkdownChunks, type MatrixAccount, type MatrixMeta, type MatrixTally } from '../../report';
import type { MatrixUnit } from '../matrix-unit';
import { matrixUnits } from '../worker-pool';
import { loadCliAccount, readProjectConfig, resolveVarFiles, terraformRegions } from '../project';
import { displayPath } from '../format/report';
import { factLines } from '../../engine/account/describe';
import { accountIssues } from '../../engine/account/issues';
import type { AccountPosture } from '../../engine/account/types';
import { emitReport } from '../output-file';
import { Spool } from '../spool';
import { SpooledRows } from '../spooled-rows';

export const HELP = `Usage: demarc report [paths…] [--format html|markdown|json] [--output FILE]

Analyzes Terraform and CloudFormation under the given files or folders (default: the current folder) and
writes the responsibility matrix: every resource × every security duty where you have a part, with who
owns it (you, shared, AWS) and whether the code meets it (met, finding, not checked). With "owners" in
.demarc.yaml each resource gets its team, and resources without one are listed.

Options:
  --format html|markdown|json   output format (default html)
  --output FILE                 write to FILE instead of standard output
  --title TEXT                  report title
  --var-file FILE               extra Terraform variables file (repeatable)
  --config FILE                 project file (default: the nearest .demarc.yaml up to the repository root)
  --no-config                   ignore any .demarc.yaml
  --account                     read the AWS account's posture (read-only) and add the account row;
                                duties the account enforces show as verified in the account
  --profile NAME, --region R    credentials profile and Region for --account
  --jobs N                      analysis threads (default: the number of CPUs; 1 = no worker threads); threads
                                are used from 50 Terraform modules / templates on, the output is the same
  --help                        this text

The HTML file is self-contained (no external assets; a strict Content-Security-Policy) for CI artifacts.
Exit codes: 0 report written, 2 usage error, bad project file or unreadable input.
`;

const SPEC: OptionSpec = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  title: { type: 'string' },
  'var-file': { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  account: { type: 'boolean' },
  profile: { type: 'string' },
  region: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  help: { type: 'boolean', short: 'h' },
};

const INPUT_ERROR_CODES = new Set(['path-not-found', 'dir-unreadable', 'file-unreadable']);

export interface ReportDeps {
  host?: Host;
  /** Fixed timestamp for reproducible output (tests). */
  now?: () => Date;
  /** Rows past this many bytes of JSON go to a temporary file (tests lower it). */
  spoolMemoryLimit?: number;
  /** How the spool writes its temporary file (tests make it run out of space). */
  spoolWrite?: (fd: number, bytes: Uint8Array, position: number) => void;
  /** Use worker threads from this many analysis units on (tests lower it). */
  parallelMinUnits?: number;
  /** The worker script (tests running from sources point it at the bundle's dist/scan-worker.js). */
  workerPath?: string;
}

export const run: CommandRunner = (args, io) => runReport(args, io, {});

export async function runReport(args: string[], io: CliIO, deps: ReportDeps): Promise<number> {
  try {
    return await report(args, io, deps);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`demarc report: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function report(args: string[], io: CliIO, deps: ReportDeps): Promise<number> {
  const { values: v, positionals } = parseCommandArgs('report', args, SPEC);
  if (v.help) {
    io.stdout(HELP);
    return 0;
  }
  const format = oneOf(v.format as string | undefined, ['html', 'markdown', 'md', 'json'] as const, '--format') ?? 'html';
  const jobs = v.jobs === undefined ? undefined : parseJobs(v.jobs as string);
  const cwd = toEnginePath(io.cwd);
  const abs = (p: string) => toEnginePath(nodePath.resolve(cwd, p));
  const roots = (positionals.length ? positionals : ['.']).map(abs);
  for (const [i, root] of roots.entries()) if (!fs.existsSync(root)) throw new UsageError(`path not found: ${positionals[i] ?? '.'}`);
  const host = deps.host ?? createNodeHost();

  const read = readProjectConfig('report', { ...(v.config !== undefined ? { explicit: v.config as string } : {}), disabled: Boolean(v['no-config']), roots, host, cwd, io });
  if (typeof read === 'number') return read;
  const config: ProjectConfig | undefined = read.config;
  const varFiles = resolveVarFiles(v['var-file'] as string[] | undefined, config, cwd);
  // The matrix shows no fix edits: they are left unwritten (a fifth of a finding-heavy unit's analysis).
  const options: AnalyzeOptions = { varFiles, fixes: false };
  if (config) {
    options.config = config;
    if (config.maxFileSize !== undefined) options.maxFileSize = config.maxFileSize;
  }
  const found = discover(roots, host, options);
  let posture: AccountPosture | undefined;
  if (v.account) {
    // Also read in the other Regions the code's providers name, for the settings that are per Region.
    const loaded = await loadCliAccount('report', v.profile as string | undefined, v.region as string | undefined, io, terraformRegions(found.units, host, varFiles));
    if (typeof loaded === 'number') return loaded;
    posture = loaded;
    options.account = posture;
  }
  const meta: MatrixMeta = { roots: roots.map((r) => displayPath(r, cwd) || '.'), generatedAt: (deps.now?.() ?? new Date()).toISOString(), ownersConfigured: (config?.owners.length ?? 0) > 0 };
  if (v.title) meta.title = v.title as string;
  let account: MatrixAccount | undefined;
  if (posture) {
    const p = posture;
    account = {
      account: p.identity.account,
      arn: p.identity.arn,
      region: p.region,
      checkedAt: p.checkedAt,
      facts: factLines(p).map(({ title, known, text }) => ({ title, known, text })),
      issues: accountIssues(p).map(({ severity, title, detail, control }) => ({ severity, title, detail, control })),
    };
  }
  // Unit by unit, in worker threads when there are many: each unit's rows go to a spool as soon as they arrive, and
  // only a small key per row stays in memory (10,000 files held 660 MB of models, then 0.87 GB of rows); folders
  // another unit calls as a local module are left out at the end, as analyze() does.
  const layers = matrixLayers();
  const matrixFormat = format === 'md' ? 'markdown' : format;
  const spool = new Spool(deps.spoolMemoryLimit, deps.spoolWrite);
  const rows = new SpooledRows(matrixFormat, spool);
  try {
    const analyzed: { unit: (typeof found.units)[number]; files: MatrixUnit['files']; tally: MatrixTally; problems: Problem[] }[] = new Array(found.units.length);
    const parallel = { jobs, minUnits: deps.parallelMinUnits, customHost: deps.host !== undefined, workerPath: deps.workerPath };
    await matrixUnits(found.units, host, options, { cwd, layers, format: matrixFormat, withTeam: meta.ownersConfigured }, parallel, (index, r) => {
      for (const row of r.rows) rows.add(row.pieces, row.key, index);
      analyzed[index] = { unit: found.units[index]!, files: r.files, tally: r.tally, problems: r.problems };
    });
    const kept = new Set(unitsToKeep(analyzed));
    const keptUnits = new Set<number>();
    const tally = emptyTally();
    analyzed.forEach((a, i) => {
      if (!kept.has(a)) return;
      keptUnits.add(i);
      mergeTally(tally, a.tally);
    });
    rows.finish((unit) => keptUnits.has(unit));
    const problems = [...found.problems, ...[...kept].flatMap((k) => k.problems)];
    const data = matrixView(rows, rows.keys, tally, meta, layers);
    if (account) data.account = account;
    // Every format goes out a row at a time, each row's text read back from the spool as its thread rendered it.
    const chunks: Iterable<string> = matrixFormat === 'json' ? renderMatrixJsonChunks(data) : matrixFormat === 'html' ? renderMatrixHtmlChunks(data) : renderMatrixMarkdownChunks(data);

    const output = v.output ? { path: abs(v.output as string), shown: displayPath(abs(v.output as string), cwd) } : undefined;
    await emitReport(async (sink) => {
      for (const batch of batches(chunks)) await sink(Buffer.from(batch, 'utf8'));
    }, io, output);
    if (spool.warning) io.stderr(`demarc report: ${spool.warning}\n`);
    if (output) io.stderr(`${data.counts.resources} resources, ${data.counts.findings} findings, ${data.counts.cells['not-checked']} duties not checked${data.ownersConfigured ? `, ${data.counts.unowned} without an owner` : ''}\nwrote ${output.shown}\n`);

    const inputErrors = problems.filter((p) => INPUT_ERROR_CODES.has(p.code));
    for (const p of inputErrors) io.stderr(`demarc report: ${displayPath(p.file, cwd)}: ${p.message}\n`);
    return inputErrors.length ? 2 : 0;
  } finally {
    rows.close();
  }
}

/** Pieces joined into writes of about 1 MB: fewer system calls than a write per row. */
function* batches(chunks: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const c of chunks) {
    pending.push(c);
    size += c.length;
    if (size >= 1 << 20) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (pending.length) yield pending.join('');
}
