// `demarc scan [paths…]`: argv → analyze → text/json/sarif → exit code.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CliIO, CommandRunner } from '../io';
import { oneOf, parseByteSize, parseCommandArgs, parseJobs, suggest, UsageError, type OptionSpec } from '../args';
import { colorWanted, makeStyle } from '../color';
import { toolVersion } from '../version';
import { discover, type AnalyzeOptions } from '../../engine/analyze';
import { findWorkerScript, renderUnits } from '../worker-pool';
import { isExcluded, type ProjectConfig } from '../../engine/config';
import { allRules, getRuleMeta } from '../../engine/rules/registry';
import type { Host } from '../../engine/source';
import type { Problem, Severity } from '../../engine/types';
import { SEVERITIES } from '../../engine/types';
import { createNodeHost, describeFsError, toEnginePath } from '../../host/node-host';
import { displayPath } from '../format/report';
import { loadCliAccount, readProjectConfig, resolveVarFiles, terraformRegions } from '../project';
import { summaryText } from '../format/text';
import type { RenderedProblem, RenderOptions } from '../render-unit';
import { ReportCollector, summaryOf, type ReportFrame } from '../report-writer';
import { Spool } from '../spool';
import { emitReport, ensureParentDir } from '../output-file';
import { errnoText } from '../../host/errno';
import { baselineText, readBaselineOffThread, unmatchedEntries, type BaselineEntry } from '../baseline';

export const HELP = `Usage: demarc scan [paths…] [options]

Scans Terraform (.tf, .tf.json, .tfvars) and CloudFormation/SAM templates (YAML, JSON) under the given
files or folders (default: the current folder) for AWS security misconfigurations.

Options:
  --format text|json|sarif   output format (default text)
  --output FILE              write the report to FILE instead of standard output
  --severity LEVEL           threshold: critical, high, medium, low or info (default low, or the project
                             file's severityThreshold); findings below it are neither shown nor counted
  --rule ID                  run only this rule (repeatable, or comma-separated)
  --skip-rule ID             never run this rule (repeatable, or comma-separated)
  --var-file FILE            extra Terraform variables file (repeatable)
  --config FILE              project file (default: the nearest .demarc.yaml up to the repository root)
  --no-config                ignore any .demarc.yaml
  --max-file-size BYTES      skip files larger than this, with a notice (K, M, G suffixes; default 4M)
  --jobs N                   analysis threads (default: the number of CPUs; 1 = no worker threads); threads
                             are used from 50 Terraform modules / templates on, the output is the same
  --no-color                 no colors (also when NO_COLOR is set or output is not a terminal)
  --quiet                    only the findings, no problems or summary
  --verbose                  also suppressed findings, skipped files and why, and severity notes
  --soft-fail                exit 0 even when there are findings
  --baseline FILE            findings listed in FILE count as suppressed (tool "baseline"); only new ones
                             are shown and fail the scan (default: the project file's baseline)
  --write-baseline FILE      write every finding not suppressed in the source to FILE, as the baseline to
                             compare later scans with, and exit 0 (2 if input could not be read)
  --account                  read the AWS account's posture (read-only calls with your usual credentials)
                             and apply it to the findings: e.g. account-wide S3 Block Public Access
  --profile NAME             AWS profile for --account (default: AWS_PROFILE or the default chain)
  --region REGION            AWS Region for --account (default: AWS_REGION or the profile's region)
  --help                     this text

Exit codes: 0 nothing at or above the threshold (or --soft-fail), 1 findings,
            2 usage error, missing path, bad project file, or unreadable input.
`;

const SPEC: OptionSpec = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  severity: { type: 'string', short: 's' },
  rule: { type: 'string', multiple: true },
  'skip-rule': { type: 'string', multiple: true },
  'var-file': { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'no-color': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  'soft-fail': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  account: { type: 'boolean' },
  profile: { type: 'string' },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** Problems that mean part of the input could not be read: the scan finishes, but exits 2. */
const INPUT_ERROR_CODES = new Set(['path-not-found', 'dir-unreadable', 'file-unreadable']);

export interface ScanDeps {
  /** File access for the analysis (tests pass one that fails on purpose). */
  host?: Host;
  /** Clock in milliseconds for the reported duration (tests make it deterministic). */
  now?: () => number;
  /** Use worker threads from this many analysis units on (tests lower it). */
  parallelMinUnits?: number;
  /** The worker script (tests running from sources point it at the bundle's dist/scan-worker.js). */
  workerPath?: string;
  /** Rendered findings past this many bytes go to a temporary file (tests lower it). */
  spoolMemoryLimit?: number;
  /** How the spool writes its temporary file (tests make it run out of space). */
  spoolWrite?: (fd: number, bytes: Uint8Array, position: number) => void;
  /** Baselines from this many bytes on are read in a worker thread (tests lower it). */
  offThreadBaselineBytes?: number;
}

export const run: CommandRunner = (args, io) => runScan(args, io, {});

export async function runScan(args: string[], io: CliIO, deps: ScanDeps): Promise<number> {
  try {
    return await scan(args, io, deps);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`demarc scan: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function scan(args: string[], io: CliIO, deps: ScanDeps): Promise<number> {
  const { values: v, positionals } = parseCommandArgs('scan', args, SPEC);
  if (v.help) {
    io.stdout(HELP);
    return 0;
  }
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const format = oneOf(v.format as string | undefined, ['text', 'json', 'sarif'] as const, '--format') ?? 'text';
  const flagThreshold = oneOf(v.severity as string | undefined, SEVERITIES, '--severity');
  const onlyRules = ruleList(v.rule, '--rule');
  const skipRules = ruleList(v['skip-rule'], '--skip-rule');
  const jobs = v.jobs === undefined ? undefined : parseJobs(v.jobs as string);
  let maxFileSize = v['max-file-size'] === undefined ? undefined : parseByteSize(v['max-file-size'] as string, '--max-file-size');
  const cwd = toEnginePath(io.cwd);
  const abs = (p: string) => toEnginePath(nodePath.resolve(cwd, p));
  const roots = (positionals.length ? positionals : ['.']).map(abs);
  for (const [i, root] of roots.entries()) {
    const problem = checkRoot(root);
    if (problem) throw new UsageError(`${problem}: ${positionals[i] ?? '.'}`);
  }

  const host = deps.host ?? createNodeHost();
  const style = makeStyle(!v.output && colorWanted(io.isTTY, io.env, Boolean(v['no-color'])));

  // The project file: explicit, found by walking up from the first path, or none.
  const read = readProjectConfig('scan', { ...(v.config !== undefined ? { explicit: v.config as string } : {}), disabled: Boolean(v['no-config']), roots, host, cwd, io, verbose: Boolean(v.verbose) });
  if (typeof read === 'number') return read;
  const config: ProjectConfig | undefined = read.config;
  const configProblems: Problem[] = read.problems;
  const varFiles = resolveVarFiles(v['var-file'] as string[] | undefined, config, cwd);
  maxFileSize ??= config?.maxFileSize;
  const threshold: Severity = flagThreshold ?? config?.severityThreshold ?? 'low';

  // The text report shows no edits: leave them unwritten (JSON and SARIF carry them).
  const options: AnalyzeOptions = { varFiles, fixes: format !== 'text' };
  if (onlyRules.length) options.onlyRules = onlyRules;
  if (skipRules.length) options.skipRules = skipRules;
  if (maxFileSize !== undefined) options.maxFileSize = maxFileSize;
  if (config) options.config = config;
  if (!v.account && (v.profile !== undefined || v.region !== undefined)) throw new UsageError('--profile and --region only apply with --account');

  // The baseline (--baseline, else the project file's; --write-baseline alone reads none) is read while the folders
  // are discovered: a large one is parsed in a worker thread.
  const loadBaseline = (path: string, shown: string) => readBaselineOffThread(path, shown, deps.workerPath ?? findWorkerScript(), deps.offThreadBaselineBytes);
  const configuredBaseline = config?.baseline !== undefined && v['write-baseline'] === undefined ? toEnginePath(nodePath.resolve(config.root, config.baseline)) : undefined;
  const baselineLoad = v.baseline !== undefined ? loadBaseline(abs(v.baseline as string), v.baseline as string) : configuredBaseline ? loadBaseline(configuredBaseline, displayPath(configuredBaseline, cwd)) : undefined;
  // Settled at once, so that a failure while discovery runs is not an unhandled rejection; awaited below.
  baselineLoad?.catch(() => undefined);
  const { units, skipped, problems: discoverProblems } = discover(roots, host, options);
  if (v.account) {
    // Also read in the other Regions the code's providers name, for the settings that are per Region.
    const account = await loadCliAccount('scan', v.profile as string | undefined, v.region as string | undefined, io, terraformRegions(units, host, varFiles));
    if (typeof account === 'number') return account;
    options.account = account;
  }
  const render: RenderOptions = { format, cwd, threshold, color: style.enabled, quiet: Boolean(v.quiet), verbose: Boolean(v.verbose) };
  const loadedBaseline = baselineLoad ? await baselineLoad : undefined;
  if (loadedBaseline) render.baseline = loadedBaseline.baseline;
  const writeBaseline = v['write-baseline'] === undefined ? undefined : { path: abs(v['write-baseline'] as string), shown: v['write-baseline'] as string };
  if (writeBaseline) render.writeBaselineTo = writeBaseline.path;
  const baselineParts: BaselineEntry[][] = [];
  const baselineMatched: number[] = [];
  const spool = new Spool(deps.spoolMemoryLimit, deps.spoolWrite);
  try {
    const collector = new ReportCollector(units, spool);
    const parallel = { jobs, minUnits: deps.parallelMinUnits, customHost: deps.host !== undefined, workerPath: deps.workerPath };
    const workers = await renderUnits(units, host, options, render, parallel, (i, r) => {
      if (r.baseline) baselineParts[i] = r.baseline;
      if (r.baselineMatched) for (const k of r.baselineMatched) baselineMatched.push(k);
      collector.add(i, r);
    });
    if (v.verbose && workers > 0) io.stderr(`analyzed with ${workers} worker threads\n`);
    const frame: ReportFrame = { render, toolVersion: toolVersion(), skipped, durationMs: now() - started };
    const collected = collector.finish(discoverProblems, host);
    // Excluded paths are the user's "not ours": their syntax errors would be noise too.
    collected.problems = [...configProblems.map(ownRange), ...collected.problems.filter((p) => !config || !isExcluded(p.problem.file, config))];

    const output = v.output ? { path: abs(v.output as string), shown: displayPath(abs(v.output as string), cwd) } : undefined;
    await emitReport((sink) => collector.write(collected, frame, sink), io, output);
    if (spool.warning) io.stderr(`demarc scan: ${spool.warning}\n`);
    if (output && !v.quiet) io.stderr(`${summaryText(summaryOf(collected, frame), makeStyle(false))}\nwrote ${output.shown}\n`);

    if (loadedBaseline && !v.quiet && !writeBaseline) {
      const { dir, shown, keys } = loadedBaseline.baseline;
      const unmatched = unmatchedEntries(loadedBaseline, baselineMatched, (file) => collected.files.has(toEnginePath(nodePath.resolve(dir, file))));
      if (unmatched > 0) io.stderr(`demarc scan: ${unmatched} of the ${keys.length} entries in the baseline ${shown} match no finding any more (fixed, or the line changed); write the baseline again to drop them, so that a finding that comes back is reported\n`);
    }
    if (writeBaseline) {
      const entries = baselineParts.flat();
      writeFileAtomically(writeBaseline.path, baselineText(entries), writeBaseline.shown);
      io.stderr(`wrote the baseline ${writeBaseline.shown} with ${entries.length} finding${entries.length === 1 ? '' : 's'}\n`);
    }

    const inputErrors = collected.problems.filter((p) => INPUT_ERROR_CODES.has(p.problem.code)).map((p) => p.problem);
    if (inputErrors.length) {
      if (format !== 'text' || v.quiet || v.output) for (const p of inputErrors) io.stderr(`demarc scan: ${displayPath(p.file, cwd)}: ${p.message}\n`);
      return 2;
    }
    if (writeBaseline) return 0;
    return collected.counts.findings > 0 && !v['soft-fail'] ? 1 : 0;
  } finally {
    spool.close();
  }
}

/** Writes next to the target, then renames: an interrupted run never leaves half a baseline behind. */
function writeFileAtomically(path: string, text: string, shown: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    ensureParentDir(path);
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, path);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing was written there
    }
    throw new UsageError(`cannot write the baseline ${shown}: ${errnoText(e)}`);
  }
}

function ownRange(p: Problem): RenderedProblem {
  return p.range ? { problem: p, range: p.range } : { problem: p };
}

function checkRoot(root: string): string | undefined {
  try {
    const st = fs.statSync(root);
    if (st.isFile()) fs.accessSync(root, fs.constants.R_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'path not found';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    return describeFsError(e, root);
  }
}

function ruleList(raw: unknown, option: string): string[] {
  const ids = ((raw as string[] | undefined) ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const id of ids) {
    if (getRuleMeta(id)) continue;
    const hint = suggest(id, allRules().map((r) => r.meta.id));
    throw new UsageError(`${option}: unknown rule "${id}"${hint ? `; did you mean ${hint}?` : ''} (see: demarc rules)`);
  }
  return ids;
}
