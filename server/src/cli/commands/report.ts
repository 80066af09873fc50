// `demarc report [paths…]`: the responsibility matrix of a project as HTML, Markdown or JSON.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CliIO, CommandRunner } from '../io';
import { oneOf, parseCommandArgs, UsageError, type OptionSpec } from '../args';
import { analyzeUnit, discover, unitsToKeep, type AnalyzeOptions } from '../../engine/analyze';
import type { Problem } from '../../engine/types';
import type { ProjectConfig } from '../../engine/config';
import type { FileKind, Host } from '../../engine/source';
import { createNodeHost, toEnginePath } from '../../host/node-host';
import { matrixFromInputs, matrixInputsOfUnit, renderMatrixHtmlChunks, renderMatrixJsonChunks, renderMatrixMarkdown, type FromAnalysisOptions, type MatrixInput } from '../../report';
import { loadCliAccount, readProjectConfig, resolveVarFiles } from '../project';
import { displayPath } from '../format/report';
import { accountFactsForLayer } from '../../engine/account/apply';
import { factLines } from '../../engine/account/describe';
import { accountIssues } from '../../engine/account/issues';
import type { AccountPosture } from '../../engine/account/types';
import { emitReport } from '../output-file';

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
  help: { type: 'boolean', short: 'h' },
};

const INPUT_ERROR_CODES = new Set(['path-not-found', 'dir-unreadable', 'file-unreadable']);

export interface ReportDeps {
  host?: Host;
  /** Fixed timestamp for reproducible output (tests). */
  now?: () => Date;
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
  const cwd = toEnginePath(io.cwd);
  const abs = (p: string) => toEnginePath(nodePath.resolve(cwd, p));
  const roots = (positionals.length ? positionals : ['.']).map(abs);
  for (const [i, root] of roots.entries()) if (!fs.existsSync(root)) throw new UsageError(`path not found: ${positionals[i] ?? '.'}`);
  const host = deps.host ?? createNodeHost();

  const read = readProjectConfig('report', { ...(v.config !== undefined ? { explicit: v.config as string } : {}), disabled: Boolean(v['no-config']), roots, host, cwd, io });
  if (typeof read === 'number') return read;
  const config: ProjectConfig | undefined = read.config;
  const varFiles = resolveVarFiles(v['var-file'] as string[] | undefined, config, cwd);
  const options: AnalyzeOptions = { varFiles };
  if (config) {
    options.config = config;
    if (config.maxFileSize !== undefined) options.maxFileSize = config.maxFileSize;
  }
  let posture: AccountPosture | undefined;
  if (v.account) {
    const loaded = await loadCliAccount('report', v.profile as string | undefined, v.region as string | undefined, io);
    if (typeof loaded === 'number') return loaded;
    posture = loaded;
    options.account = posture;
  }
  // A rule switched off in the project file did not check anything, so its layers must not read "met".
  const ruleRan = (id: string) => config?.rules[id] !== 'off';
  const opts: FromAnalysisOptions = {
    cwd,
    roots: roots.map((r) => displayPath(r, cwd) || '.'),
    generatedAt: (deps.now?.() ?? new Date()).toISOString(),
    ruleRan,
  };
  if (config) opts.config = config;
  if (v.title) opts.title = v.title as string;
  if (posture) {
    const p = posture;
    opts.accountFacts = (type) => accountFactsForLayer(p, type);
    opts.account = {
      account: p.identity.account,
      arn: p.identity.arn,
      region: p.region,
      checkedAt: p.checkedAt,
      facts: factLines(p).map(({ title, known, text }) => ({ title, known, text })),
      issues: accountIssues(p).map(({ severity, title, detail, control }) => ({ severity, title, detail, control })),
    };
  }
  // Unit by unit, keeping each unit's rows and the files it read but not its models (10,000 files held 660 MB of
  // them); folders another unit calls as a local module are left out at the end, as analyze() does.
  const found = discover(roots, host, options);
  const analyzed: { unit: (typeof found.units)[number]; files: { path: string; kind: FileKind }[]; inputs: MatrixInput[]; problems: Problem[] }[] = [];
  for (const unit of found.units) {
    const r = analyzeUnit(unit, host, options);
    analyzed.push({ unit, files: r.files.map((f) => ({ path: f.path, kind: f.kind })), inputs: matrixInputsOfUnit(r, opts), problems: r.problems });
  }
  const kept = unitsToKeep(analyzed);
  const problems = [...found.problems, ...kept.flatMap((k) => k.problems)];
  const data = matrixFromInputs(kept.flatMap((k) => k.inputs), opts);
  // JSON and HTML go out a row at a time; Markdown (for pull-request comments, kept short by nature) whole.
  const chunks: Iterable<string> = format === 'json' ? renderMatrixJsonChunks(data) : format === 'html' ? renderMatrixHtmlChunks(data) : [renderMatrixMarkdown(data)];

  const output = v.output ? { path: abs(v.output as string), shown: displayPath(abs(v.output as string), cwd) } : undefined;
  await emitReport(async (sink) => {
    for (const batch of batches(chunks)) await sink(Buffer.from(batch, 'utf8'));
  }, io, output);
  if (output) io.stderr(`${data.counts.resources} resources, ${data.counts.findings} findings, ${data.counts.cells['not-checked']} duties not checked${data.ownersConfigured ? `, ${data.counts.unowned} without an owner` : ''}\nwrote ${output.shown}\n`);

  const inputErrors = problems.filter((p) => INPUT_ERROR_CODES.has(p.code));
  for (const p of inputErrors) io.stderr(`demarc report: ${displayPath(p.file, cwd)}: ${p.message}\n`);
  return inputErrors.length ? 2 : 0;
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
