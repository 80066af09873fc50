// The one entry point every front end uses: discover → load → parse/evaluate → adapt → check → suppress → policy.
import { detectKind, kindFromName } from './detect';
import { DEFAULT_MAX_FILE_SIZE, loadFile, vetText } from './files';
import type { Comment, EvaluationResult, FileKind, Host, SourceFile, SourceResource } from './source';
import type { Finding, Problem } from './types';
import { evaluateTerraformModule } from './evaluate/terraform';
import { evaluateCloudFormationTemplate } from './evaluate/cloudformation';
import { adapt } from './adapt';
import type { ModelResource } from './model/resource';
import { runRules } from './rules/run';
import { applySuppressions } from './suppress';
import { applyProjectConfig, type ProjectConfig } from './config';
import { applyAccountPosture } from './account/apply';
import { accountConflicts } from './account/conflicts';
import type { AccountPosture } from './account/types';

export interface AnalyzeOptions {
  /** Extra Terraform variable files (absolute paths), as `--var-file`. */
  varFiles?: string[];
  /** Only these rule ids (after config). */
  onlyRules?: string[];
  /** Never these rule ids. */
  skipRules?: string[];
  /** Files above this many bytes are skipped with a notice. */
  maxFileSize?: number;
  /** Parsed `.demarc.yaml`. */
  config?: ProjectConfig;
  /** Connected-account facts, when the user connected one. */
  account?: AccountPosture;
  /** Folder names never descended into. */
  ignoreDirs?: string[];
  /** Checked between units; analysis stops early when set. */
  signal?: { aborted: boolean };
  /**
   * Compute each finding's fix edits (default true). Callers that never show or apply fixes (`demarc scan --format
   * text`) turn it off: writing the edits is a fifth of the analysis on finding-heavy code.
   */
  fixes?: boolean;
  /** When given, each phase's wall time in milliseconds is added to it (bench/ and tracing). */
  phases?: PhaseTimes;
}

/** Where analysis time goes; `evaluate` includes parsing, `rules` includes building findings and fixes. */
export interface PhaseTimes {
  read: number;
  evaluate: number;
  adapt: number;
  rules: number;
  finish: number;
}

/** A unit of analysis: a Terraform module folder, or one CloudFormation template. */
export interface Unit {
  kind: 'terraform' | 'cloudformation';
  /** Folder (Terraform) or file (CloudFormation). */
  path: string;
  /** The files that make it up (Terraform: the .tf/.tf.json files of the folder). */
  files: string[];
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface UnitResult {
  unit: Unit;
  files: SourceFile[];
  comments: Map<string, Comment[]>;
  sourceResources: SourceResource[];
  resources: ModelResource[];
  /** All findings, including suppressed ones (`suppressedBy` set). */
  findings: Finding[];
  problems: Problem[];
  /** The project file and account facts the unit was judged with (hovers and reports show them). */
  config?: ProjectConfig;
  account?: AccountPosture;
}

export interface AnalysisResult {
  units: UnitResult[];
  findings: Finding[];
  problems: Problem[];
  skipped: Skipped[];
  /** Files analyzed, by path. */
  files: Map<string, SourceFile>;
  resources: ModelResource[];
}

const DEFAULT_IGNORED_DIRS = ['.git', 'node_modules', '.terraform', '.serverless', 'cdk.out', '.aws-sam'];

export function discover(roots: string[], host: Host, options: AnalyzeOptions = {}): { units: Unit[]; skipped: Skipped[]; problems: Problem[] } {
  const ignore = new Set([...DEFAULT_IGNORED_DIRS, ...(options.ignoreDirs ?? [])]);
  const tfDirs = new Map<string, string[]>();
  const cfnFiles: string[] = [];
  const skipped: Skipped[] = [];
  const problems: Problem[] = [];
  const seenReal = new Set<string>();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;

  const visitFile = (path: string) => {
    const byName = kindFromName(path);
    if (byName === undefined) return;
    if (byName === 'terraform' || byName === 'terraform-json') {
      const dir = parentDir(path);
      const list = tfDirs.get(dir) ?? [];
      list.push(path);
      tfDirs.set(dir, list);
    } else if (byName === 'maybe-cloudformation') {
      const size = host.fileSize?.(path);
      if (size !== undefined && size > maxFileSize) {
        skipped.push({ path, reason: `over the size limit (${size} bytes)` });
        return;
      }
      let text: string | undefined;
      try {
        text = host.readFile(path);
      } catch {
        text = undefined;
      }
      if (text === undefined) {
        skipped.push({ path, reason: 'unreadable' });
        return;
      }
      if (detectKind(path, text)) cfnFiles.push(path);
      else skipped.push({ path, reason: 'not a CloudFormation template' });
    }
  };

  const walk = (dir: string, depth: number) => {
    const real = host.realPath?.(dir) ?? dir;
    if (seenReal.has(real)) {
      skipped.push({ path: dir, reason: 'already visited (symbolic link loop or duplicate)' });
      return;
    }
    seenReal.add(real);
    if (depth > 64) {
      skipped.push({ path: dir, reason: 'nested too deep' });
      return;
    }
    const entries = host.readDir(dir);
    if (!entries) {
      problems.push({ file: dir, severity: 'error', code: 'dir-unreadable', message: `cannot read folder ${dir}` });
      return;
    }
    for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = joinPath(dir, e.name);
      if (e.isDirectory) {
        if (ignore.has(e.name)) skipped.push({ path: p, reason: 'ignored folder' });
        else walk(p, depth + 1);
      } else visitFile(p);
    }
  };

  for (const root of roots) {
    const entries = host.readDir(root);
    if (entries) walk(root, 0);
    else if (host.fileSize?.(root) !== undefined || safeRead(host, root) !== undefined) visitFile(root);
    else problems.push({ file: root, severity: 'error', code: 'path-not-found', message: `no such file or folder: ${root}` });
  }

  const units: Unit[] = [];
  for (const [dir, files] of [...tfDirs].sort()) units.push({ kind: 'terraform', path: dir, files: files.sort() });
  for (const f of cfnFiles.sort()) units.push({ kind: 'cloudformation', path: f, files: [f] });
  return { units, skipped, problems };
}

/** Parse, evaluate and check one unit. Open editor documents reach it through `host`. */
export function analyzeUnit(unit: Unit, host: Host, options: AnalyzeOptions = {}): UnitResult {
  const phases = options.phases;
  let mark = phases ? performance.now() : 0;
  const lap = (phase: keyof PhaseTimes) => {
    if (!phases) return;
    const now = performance.now();
    phases[phase] += now - mark;
    mark = now;
  };
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  for (const path of unit.files) {
    const kind = unit.kind === 'terraform' ? kindFromName(path) : undefined;
    let loaded;
    if (unit.kind === 'terraform') loaded = loadFile(path, kind === 'terraform-json' ? 'terraform-json' : 'terraform', host, maxFileSize);
    else {
      // Read once: the text that decides the format is the text analyzed (vetText applies the size and content checks).
      const text = safeRead(host, path);
      const cfnKind = text === undefined ? undefined : detectKind(path, text);
      loaded = cfnKind ? vetText(path, text!, cfnKind, maxFileSize) : { problem: { file: path, severity: 'error' as const, code: 'file-unreadable', message: 'cannot read the file' } };
    }
    if (loaded.problem) problems.push(loaded.problem);
    if (loaded.file) files.push(loaded.file);
  }
  lap('read');

  let evaluation: EvaluationResult;
  if (unit.kind === 'terraform') {
    evaluation = evaluateTerraformModule({
      dir: unit.path,
      files,
      host,
      varFiles: options.varFiles ?? [],
      load: (path, kind) => {
        const r = loadFile(path, kind, host, maxFileSize);
        if (r.problem) problems.push(r.problem);
        return r.file;
      },
    });
  } else if (files[0]) {
    evaluation = evaluateCloudFormationTemplate(files[0]);
  } else {
    evaluation = { resources: [], problems: [], files: [], comments: new Map() };
  }
  problems.push(...evaluation.problems);
  const allFiles = dedupeFiles([...files, ...evaluation.files]);
  lap('evaluate');

  const resources = adapt(evaluation.resources);
  lap('adapt');
  let findings = runRules(resources, {
    files: new Map(allFiles.map((f) => [f.path, f])),
    onlyRules: options.onlyRules,
    skipRules: options.skipRules,
    config: options.config,
    sources: evaluation.resources,
    fixes: options.fixes,
    onRuleError: (ruleId, error) =>
      problems.push({ file: unit.path, severity: 'warning', code: 'rule-error', message: `rule ${ruleId} failed and was skipped: ${error instanceof Error ? error.message : String(error)}` }),
  });
  lap('rules');
  const suppressed = applySuppressions(findings, {
    files: allFiles,
    comments: evaluation.comments,
    resources: evaluation.resources,
  });
  findings = suppressed.findings;
  problems.push(...suppressed.problems);
  if (options.config) findings = applyProjectConfig(findings, options.config);
  if (options.account) {
    findings = applyAccountPosture(findings, evaluation.resources, options.account);
    if (options.account.identity) problems.push(...accountConflicts(evaluation.resources, options.account.identity, options.account.region, Object.keys(options.account.otherRegions ?? {})));
  }
  // Problems located by span only get their range here, where every file's line index is at hand.
  const byPath = new Map(allFiles.map((f) => [f.path, f]));
  for (const p of problems) {
    if (p.range || !p.span) continue;
    const f = byPath.get(p.span.file);
    if (f) p.range = f.lines.rangeOf(p.span.start, p.span.end);
  }
  lap('finish');
  const result: UnitResult = { unit, files: allFiles, comments: evaluation.comments, sourceResources: evaluation.resources, resources, findings, problems };
  if (options.config) result.config = options.config;
  if (options.account) result.account = options.account;
  return result;
}

export function analyze(roots: string[], host: Host, options: AnalyzeOptions = {}): AnalysisResult {
  const { units, skipped, problems } = discover(roots, host, options);
  const results: UnitResult[] = [];
  for (const unit of units) {
    if (options.signal?.aborted) break;
    results.push(analyzeUnit(unit, host, options));
  }
  return mergeResults(results, skipped, problems);
}

/**
 * Folders that another unit calls as a local module are analyzed through that call (with its inputs),
 * not again on their own, where every input would be unknown and findings would repeat.
 */
export function mergeResults(results: UnitResult[], skipped: Skipped[], problems: Problem[]): AnalysisResult {
  const kept = unitsToKeep(results);
  const files = new Map<string, SourceFile>();
  for (const r of kept) for (const f of r.files) files.set(f.path, f);
  return {
    units: kept,
    findings: kept.flatMap((r) => r.findings),
    problems: [...problems, ...kept.flatMap((r) => r.problems)],
    skipped,
    files,
    resources: kept.flatMap((r) => r.resources),
  };
}

/** The results mergeResults keeps: all but the Terraform folders another unit calls as a local module. */
export function unitsToKeep<R extends { unit: Unit; files: readonly { path: string; kind: FileKind }[] }>(results: readonly R[]): R[] {
  const calledDirs = new Set<string>();
  for (const r of results) {
    if (r.unit.kind !== 'terraform') continue;
    for (const f of r.files) {
      if (f.kind !== 'terraform' && f.kind !== 'terraform-json') continue; // a --var-file elsewhere is not a module call
      const dir = parentDir(f.path);
      if (dir !== r.unit.path) calledDirs.add(dir);
    }
  }
  return results.filter((r) => !(r.unit.kind === 'terraform' && calledDirs.has(r.unit.path)));
}

function safeRead(host: Host, path: string): string | undefined {
  try {
    return host.readFile(path);
  } catch {
    return undefined;
  }
}

function dedupeFiles(files: SourceFile[]): SourceFile[] {
  const seen = new Map<string, SourceFile>();
  for (const f of files) if (!seen.has(f.path)) seen.set(f.path, f);
  return [...seen.values()];
}

export function parentDir(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}
