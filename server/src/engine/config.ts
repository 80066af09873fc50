// The project file `.demarc.yaml`: rules on/off, severity overrides, excluded paths, required tags, owners.
// Validation reports every mistake with its line and column, and keeps whatever is valid, so one typo does
// not silently turn the whole policy off.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import picomatch from 'picomatch';
import type { Host } from './source';
import type { Finding, Problem, Range, Severity } from './types';
import { SEVERITIES } from './types';
import { editDistance } from './util/edit-distance';

export type RuleSetting = 'off' | 'on' | Severity;

export interface RequiredTag {
  /** Tag key that must be present, e.g. `Owner`. */
  key: string;
  /** When given, the tag's value must be one of these. */
  values?: string[];
  /** Terraform or CloudFormation type names (`aws_s3_bucket`, `AWS::S3::Bucket`) the requirement applies to; all taggable resources when absent. */
  resourceTypes?: string[];
}

export interface OwnerEntry {
  /** Glob relative to the project file's folder, matched against the resource's file. */
  path?: string;
  /** `Key=Value`: resources carrying this tag. */
  tag?: string;
  team: string;
}

export interface ProjectConfig {
  /** Absolute path of the project file ('' for a config built in code). */
  path: string;
  /** Folder the globs are relative to (the project file's folder); '' makes `exclude` match nothing. */
  root: string;
  rules: Record<string, RuleSetting>;
  exclude: string[];
  requiredTags: RequiredTag[];
  owners: OwnerEntry[];
  /** Default for `--severity`: findings below it do not fail the scan and are not shown. */
  severityThreshold?: Severity;
  /** Extra Terraform variable files, relative to the project file's folder. */
  varFiles?: string[];
  /** Files above this many bytes are skipped with a notice. */
  maxFileSize?: number;
  /** `demarc scan`'s default `--baseline`, relative to the project file's folder. */
  baseline?: string;
}

export const PROJECT_FILE_NAMES = ['.demarc.yaml', '.demarc.yml'];

const TOP_KEYS = ['version', 'rules', 'exclude', 'requiredTags', 'owners', 'severityThreshold', 'varFiles', 'maxFileSize', 'baseline'] as const;
const RULE_ID_RE = /^aws-[a-z0-9]+(-[a-z0-9]+)+$/;

export function emptyProjectConfig(root = ''): ProjectConfig {
  return { path: '', root, rules: {}, exclude: [], requiredTags: [], owners: [] };
}

export interface ParseConfigOptions {
  /** Known rule ids; unknown ones become a warning. Omit to check only the id format. */
  knownRules?: (id: string) => boolean;
}

export function parseProjectConfig(text: string, path: string, options: ParseConfigOptions = {}): { config: ProjectConfig; problems: Problem[] } {
  const root = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.';
  const config: ProjectConfig = { ...emptyProjectConfig(root), path };
  const problems: Problem[] = [];
  const lc = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const rangeOf = (node: { range?: [number, number, number?] | null } | null | undefined): Range => {
    const [s, e] = node?.range ?? [0, 0];
    const a = lc.linePos(s);
    const b = lc.linePos(e);
    return { start: { line: a.line - 1, character: a.col - 1 + (a.line === 1 ? offset : 0) }, end: { line: b.line - 1, character: b.col - 1 + (b.line === 1 ? offset : 0) } };
  };
  const report = (node: { range?: [number, number, number?] | null } | null | undefined, code: string, message: string, severity: Problem['severity'] = 'error') => {
    const range = rangeOf(node);
    const [s, e] = node?.range ?? [0, 0];
    problems.push({ file: path, span: { file: path, start: s + offset, end: e + offset }, range, severity, code, message });
  };

  for (const err of doc.errors) {
    const [s, e] = err.pos;
    const a = lc.linePos(s);
    const b = lc.linePos(e);
    const range = { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
    problems.push({ file: path, span: { file: path, start: s + offset, end: e + offset }, range, severity: 'error', code: 'config-syntax', message: `YAML syntax error: ${err.message.split('\n')[0]}` });
  }
  if (doc.errors.length) return { config, problems };

  const top = doc.contents;
  if (top === null || (isScalar(top) && (top.value === null || top.value === ''))) return { config, problems };
  if (!isMap(top)) {
    report(top, 'config-type', 'the project file must be a mapping of settings (rules:, exclude:, …)');
    return { config, problems };
  }

  for (const pair of top.items as Pair<YamlNode, YamlNode | null>[]) {
    const key = keyName(pair);
    const value = pair.value;
    switch (key) {
      case 'version':
        if (!isScalar(value) || value.value !== 1) report(value ?? pair.key, 'config-type', '"version" must be 1');
        break;
      case 'rules':
        if (isNull(value)) break;
        if (!isMap(value)) {
          report(value ?? pair.key, 'config-type', '"rules" must be a mapping of rule id to off, on, or a severity (critical, high, medium, low, info)');
          break;
        }
        for (const rp of value.items as Pair<YamlNode, YamlNode | null>[]) {
          const id = keyName(rp);
          if (id === undefined) {
            report(rp.key, 'config-type', 'rule ids must be plain strings');
            continue;
          }
          if (!RULE_ID_RE.test(id)) {
            report(rp.key, 'config-rule-id', `"${id}" is not a rule id; ids look like aws-s3-versioning (see \`demarc rules\`)`);
            continue;
          }
          if (options.knownRules && !options.knownRules(id)) report(rp.key, 'config-unknown-rule', `unknown rule "${id}" (see \`demarc rules\`)`, 'warning');
          const v = isScalar(rp.value) ? rp.value.value : undefined;
          const setting = typeof v === 'boolean' ? (v ? 'on' : 'off') : typeof v === 'string' ? v.toLowerCase() : undefined;
          if (setting === 'off' || setting === 'on' || (SEVERITIES as readonly string[]).includes(setting ?? '')) config.rules[id] = setting as RuleSetting;
          else report(rp.value ?? rp.key, 'config-severity', `rule "${id}": "${v === undefined ? '' : String(v)}" is not one of off, on, critical, high, medium, low, info`);
        }
        break;
      case 'exclude':
      case 'varFiles': {
        const list = stringList(value, key, report);
        for (const [g, node] of list) {
          if (key === 'exclude') {
            if (g.startsWith('/')) report(node, 'config-type', `exclude "${g}": patterns are relative to the project file's folder; drop the leading "/"`);
            else config.exclude.push(g);
          } else (config.varFiles ??= []).push(g);
        }
        break;
      }
      case 'requiredTags':
        if (isNull(value)) break;
        if (!isSeq(value)) {
          report(value ?? pair.key, 'config-type', '"requiredTags" must be a list; each item a tag key or { key, values, resourceTypes }');
          break;
        }
        for (const item of value.items as (YamlNode | null)[]) {
          if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) {
            config.requiredTags.push({ key: item.value.trim() });
            continue;
          }
          if (!isMap(item)) {
            report(item, 'config-type', 'a requiredTags item must be a tag key or a mapping { key, values, resourceTypes }');
            continue;
          }
          const t = readObject(item, { key: 'string', values: 'strings', resourceTypes: 'strings' }, 'requiredTags item', report);
          if (typeof t.key !== 'string' || !t.key.trim()) {
            report(item, 'config-type', 'a requiredTags item needs "key" (the tag key, e.g. Owner)');
            continue;
          }
          const entry: RequiredTag = { key: t.key.trim() };
          if (Array.isArray(t.values)) entry.values = t.values;
          if (Array.isArray(t.resourceTypes)) entry.resourceTypes = t.resourceTypes;
          config.requiredTags.push(entry);
        }
        break;
      case 'owners':
        if (isNull(value)) break;
        if (!isSeq(value)) {
          report(value ?? pair.key, 'config-type', '"owners" must be a list of { path or tag, team }');
          break;
        }
        for (const item of value.items as (YamlNode | null)[]) {
          if (!isMap(item)) {
            report(item, 'config-type', 'an owners item must be a mapping { path: <glob> or tag: Key=Value, team: <name> }');
            continue;
          }
          const o = readObject(item, { path: 'string', tag: 'string', team: 'string' }, 'owners item', report);
          if (typeof o.team !== 'string' || !o.team.trim()) {
            report(item, 'config-type', 'an owners item needs "team"');
            continue;
          }
          if (o.path === undefined && o.tag === undefined) {
            report(item, 'config-type', 'an owners item needs "path" (a glob) or "tag" (Key=Value)');
            continue;
          }
          if (typeof o.tag === 'string' && !/^[^=]+=.*$/.test(o.tag)) {
            report(item, 'config-type', `owners tag "${o.tag}" must be written Key=Value`);
            continue;
          }
          const entry: OwnerEntry = { team: o.team.trim() };
          if (typeof o.path === 'string') entry.path = o.path;
          if (typeof o.tag === 'string') entry.tag = o.tag;
          config.owners.push(entry);
        }
        break;
      case 'severityThreshold': {
        const v = isScalar(value) && typeof value.value === 'string' ? value.value.toLowerCase() : undefined;
        if (v && (SEVERITIES as readonly string[]).includes(v)) config.severityThreshold = v as Severity;
        else report(value ?? pair.key, 'config-severity', `"severityThreshold" must be one of ${SEVERITIES.join(', ')}`);
        break;
      }
      case 'maxFileSize': {
        const v = isScalar(value) ? value.value : undefined;
        if (typeof v === 'number' && Number.isInteger(v) && v > 0) config.maxFileSize = v;
        else report(value ?? pair.key, 'config-type', '"maxFileSize" must be a positive whole number of bytes');
        break;
      }
      case 'baseline': {
        const v = isScalar(value) && typeof value.value === 'string' ? value.value.trim() : '';
        if (v) config.baseline = v;
        else report(value ?? pair.key, 'config-type', '"baseline" must be the path of a baseline file (see demarc scan --write-baseline)');
        break;
      }
      default: {
        const hint = closest(key ?? '', TOP_KEYS);
        report(pair.key, 'config-unknown-key', `unknown setting "${key ?? String(pair.key)}"${hint ? `; did you mean "${hint}"?` : ''} (known: ${TOP_KEYS.join(', ')})`);
      }
    }
  }
  return { config, problems };
}

type Reporter = (node: YamlNode | null | undefined, code: string, message: string, severity?: Problem['severity']) => void;

function stringList(value: YamlNode | null, key: string, report: Reporter): [string, YamlNode][] {
  if (isNull(value)) return [];
  if (isScalar(value) && typeof value.value === 'string') return [[value.value, value]];
  if (!isSeq(value)) {
    report(value, 'config-type', `"${key}" must be a list of strings`);
    return [];
  }
  const out: [string, YamlNode][] = [];
  for (const item of value.items as (YamlNode | null)[]) {
    if (isScalar(item) && typeof item.value === 'string') out.push([item.value, item]);
    else report(item, 'config-type', `"${key}" items must be strings`);
  }
  return out;
}

function readObject(
  node: YamlNode,
  shape: Record<string, 'string' | 'strings'>,
  what: string,
  report: Reporter,
): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  if (!isMap(node)) return out;
  for (const pair of node.items as Pair<YamlNode, YamlNode | null>[]) {
    const k = keyName(pair);
    const kind = k === undefined ? undefined : shape[k];
    if (!k || !kind) {
      const hint = closest(k ?? '', Object.keys(shape));
      report(pair.key, 'config-unknown-key', `unknown key "${k ?? ''}" in ${what}${hint ? `; did you mean "${hint}"?` : ''} (known: ${Object.keys(shape).join(', ')})`);
      continue;
    }
    const v = pair.value;
    if (kind === 'string') {
      if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number')) out[k] = String(v.value);
      else report(v ?? pair.key, 'config-type', `"${k}" in ${what} must be a string`);
    } else {
      const list = stringList(v, k, report);
      out[k] = list.map(([s]) => s);
    }
  }
  return out;
}

function keyName(pair: Pair<unknown, unknown>): string | undefined {
  const k = pair.key;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  return undefined;
}

function isNull(v: YamlNode | null | undefined): boolean {
  return v === null || v === undefined || (isScalar(v) && v.value === null);
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function shortName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The nearest `.demarc.yaml` from `startDir` upwards. The search stops at the folder holding `.git`
 * (the repository root), at `stopAt` when given (an editor's workspace folder), or at the file-system root,
 * so a project file outside the project never applies by accident.
 */
export function findProjectConfig(startDir: string, host: Host, stopAt?: string, memo?: Map<string, string | undefined>): string | undefined {
  let dir = startDir.replace(/\/+$/, '') || '/';
  const stop = stopAt?.replace(/\/+$/, '') || undefined;
  // With `memo`, every folder walked through remembers the answer, so sibling folders stop at their shared parent.
  const key = (d: string) => `${d}\u0000${stop ?? ''}`;
  const walked: string[] = [];
  const answer = (found: string | undefined) => {
    if (memo) for (const d of walked) memo.set(key(d), found);
    return found;
  };
  for (;;) {
    if (memo?.has(key(dir))) return answer(memo.get(key(dir)));
    walked.push(dir);
    const entries = host.readDir(dir);
    if (entries) {
      for (const name of PROJECT_FILE_NAMES) if (entries.some((e) => e.name === name && !e.isDirectory)) return answer(dir === '/' ? `/${name}` : `${dir}/${name}`);
      if (entries.some((e) => e.name === '.git')) return answer(undefined);
    }
    if (dir === stop) return answer(undefined);
    const i = dir.lastIndexOf('/');
    if (i < 0 || dir === '/' || /^[A-Za-z]:$/.test(dir)) return answer(undefined);
    const parent = i === 0 ? '/' : dir.slice(0, i);
    if (parent === dir) return answer(undefined);
    dir = parent;
  }
}

/**
 * Finds and parses the project file for `dir` in one step (what the language server and the commands need).
 * `config` is absent when there is no file or when it has errors; `problems` then say why.
 */
export function loadProjectConfig(dir: string, host: Host, stopAt?: string, options: ParseConfigOptions = {}, cache?: ProjectConfigCache): LoadedProjectConfig {
  const path = findProjectConfig(dir, host, stopAt, cache?.found);
  if (!path) return { problems: [] };
  let text: string | undefined;
  let reason = 'cannot read the file';
  try {
    text = host.readFile(path);
  } catch (e) {
    reason = `cannot read the file: ${(e as Error).message}`;
  }
  if (text === undefined) return { path, problems: [{ file: path, severity: 'error', code: 'config-unreadable', message: reason, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
  const seen = cache?.parsed.get(path);
  if (seen && seen.text === text) return seen.result;
  const { config, problems } = parseProjectConfig(text, path, options);
  const result = problems.some((p) => p.severity === 'error') ? { path, problems } : { path, config, problems };
  cache?.parsed.set(path, { text, result });
  return result;
}

export interface LoadedProjectConfig {
  config?: ProjectConfig;
  problems: Problem[];
  path?: string;
}

/**
 * What loadProjectConfig may keep between calls (the language server asks once per unit): which project file applies
 * from a folder, and the last parse of each file (reused while its text is the same). Clear `found` when a project
 * file appears or goes.
 */
export interface ProjectConfigCache {
  found: Map<string, string | undefined>;
  parsed: Map<string, { text: string; result: LoadedProjectConfig }>;
}

/** Path of `file` relative to the project root, or undefined when it lies outside. */
export function relativeToRoot(file: string, root: string | undefined): string | undefined {
  if (!root) return undefined;
  const base = root.endsWith('/') ? root : `${root}/`;
  return file.startsWith(base) ? file.slice(base.length) : undefined;
}

const matcherCache = new WeakMap<ProjectConfig, (rel: string) => boolean>();

/** True when the project file's `exclude` covers `file` (a pattern naming a folder covers everything below it). */
export function isExcluded(file: string, config: ProjectConfig): boolean {
  if (config.exclude.length === 0) return false;
  const rel = relativeToRoot(file, config.root);
  if (rel === undefined) return false;
  let m = matcherCache.get(config);
  if (!m) {
    const patterns = config.exclude.flatMap((g) => {
      const p = g.replace(/^\.\//, '').replace(/\/+$/, '');
      return [p, `${p}/**`];
    });
    m = picomatch(patterns, { dot: true });
    matcherCache.set(config, m);
  }
  return m(rel);
}

/** Rule switches, severity overrides and excluded paths, applied after the rules ran. */
export function applyProjectConfig(findings: Finding[], config: ProjectConfig): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = config.rules[f.ruleId];
    if (setting === 'off') continue;
    if (isExcluded(f.file, config)) continue;
    if (setting && setting !== 'on' && setting !== f.severity) {
      const where = config.path ? shortName(config.path) : 'the project file';
      out.push({ ...f, severity: setting, notes: [...(f.notes ?? []), `severity ${f.severity} → ${setting} by ${where}`] });
    } else out.push(f);
  }
  return out;
}
