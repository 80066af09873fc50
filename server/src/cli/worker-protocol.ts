// Messages between the analysis workers (server/src/cli/worker.ts) and `demarc scan`, `demarc report` or the language
// server. Every message is plain data, so it crosses the thread boundary by structured clone: no class instances, no
// functions.
import type { AnalyzeOptions, Unit, UnitResult } from '../engine/analyze';
import { lazySourceFile } from '../engine/files';
import type { FileKind } from '../engine/source';
import type { Finding, Problem } from '../engine/types';
import type { MatrixJob, MatrixUnit } from './matrix-unit';
import type { RenderedUnit, RenderOptions } from './render-unit';

/** The options a worker can use: `signal` is a live object on the main thread and stays there. */
export type WorkerOptions = Omit<AnalyzeOptions, 'signal'>;

export interface WorkerInit {
  options: WorkerOptions;
  /** Given: answer each unit with its rendered report part (RenderedUnit). */
  render?: RenderOptions;
  /** Given: answer each unit with its matrix rows (MatrixUnit, `demarc report`). Neither: with a WireUnitResult. */
  matrix?: MatrixJob;
  /** Read nothing outside these folders (the language server in an untrusted workspace); absent: no limit. */
  restrictTo?: string[];
  /** Given: answer with a ChunkedUnitResult, findings as JSON text this many at a time (the language server). */
  findingChunk?: number;
}

/** Units to analyze; a unit's own `options` (the language server's, per folder) replace the worker's. */
export type ToWorker = { type: 'units'; batch: { index: number; unit: Unit; options?: WorkerOptions }[] } | { type: 'exit' };

/** A file as analyzed; the main thread rebuilds the line index only when an output format needs it. */
export interface WireFile {
  path: string;
  kind: FileKind;
  text: string;
}

/** What the CLI needs from a `UnitResult`: the model resources and comments stay in the worker. */
export interface WireUnitResult {
  unit: Unit;
  files: WireFile[];
  findings: Finding[];
  problems: Problem[];
}

/**
 * The language server's form of a WireUnitResult: the findings as JSON text, in chunks. A structured clone of 5,000
 * findings is taken apart in one piece on the receiving thread (15 to 50 ms); chunks of text can be parsed one at a
 * time, with the server's requests answered in between.
 */
export interface ChunkedUnitResult extends Omit<WireUnitResult, 'findings'> {
  findingsJson: string[];
}

export type UnitPayload = WireUnitResult | ChunkedUnitResult | RenderedUnit | MatrixUnit;

export type FromWorker =
  | { type: 'results'; results: { index: number; result: UnitPayload }[] }
  | { type: 'failed'; index: number; message: string };

export function toWire(r: UnitResult): WireUnitResult {
  return { unit: r.unit, files: r.files.map((f) => ({ path: f.path, kind: f.kind, text: f.text })), findings: r.findings, problems: r.problems };
}

export function toChunkedWire(r: UnitResult, chunk: number): ChunkedUnitResult {
  const { findings, ...rest } = toWire(r);
  const findingsJson: string[] = [];
  for (let i = 0; i < findings.length; i += chunk) findingsJson.push(JSON.stringify(findings.slice(i, i + chunk)));
  return { ...rest, findingsJson };
}

/** A worker's result as a UnitResult without models or comments; line indexes are built when first asked for. */
export function fromWire(w: WireUnitResult): UnitResult {
  return { unit: w.unit, files: w.files.map(lazySourceFile), comments: new Map(), sourceResources: [], resources: [], findings: w.findings, problems: w.problems };
}
