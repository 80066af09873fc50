// Baselines (`demarc scan --write-baseline FILE`, `--baseline FILE`): adopting Demarc on existing code without
// fixing or annotating every old finding first. A baseline lists the findings a scan accepted, each by file and by
// the same line-independent fingerprint as SARIF's partialFingerprints (rule, resource, the normalized text of its
// line), so findings that only moved keep matching and a new or changed one does not. A later scan treats matched
// findings as suppressed (tool "baseline"): they are not shown or counted unless --verbose, and SARIF marks them as
// externally suppressed. Paths in the file are relative to the file's own folder, so it works from any folder and in
// any clone.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { SourceFile } from '../engine/source';
import type { Finding } from '../engine/types';
import { toEnginePath } from '../host/node-host';
import { UsageError } from './args';
import { fingerprintHash } from './format/sarif';

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
 * A baseline as the scan applies it (plain data: it is sent to the worker threads). `counts`: how many findings each
 * `file \0 fingerprint` key accepts; identical findings on identical lines of one file are told apart by number only.
 */
export interface Baseline {
  /** Absolute folder of the baseline file: entry paths are relative to it. */
  dir: string;
  /** The baseline file as the user wrote it, for messages and the suppression's id. */
  shown: string;
  counts: [string, number][];
}

function key(file: string, fingerprint: string): string {
  return `${file}\u0000${fingerprint}`;
}

/** `path` relative to `dir`, with forward slashes (the engine's paths are absolute with forward slashes). */
function relativeTo(dir: string, path: string): string {
  return toEnginePath(nodePath.relative(dir, path));
}

/** Reads and checks a baseline file; anything wrong is a UsageError naming the file (and the position, for JSON). */
export function readBaseline(path: string, shown: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `baseline not found: ${shown} (create it with --write-baseline)` : `cannot read the baseline ${shown}: ${(e as Error).message}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`the baseline ${shown} is not valid JSON${jsonErrorPosition(text, (e as Error).message)}: ${(e as Error).message}`);
  }
  const bad = (what: string) => new UsageError(`the baseline ${shown} ${what}; write a new one with --write-baseline`);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw bad('is not a JSON object');
  const o = data as Record<string, unknown>;
  if (o.version !== BASELINE_VERSION) throw bad(`has version ${JSON.stringify(o.version)}, and this Demarc reads version ${BASELINE_VERSION}`);
  if (!Array.isArray(o.findings)) throw bad('has no "findings" list');
  const counts = new Map<string, number>();
  o.findings.forEach((entry: unknown, i: number) => {
    const e = entry as Partial<BaselineEntry> | null;
    if (!e || typeof e !== 'object' || typeof e.file !== 'string' || typeof e.fingerprint !== 'string' || !/^[0-9a-f]{32}$/.test(e.fingerprint)) {
      throw bad(`has an entry without a file and a 32-digit fingerprint (findings[${i}])`);
    }
    const k = key(e.file.replace(/\\/g, '/'), e.fingerprint);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  return { dir: toEnginePath(nodePath.dirname(path)), shown, counts: [...counts] };
}

/** " at line L, column C" from a JSON.parse message that gives a position, else "". */
function jsonErrorPosition(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const offset = Math.min(Number(m[1]), text.length);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return ` at line ${line}, column ${column}`;
}

/**
 * Marks the findings the baseline accepts as suppressed by it (copies; the others are returned as they are). Findings
 * already suppressed in the source keep that suppression and use up nothing. Each call has the baseline's full counts:
 * a file belongs to one unit, except the files of a local module two root modules both call.
 */
export function applyBaseline(findings: Finding[], files: ReadonlyMap<string, SourceFile>, baseline: Baseline, counts: Map<string, number> = new Map(baseline.counts)): Finding[] {
  return findings.map((f) => {
    if (f.suppressedBy) return f;
    const k = key(relativeTo(baseline.dir, f.file), fingerprintHash(f, files.get(f.file)));
    const left = counts.get(k);
    if (!left) return f;
    counts.set(k, left - 1);
    return { ...f, suppressedBy: { tool: 'baseline', id: baseline.shown, span: f.span } };
  });
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

/** The baseline file's text: entries sorted by file, line and rule, so that regenerating it gives a readable diff. */
export function baselineText(entries: BaselineEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0)));
  const file: BaselineFile = { version: BASELINE_VERSION, tool: 'demarc', findings: sorted };
  return `${JSON.stringify(file, null, 2)}\n`;
}
