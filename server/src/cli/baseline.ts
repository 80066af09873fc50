// Baselines (`demarc scan --write-baseline FILE`, `--baseline FILE`): adopting Demarc on existing code without
// fixing or annotating every old finding first. A baseline lists the findings a scan accepted, each by file and by
// the same line-independent fingerprint as SARIF's partialFingerprints (rule, resource, the normalized text of its
// line), so findings that only moved keep matching and a new or changed one does not. A later scan treats matched
// findings as suppressed (tool "baseline"): they are not shown or counted unless --verbose, and SARIF marks them as
// externally suppressed. Paths in the file are relative to the file's own folder, so it works from any folder and in
// any clone.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../engine/source';
import type { Finding } from '../engine/types';
import { parseJsonTree } from '../engine/parse/cloudformation/json';
import { errnoText } from '../host/errno';
import { NOT_REGULAR, readRegularFile } from '../host/read-regular';
import { toEnginePath } from '../host/node-host';
import { UsageError } from './args';
import { fingerprintHash, sha256Hex } from '../shared/fingerprint';

export const BASELINE_VERSION = 1;

/** One accepted finding. `line` and `message` are for the people reviewing the file; matching ignores them. */
export interface BaselineEntry {
  file: string;
  ruleId: string;
  resource: string | null;
  fingerprint: string;
  line: number;
  message: string;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  tool: 'demarc';
  findings: BaselineEntry[];
}

/**
 * A baseline as the scan applies it: plain data sent to every worker thread. Each entry is one number (entryKey), and
 * the numbers are sorted, so a baseline of 200,000 findings is 1.6 MB in every thread and a lookup is a binary search.
 * An entry listed twice accepts two identical findings: identical findings on identical lines of one file are told
 * apart by number only.
 */
export interface Baseline {
  /** Absolute folder of the baseline file: entry paths are relative to it. */
  dir: string;
  /** The baseline file as the user wrote it, for messages and the suppression's id. */
  shown: string;
  keys: Float64Array;
}

/**
 * A finding's file (relative to the baseline) and fingerprint as one number: the first 52 bits of the SHA-256 of both
 * (a double holds 53 exactly). The same finding in two files (copies of one stack per environment) gets two unrelated
 * keys; a new finding matches an unrelated entry of a 200,000-entry baseline with a chance of about 1 in 2 × 10^10.
 */
export function entryKey(file: string, fingerprint: string): number {
  return parseInt(sha256Hex(`${file}\u0000${fingerprint}`).slice(0, 13), 16);
}

/** `path` relative to `dir`, with forward slashes (the engine's paths are absolute with forward slashes). */
function relativeTo(dir: string, path: string): string {
  return toEnginePath(nodePath.relative(dir, path));
}

/**
 * A baseline as read: what the threads apply, and, for the main thread's check of unmatched entries, each entry's
 * file (`files[fileOf[i]]` for `baseline.keys[i]`).
 */
export interface LoadedBaseline {
  baseline: Baseline;
  files: string[];
  fileOf: Uint32Array;
}

/** Reads and checks a baseline file; anything wrong is a UsageError naming the file (and the position, for JSON). */
export function readBaseline(path: string, shown: string): LoadedBaseline {
  let text: string;
  try {
    // Read as bytes, then decoded: readFileSync(path, 'utf8') takes about half as long again on a 70 MB file.
    // A folder, a pipe or a device is refused without reading (a pipe would wait for a writer forever).
    text = readRegularFile(path).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === NOT_REGULAR || code === 'EISDIR') throw new UsageError(`the baseline ${shown} is not a file`);
    throw new UsageError(code === 'ENOENT' ? `baseline not found: ${shown} (create it with --write-baseline)` : `cannot read the baseline ${shown}: ${errnoText(e)}`);
  }
  return parseBaseline(text, path, shown);
}

/** A baseline file's text, checked; `path` is where it is (entries are relative to its folder). Throws UsageError. */
export function parseBaseline(text: string, path: string, shown: string): LoadedBaseline {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`the baseline ${shown} is not valid JSON: ${jsonError(text, e)}`);
  }
  const bad = (what: string) => new UsageError(`the baseline ${shown} ${what}; write a new one with --write-baseline`);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw bad('is not a JSON object');
  const o = data as Record<string, unknown>;
  if (o.version !== BASELINE_VERSION) throw bad(`has version ${JSON.stringify(o.version)}, and this Demarc reads version ${BASELINE_VERSION}`);
  if (!Array.isArray(o.findings)) throw bad('has no "findings" list');
  const n = o.findings.length;
  const unsortedKeys = new Float64Array(n);
  const unsortedFiles = new Uint32Array(n);
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  o.findings.forEach((entry: unknown, i: number) => {
    const e = entry as Partial<BaselineEntry> | null;
    if (!e || typeof e !== 'object' || typeof e.file !== 'string' || typeof e.fingerprint !== 'string' || !/^[0-9a-f]{32}$/.test(e.fingerprint)) {
      throw bad(`has an entry without a file and a 32-digit fingerprint (findings[${i}])`);
    }
    const file = e.file.replace(/\\/g, '/');
    let fi = fileIndex.get(file);
    if (fi === undefined) fileIndex.set(file, (fi = files.push(file) - 1));
    unsortedKeys[i] = entryKey(file, e.fingerprint);
    unsortedFiles[i] = fi;
  });
  // Sorted by key for binary search, each entry's file moving with it.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => unsortedKeys[a]! - unsortedKeys[b]!);
  const keys = new Float64Array(n);
  const fileOf = new Uint32Array(n);
  order.forEach((from, to) => {
    keys[to] = unsortedKeys[from]!;
    fileOf[to] = unsortedFiles[from]!;
  });
  return { baseline: { dir: toEnginePath(nodePath.dirname(path)), shown, keys }, files, fileOf };
}

/** Baselines from this size on are read in a worker thread (see readBaselineOffThread). */
export const OFF_THREAD_BASELINE_BYTES = 8 * 1024 * 1024;

export interface BaselineReadRequest {
  readBaseline: { path: string; shown: string };
}
export type BaselineReadReply = { loaded: LoadedBaseline } | { error: string; usage: boolean };

/**
 * readBaseline, in a worker thread (`script`, the scan worker) when the file is large: parsing a 60 MB baseline
 * grows the heap by a few hundred MB that the thread then keeps for the rest of the scan; a worker gives it back when
 * it ends, and hands over just the entries. Small files, or no worker script (running from sources), read here.
 */
export async function readBaselineOffThread(path: string, shown: string, script: string | undefined, threshold = OFF_THREAD_BASELINE_BYTES): Promise<LoadedBaseline> {
  let size = 0;
  try {
    size = fs.statSync(path).size;
  } catch {
    // readBaseline explains what is wrong with the path
  }
  if (!script || size < threshold) return readBaseline(path, shown);
  const request: BaselineReadRequest = { readBaseline: { path, shown } };
  const reply = await new Promise<BaselineReadReply>((resolve, reject) => {
    const worker = new Worker(script, { workerData: request });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the baseline reader stopped (exit code ${code})`)));
  });
  if ('loaded' in reply) return reply.loaded;
  if (reply.usage) throw new UsageError(reply.error);
  throw new Error(reply.error);
}

/** Where and why JSON.parse refused `text`: the first error of the engine's positioned JSON parser. */
function jsonError(text: string, e: unknown): string {
  const first = parseJsonTree(text).diagnostics[0];
  if (!first) return e instanceof Error ? e.message : String(e);
  const before = text.slice(0, first.start);
  const line = before.split('\n').length;
  const column = first.start - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}: ${first.message}`;
}

/** How many entries of the sorted `keys` equal `key`. */
function countOf(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  while (lo + n < keys.length && keys[lo + n] === key) n++;
  return n;
}

/**
 * Marks the findings of one unit that the baseline accepts as suppressed by it (setting `suppressedBy` on them: the
 * findings are this rendering's own). Findings already suppressed in the source keep that suppression and use up
 * nothing. Each unit has the baseline's full counts: a file belongs to one unit, except the files of a local module
 * two root modules both call.
 */
export function applyBaseline(findings: readonly Finding[], files: ReadonlyMap<string, SourceFile>, baseline: Baseline): number[] {
  const matched = matchBaseline(findings, files, baseline);
  for (const { finding: f } of matched) f.suppressedBy = { tool: 'baseline', id: baseline.shown, span: f.span };
  return matched.map((m) => m.key);
}

/**
 * The findings of one unit that the baseline accepts, with the key each used; nothing is changed. Findings suppressed
 * in the source are passed over. `files`: the unit's files, for the lines the fingerprints read.
 */
export function matchBaseline<F extends BaselineCandidate>(findings: readonly F[], files: ReadonlyMap<string, Pick<SourceFile, 'lines'>>, baseline: Baseline): { finding: F; key: number }[] {
  const matched: { finding: F; key: number }[] = [];
  const accept = baselineMatcher(baseline, files);
  for (const f of findings) {
    const key = accept(f);
    if (key !== undefined) matched.push({ finding: f, key });
  }
  return matched;
}

type BaselineCandidate = Pick<Finding, 'ruleId' | 'resource' | 'range' | 'file' | 'suppressedBy'>;

/**
 * Asked finding by finding (the language server converts a unit's findings in time slices): the key of the entry that
 * accepts it, or undefined. It counts what it accepted, so identical findings beyond the entry's count are new.
 */
export function baselineMatcher(baseline: Baseline, files: ReadonlyMap<string, Pick<SourceFile, 'lines'>>): (f: BaselineCandidate) => number | undefined {
  if (baseline.keys.length === 0) return () => undefined;
  const relative = new Map<string, string>();
  const used = new Map<number, number>();
  return (f) => {
    if (f.suppressedBy) return undefined;
    let rel = relative.get(f.file);
    if (rel === undefined) relative.set(f.file, (rel = relativeTo(baseline.dir, f.file)));
    const key = entryKey(rel, fingerprintHash(f, files.get(f.file)));
    const n = used.get(key) ?? 0;
    if (n >= countOf(baseline.keys, key)) return undefined;
    used.set(key, n + 1);
    return key;
  };
}

/**
 * How many of the baseline's entries, for files this scan analyzed, matched no finding: fixed findings, or lines
 * edited since. Left in the file, such an entry would accept the same finding if it came back exactly as it was.
 * `matched`: the keys the units used; `scanned`: whether a file (relative to the baseline's folder) was analyzed, so
 * that scanning part of a project does not call the rest of the baseline unmatched.
 */
export function unmatchedEntries(loaded: LoadedBaseline, matched: Iterable<number>, scanned: (file: string) => boolean): number {
  const used = new Map<number, number>();
  for (const k of matched) used.set(k, (used.get(k) ?? 0) + 1);
  const inScope = loaded.files.map(scanned);
  const { keys } = loaded.baseline;
  let unmatched = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const n = used.get(k) ?? 0;
    if (n > 0) used.set(k, n - 1);
    else if (inScope[loaded.fileOf[i]!]) unmatched++;
  }
  return unmatched;
}

/** The entries a baseline written to `baselinePath` gets for these findings: every finding not suppressed in the source. */
export function baselineEntries(findings: readonly Finding[], files: ReadonlyMap<string, SourceFile>, baselinePath: string): BaselineEntry[] {
  const dir = toEnginePath(nodePath.dirname(baselinePath));
  const out: BaselineEntry[] = [];
  for (const f of findings) {
    if (f.suppressedBy && f.suppressedBy.tool !== 'baseline') continue;
    out.push({ file: relativeTo(dir, f.file), ruleId: f.ruleId, resource: f.resource ?? null, fingerprint: fingerprintHash(f, files.get(f.file)), line: f.range.start.line + 1, message: f.message });
  }
  return out;
}

/**
 * The baseline file's text: one finding a line (a regenerated file diffs line by line, and is smaller than indented
 * JSON), sorted by file, line and rule.
 */
export function baselineText(entries: BaselineEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0)));
  const rows = sorted.map((e) => `    ${JSON.stringify({ file: e.file, line: e.line, ruleId: e.ruleId, resource: e.resource, fingerprint: e.fingerprint, message: e.message })}`);
  return `{\n  "version": ${BASELINE_VERSION},\n  "tool": "demarc",\n  "findings": [${rows.length ? `\n${rows.join(',\n')}\n  ` : ''}]\n}\n`;
}
