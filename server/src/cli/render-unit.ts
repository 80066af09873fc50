// One analyzed unit turned into what the streamed report needs, where the unit's files are at hand (in the worker
// thread that analyzed it): each finding's output text already rendered and UTF-8 encoded, plus the few figures the
// main thread sorts and counts by. Neither the files' text nor Finding objects travel to the main thread, so its
// memory does not grow with the size of the workspace beyond a few dozen bytes a finding.
import type { Unit, UnitResult } from '../engine/analyze';
import type { FileKind, SourceFile } from '../engine/source';
import type { Finding, Problem, Range, Severity } from '../engine/types';
import { severityRank } from '../engine/types';
import { applyBaseline, baselineEntries, type Baseline, type BaselineEntry } from './baseline';
import { makeStyle } from './color';
import { jsonFinding } from './format/json';
import { compareFindings, problemRange } from './format/report';
import { FINGERPRINT_KEY, fingerprintHash, ruleIndexes, sarifResult } from './format/sarif';
import { shownFindingText, suppressedFindingText, type TextOptions } from './format/text';

export type ScanFormat = 'text' | 'json' | 'sarif';

/** How findings are rendered: the same in every thread of one scan. Plain data (sent to the workers). */
export interface RenderOptions {
  format: ScanFormat;
  /** Paths in the output are relative to it. */
  cwd: string;
  /** Findings below it are left out of the report. */
  threshold: Severity;
  /** Text format: ANSI colors. */
  color: boolean;
  quiet: boolean;
  verbose: boolean;
  /** Findings it accepts are suppressed (tool "baseline"). */
  baseline?: Baseline;
  /** --write-baseline: the baseline file's path; each unit then lists its entries. */
  writeBaselineTo?: string;
}

/**
 * How deep a finding sits in the `JSON.stringify(report, null, 2)` of the whole report (JSON: report → findings,
 * SARIF: log → runs → run → results), so that one stringified on its own lines up with it.
 */
export const FRAGMENT_DEPTH: Record<Exclude<ScanFormat, 'text'>, number> = { json: 2, sarif: 4 };

export interface RenderedProblem {
  problem: Problem;
  /** The range the text and JSON outputs show: the problem's own, or computed from its span in the unit's files. */
  range?: Range;
}

/** Bit of `RenderedUnit.flags` for a suppressed finding; the low bits hold the severity rank. */
export const SUPPRESSED_FLAG = 8;
/** Bit of `RenderedUnit.flags` for a finding the baseline suppressed (SUPPRESSED_FLAG is set too). */
export const BASELINE_FLAG = 16;

export interface RenderedUnit {
  unit: Unit;
  /** Every file the unit analyzed (its own and the local modules it called), for `files scanned` and module calls. */
  files: { path: string; kind: FileKind }[];
  problems: RenderedProblem[];
  /** Per finding at or above the threshold, in report order within the unit: */
  findingFiles: string[];
  ruleIds: string[];
  /** line, character (0-based) of each finding's start, two entries a finding. */
  positions: Uint32Array;
  /** severityRank | SUPPRESSED_FLAG. */
  flags: Uint8Array;
  /** Byte length of each finding's rendered text in `bytes` (0 when the format does not show it). */
  lengths: Uint32Array;
  /** SARIF: byte offset within each finding's text where its fingerprint's occurrence number goes. */
  marks: Uint32Array;
  /** The rendered findings, UTF-8, one after another. */
  bytes: Uint8Array;
  /** With RenderOptions.writeBaselineTo: the unit's findings (any severity) as baseline entries. */
  baseline?: BaselineEntry[];
  /** With RenderOptions.baseline: the keys of the entries the unit's findings matched (any severity). */
  baselineMatched?: number[];
}

/** The ArrayBuffers a RenderedUnit can hand over to another thread without copying. */
export function transferList(r: RenderedUnit): ArrayBuffer[] {
  return [r.positions.buffer, r.flags.buffer, r.lengths.buffer, r.marks.buffer, r.bytes.buffer] as ArrayBuffer[];
}

/** Reused between units: rendering encodes into it, then copies out the exact bytes. */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);
const SCRATCH_MAX = 16 * 1024 * 1024;
let sarifRuleIndex: Map<string, number> | undefined;

export function renderUnit(result: Pick<UnitResult, 'unit' | 'files' | 'findings' | 'problems'>, o: RenderOptions): RenderedUnit {
  const files = new Map<string, SourceFile>(result.files.map((f) => [f.path, f]));
  const ctx = { cwd: o.cwd, files };
  const min = severityRank(o.threshold);
  const written = o.writeBaselineTo !== undefined ? baselineEntries(result.findings, files, o.writeBaselineTo) : undefined;
  const matched = o.baseline ? applyBaseline(result.findings, files, o.baseline) : undefined;
  // A stable sort: findings that compare equal keep the engine's order, as in the one-piece report.
  const findings = result.findings.filter((f) => severityRank(f.severity) >= min).sort(compareFindings);
  const n = findings.length;
  const positions = new Uint32Array(n * 2);
  const flags = new Uint8Array(n);
  const lengths = new Uint32Array(n);
  const marks = new Uint32Array(n);
  const texts: string[] = [];
  const markAt: number[] = [];
  let chars = 0;
  const style = makeStyle(o.color);
  const textOptions: TextOptions = { style, quiet: o.quiet, verbose: o.verbose };
  for (let i = 0; i < n; i++) {
    const f = findings[i]!;
    positions[i * 2] = f.range.start.line;
    positions[i * 2 + 1] = f.range.start.character;
    flags[i] = severityRank(f.severity) | (f.suppressedBy ? SUPPRESSED_FLAG : 0) | (f.suppressedBy?.tool === 'baseline' ? BASELINE_FLAG : 0);
    const text = renderFinding(f, ctx, o, textOptions);
    // SARIF: the occurrence number after `hash:` depends on the findings before this one in the whole report; the
    // main thread writes it in at `marks[i]`.
    if (o.format === 'sarif') markAt.push(text.indexOf(`"${FINGERPRINT_KEY}": "`) + FINGERPRINT_KEY.length + 5 + 33);
    texts.push(text);
    chars += text.length;
  }
  // Encoded straight into one buffer (at most 3 bytes a UTF-16 unit), which also gives each finding's byte length.
  // A unit with an outsize report gets a buffer of its own rather than growing the one kept between units.
  if (scratch.length < chars * 3 && chars * 3 <= SCRATCH_MAX) scratch = Buffer.allocUnsafeSlow(Math.max(chars * 3, scratch.length * 2));
  const buf = scratch.length >= chars * 3 ? scratch : Buffer.allocUnsafeSlow(chars * 3);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const text = texts[i]!;
    if (o.format === 'sarif') {
      marks[i] = buf.write(text.slice(0, markAt[i]), used);
      lengths[i] = marks[i]! + buf.write(text.slice(markAt[i]), used + marks[i]!);
    } else lengths[i] = buf.write(text, used);
    used += lengths[i]!;
  }
  // A buffer of its own, exactly this size, to hand over to the main thread.
  const bytes = new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + used));
  return {
    unit: result.unit,
    files: result.files.map((f) => ({ path: f.path, kind: f.kind })),
    problems: result.problems.map((p) => {
      const range = problemRange(p, files);
      return range ? { problem: p, range } : { problem: p };
    }),
    findingFiles: findings.map((f) => f.file),
    ruleIds: findings.map((f) => f.ruleId),
    positions,
    flags,
    lengths,
    marks,
    bytes,
    ...(written ? { baseline: written } : {}),
    ...(matched ? { baselineMatched: matched } : {}),
  };
}

function renderFinding(f: Finding, ctx: { cwd: string; files: Map<string, SourceFile> }, o: RenderOptions, t: TextOptions): string {
  switch (o.format) {
    case 'json':
      return stringifyAtDepth(jsonFinding(f, ctx), FRAGMENT_DEPTH.json);
    case 'sarif': {
      sarifRuleIndex ??= ruleIndexes();
      const hash = fingerprintHash(f, ctx.files.get(f.file));
      return stringifyAtDepth(sarifResult(f, ctx, sarifRuleIndex, `${hash}:`, o.baseline !== undefined), FRAGMENT_DEPTH.sarif);
    }
    case 'text':
      if (!f.suppressedBy) return shownFindingText(f, ctx.cwd, t);
      // Suppressed findings are listed only in verbose mode, and never with --quiet.
      return o.verbose && !o.quiet ? suppressedFindingText(f, ctx.cwd, t.style) : '';
  }
}

/**
 * `JSON.stringify(value, null, 2)` as it reads `depth` levels down in a larger document: the value is stringified
 * inside as many one-element arrays, whose brackets are then cut off (cheaper than re-indenting the text).
 */
export function stringifyAtDepth(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each level adds "[\n" + its indent before the value and "\n" + its indent + "]" after it.
  let head = 0;
  let tail = 0;
  for (let i = 0; i < depth; i++) {
    head += 2 + 2 * (i + 1);
    tail += 2 + 2 * i;
  }
  return text.slice(head, text.length - tail);
}
