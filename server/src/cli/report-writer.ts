// The streamed report of `demarc scan`. Units arrive rendered (render-unit.ts) in any order; their findings' text
// goes to a spool and only a few numbers a finding stay in memory. Once every unit is in, the findings are sorted
// exactly as the one-piece formatters sort them (compareFindings, ties in unit order) and written out in chunks,
// with the report's frame (head, problems, summary) produced by the same builders as formatJson/formatSarif/formatText.
import { randomUUID } from 'node:crypto';
import { unitsToKeep, type Skipped, type Unit } from '../engine/analyze';
import { allRules } from '../engine/rules/registry';
import type { Host } from '../engine/source';
import { LineIndex } from '../engine/text';
import type { Problem, Severity } from '../engine/types';
import { SEVERITIES } from '../engine/types';
import { makeStyle } from './color';
import { jsonProblem, jsonReport } from './format/json';
import type { SummaryCounts } from './format/report';
import { sarifLog } from './format/sarif';
import { SUPPRESSED_HEADING, textTail } from './format/text';
import { BASELINE_FLAG, FRAGMENT_DEPTH, SUPPRESSED_FLAG, type RenderedProblem, type RenderedUnit, type RenderOptions } from './render-unit';
import { Spool } from './spool';

/** Where the report goes, a chunk at a time; a returned promise is awaited before the next chunk (backpressure). */
export type ReportSink = (chunk: Uint8Array) => void | Promise<void>;

const CHUNK = 256 * 1024;

/** Growable column of numbers. */
class Column<A extends Uint8Array | Uint32Array | Float64Array> {
  data: A;
  constructor(private readonly make: (n: number) => A) {
    this.data = make(1024);
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = v;
  }
}

interface UnitEntry {
  unit: Unit;
  files: RenderedUnit['files'];
  problems: RenderedProblem[];
  firstRow: number;
  rows: number;
}

/** Everything the report says besides the findings' own text, once every unit is in. */
export interface CollectedScan {
  /** Rows (findings) in report order, suppressed ones included. */
  order: Uint32Array;
  problems: RenderedProblem[];
  counts: Omit<SummaryCounts, 'problems' | 'skipped' | 'durationMs' | 'threshold'>;
  /** Paths of the files the kept units analyzed. */
  files: Set<string>;
}

export class ReportCollector {
  private readonly entries: (UnitEntry | undefined)[];
  private rows = 0;
  private readonly fileOf = new Column((n) => new Uint32Array(n));
  private readonly ruleOf = new Column((n) => new Uint32Array(n));
  private readonly lineOf = new Column((n) => new Uint32Array(n));
  private readonly charOf = new Column((n) => new Uint32Array(n));
  private readonly unitOf = new Column((n) => new Uint32Array(n));
  private readonly flagsOf = new Column((n) => new Uint8Array(n));
  private readonly offsetOf = new Column((n) => new Float64Array(n));
  private readonly lengthOf = new Column((n) => new Uint32Array(n));
  private readonly markOf = new Column((n) => new Uint32Array(n));
  private readonly fileIds = new Map<string, number>();
  private readonly fileNames: string[] = [];
  private readonly ruleIds = new Map<string, number>();
  private readonly ruleNames: string[] = [];

  constructor(
    units: readonly Unit[],
    readonly spool: Spool,
  ) {
    this.entries = new Array(units.length);
  }

  /** Takes a unit's rendered part; any order, each unit once. */
  add(index: number, r: RenderedUnit): void {
    if (this.entries[index]) throw new Error(`unit ${index} (${r.unit.path}) reported twice`);
    const n = r.findingFiles.length;
    const first = this.rows;
    let at = this.spool.append(r.bytes);
    for (let i = 0; i < n; i++) {
      const row = first + i;
      this.fileOf.set(row, intern(this.fileIds, this.fileNames, r.findingFiles[i]!));
      this.ruleOf.set(row, intern(this.ruleIds, this.ruleNames, r.ruleIds[i]!));
      this.lineOf.set(row, r.positions[i * 2]!);
      this.charOf.set(row, r.positions[i * 2 + 1]!);
      this.unitOf.set(row, index);
      this.flagsOf.set(row, r.flags[i]!);
      this.offsetOf.set(row, at);
      this.lengthOf.set(row, r.lengths[i]!);
      this.markOf.set(row, r.marks[i]!);
      at += r.lengths[i]!;
    }
    this.rows += n;
    this.entries[index] = { unit: r.unit, files: r.files, problems: r.problems, firstRow: first, rows: n };
  }

  has(index: number): boolean {
    return this.entries[index] !== undefined;
  }

  /**
   * Leaves out the units another unit calls as a local module (as mergeResults does) and orders the findings.
   * `host` reads a file again only for a problem located in a file of another unit, which never happens in practice.
   */
  finish(discoverProblems: Problem[], host: Host | undefined): CollectedScan {
    const kept = unitsToKeep(this.entries.filter((e): e is UnitEntry => e !== undefined));
    const files = new Set<string>();
    for (const e of kept) for (const f of e.files) files.add(f.path);

    const problems: RenderedProblem[] = discoverProblems.map((p) => (p.range ? { problem: p, range: p.range } : { problem: p }));
    for (const e of kept) for (const p of e.problems) problems.push(p.range || !p.problem.span ? p : lateRange(p, files, host));

    let total = 0;
    for (const e of kept) total += e.rows;
    const order = new Uint32Array(total);
    let k = 0;
    for (const e of kept) for (let i = 0; i < e.rows; i++) order[k++] = e.firstRow + i;
    const fileRank = ranks(this.fileNames);
    const ruleRank = ranks(this.ruleNames);
    const file = this.fileOf.data;
    const rule = this.ruleOf.data;
    const line = this.lineOf.data;
    const char = this.charOf.data;
    const unit = this.unitOf.data;
    // compareFindings on the numbers; equal findings keep unit order, then their order within the unit.
    order.sort((a, b) => fileRank[file[a]!]! - fileRank[file[b]!]! || line[a]! - line[b]! || char[a]! - char[b]! || ruleRank[rule[a]!]! - ruleRank[rule[b]!]! || unit[a]! - unit[b]! || a - b);

    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    const rankToSeverity: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
    const activeFiles = new Set<number>();
    let active = 0;
    let baselined = 0;
    for (const row of order) {
      const f = this.flagsOf.data[row]!;
      if (f & BASELINE_FLAG) baselined++;
      if (f & SUPPRESSED_FLAG) continue;
      active++;
      bySeverity[rankToSeverity[f & 7]!]++;
      activeFiles.add(file[row]!);
    }
    return { order, problems, files, counts: { findings: active, bySeverity, suppressed: total - active, baselined, filesWithFindings: activeFiles.size, filesScanned: files.size } };
  }

  /** Writes the whole report. */
  async write(c: CollectedScan, frame: ReportFrame, sink: ReportSink): Promise<void> {
    const out = new ChunkWriter(sink);
    if (frame.render.format === 'text') await this.writeText(c, frame, out);
    else await this.writeJsonLike(c, frame, out);
    await out.end();
  }

  private async writeJsonLike(c: CollectedScan, frame: ReportFrame, out: ChunkWriter): Promise<void> {
    const { render } = frame;
    const summary = summaryOf(c, frame);
    const rawProblems = c.problems.map((p) => p.problem);
    const skeleton = (findings: unknown[]) =>
      `${JSON.stringify(
        render.format === 'json'
          ? jsonReport(frame.toolVersion, findings as never[], c.problems.map((p) => jsonProblem(p.problem, p.range, render.cwd)), frame.skipped, summary, render.cwd)
          : sarifLog(frame.toolVersion, render.cwd, allRules().map((x) => x.meta), findings, rawProblems),
        null,
        2,
      )}\n`;
    if (c.order.length === 0) {
      await out.text(skeleton([]));
      return;
    }
    // The frame is stringified around a placeholder element, which the findings then replace one by one.
    const placeholder = `demarc-findings-${randomUUID()}`;
    const frameText = skeleton([placeholder]);
    const cut = frameText.indexOf(`"${placeholder}"`);
    await out.text(frameText.slice(0, cut));
    const separator = `,\n${' '.repeat(2 * FRAGMENT_DEPTH[render.format as 'json' | 'sarif'])}`;
    const seen = render.format === 'sarif' ? new Map<string, number>() : undefined;
    for (let i = 0; i < c.order.length; i++) {
      const row = c.order[i]!;
      if (i > 0) await out.text(separator);
      const bytes = this.spool.read(this.offsetOf.data[row]!, this.lengthOf.data[row]!);
      if (!seen) {
        await out.bytes(bytes);
        continue;
      }
      // Fingerprints: `hash:` is rendered; the occurrence number counts equal hashes in report order.
      const mark = this.markOf.data[row]!;
      const hash = bytes.toString('latin1', mark - 33, mark - 1);
      const n = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, n);
      await out.bytes(bytes.subarray(0, mark));
      await out.text(String(n));
      await out.bytes(bytes.subarray(mark));
    }
    await out.text(frameText.slice(cut + placeholder.length + 2));
  }

  private async writeText(c: CollectedScan, frame: ReportFrame, out: ChunkWriter): Promise<void> {
    const { render } = frame;
    const style = makeStyle(render.color);
    const flags = this.flagsOf.data;
    const file = this.fileOf.data;
    let lastFile = -1;
    let suppressed = 0;
    for (const row of c.order) {
      if (flags[row]! & SUPPRESSED_FLAG) {
        suppressed++;
        continue;
      }
      if (lastFile !== -1 && file[row] !== lastFile) await out.text('\n');
      lastFile = file[row]!;
      await out.bytes(this.spool.read(this.offsetOf.data[row]!, this.lengthOf.data[row]!));
      await out.text('\n');
    }
    if (render.quiet) return;
    if (render.verbose && suppressed > 0) {
      await out.text(`${SUPPRESSED_HEADING(style)}\n`);
      for (const row of c.order) {
        if (!(flags[row]! & SUPPRESSED_FLAG)) continue;
        await out.bytes(this.spool.read(this.offsetOf.data[row]!, this.lengthOf.data[row]!));
        await out.text('\n');
      }
    }
    for (const line of textTail(c.problems, frame.skipped, summaryOf(c, frame), render.cwd, { style, quiet: render.quiet, verbose: render.verbose })) await out.text(`${line}\n`);
  }
}

/** What the report says besides the units' results. */
export interface ReportFrame {
  render: RenderOptions;
  toolVersion: string;
  skipped: Skipped[];
  durationMs: number;
}

export function summaryOf(c: CollectedScan, frame: ReportFrame): SummaryCounts {
  return {
    findings: c.counts.findings,
    bySeverity: c.counts.bySeverity,
    suppressed: c.counts.suppressed,
    baselined: c.counts.baselined,
    problems: c.problems.length,
    filesWithFindings: c.counts.filesWithFindings,
    filesScanned: c.counts.filesScanned,
    skipped: frame.skipped.length,
    durationMs: Math.round(frame.durationMs),
    threshold: frame.render.threshold,
  };
}

/** Collects small writes into chunks of CHUNK bytes for the sink; bytes given to it are copied at once. */
class ChunkWriter {
  private buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  constructor(private readonly sink: ReportSink) {}

  async text(s: string): Promise<void> {
    if (s.length * 3 <= CHUNK - this.used) {
      this.used += this.buf.write(s, this.used);
      return;
    }
    await this.bytes(Buffer.from(s));
  }

  async bytes(b: Uint8Array): Promise<void> {
    let from = 0;
    while (from < b.length) {
      const n = Math.min(b.length - from, CHUNK - this.used);
      this.buf.set(b.subarray(from, from + n), this.used);
      this.used += n;
      from += n;
      if (this.used === CHUNK) await this.flush();
    }
  }

  async end(): Promise<void> {
    if (this.used > 0) await this.flush();
  }

  private async flush(): Promise<void> {
    // A fresh buffer each time: an asynchronous sink may still hold the one just handed over.
    const full = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
    await this.sink(full);
  }
}

function intern(ids: Map<string, number>, names: string[], s: string): number {
  let id = ids.get(s);
  if (id === undefined) {
    id = names.length;
    ids.set(s, id);
    names.push(s);
  }
  return id;
}

/** Each name's position in code-unit order (the `<` of compareFindings). */
function ranks(names: string[]): Uint32Array {
  const sorted = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  const rank = new Uint32Array(names.length);
  sorted.forEach((id, r) => (rank[id] = r));
  return rank;
}

/** A problem whose span lies in a file of another unit: its range from that file, read again. */
function lateRange(p: RenderedProblem, files: Set<string>, host: Host | undefined): RenderedProblem {
  const span = p.problem.span!;
  if (!host || !files.has(span.file)) return p;
  let text: string | undefined;
  try {
    text = host.readFile(span.file);
  } catch {
    text = undefined;
  }
  return text === undefined ? p : { problem: p.problem, range: new LineIndex(text).rangeOf(span.start, span.end) };
}
