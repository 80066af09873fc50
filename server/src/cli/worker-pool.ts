// Spreads the analysis units of `demarc scan` over worker threads (dist/scan-worker.js). Results arrive in any
// order; the consumers put them back in unit order (mergeResults, or the streamed report's sort), so the report is
// byte-for-byte the one a single thread produces. Small scans, tests that pass their own host, and runs from
// sources (no bundle next to this file) stay in-process.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeUnit, discover, mergeResults, type AnalysisResult, type AnalyzeOptions, type Unit, type UnitResult } from '../engine/analyze';
import type { Host } from '../engine/source';
import { matrixUnit, rowOptions, type MatrixJob, type MatrixUnit } from './matrix-unit';
import { renderUnit, type RenderedUnit, type RenderOptions } from './render-unit';
import { fromWire, toWire, type FromWorker, type ToWorker, type UnitPayload, type WireUnitResult, type WorkerInit, type WorkerOptions } from './worker-protocol';

/** Below this many units, starting threads costs more than it saves. */
export const DEFAULT_PARALLEL_MIN_UNITS = 50;

export interface ParallelOptions {
  /** Worker threads; 1 analyzes in-process. Default: os.availableParallelism(). */
  jobs?: number;
  /** Use workers only from this many units on. */
  minUnits?: number;
  /** The worker script; default: scan-worker.js next to the running bundle. */
  workerPath?: string;
  /** The host is not the file system (tests): workers, which read files themselves, cannot be used. */
  customHost?: boolean;
}

/** What `demarc scan` reports: the per-unit model resources and comments are not carried back from workers. */
export type ScanAnalysis = Pick<AnalysisResult, 'findings' | 'problems' | 'skipped' | 'files'> & { workers: number };

/** Where the bundled worker is, or undefined when running from sources (tsx), where no bundle exists. */
export function findWorkerScript(): string | undefined {
  const candidate = nodePath.join(__dirname, 'scan-worker.js');
  return fs.existsSync(candidate) ? candidate : undefined;
}

/** How many threads analyze `unitCount` units: 0 means in-process. */
export function threadCount(unitCount: number, parallel: ParallelOptions): { count: number; script: string | undefined } {
  const jobs = Math.max(1, Math.min(parallel.jobs ?? os.availableParallelism(), 64));
  const script = parallel.workerPath ?? findWorkerScript();
  const ok = !parallel.customHost && script !== undefined && jobs > 1 && unitCount >= (parallel.minUnits ?? DEFAULT_PARALLEL_MIN_UNITS);
  return { count: ok ? Math.min(jobs, unitCount) : 0, script };
}

/**
 * Analyzes every unit and renders its part of the report, in worker threads when worthwhile; `onUnit` gets each
 * unit's part as soon as it is ready, in completion order. Resolves with the number of threads used (0: in-process).
 */
export function renderUnits(units: Unit[], host: Host, options: AnalyzeOptions, render: RenderOptions, parallel: ParallelOptions, onUnit: (index: number, r: RenderedUnit) => void): Promise<number> {
  return eachUnit(units, options, { render }, parallel, (i) => renderUnit(analyzeUnit(units[i]!, host, options), render), onUnit);
}

/**
 * Analyzes every unit and makes its matrix rows (`demarc report`), in worker threads when worthwhile; `onUnit` gets
 * each unit's rows as soon as they are ready, in completion order. Resolves with the number of threads used.
 */
export function matrixUnits(units: Unit[], host: Host, options: AnalyzeOptions, job: MatrixJob, parallel: ParallelOptions, onUnit: (index: number, r: MatrixUnit) => void): Promise<number> {
  const opts = rowOptions(job.cwd, workerOptions(options));
  return eachUnit(units, options, { matrix: job }, parallel, (i) => matrixUnit(analyzeUnit(units[i]!, host, options), opts, job), onUnit);
}

/** `local` for every unit, in this thread or (with `job`, which the workers answer with the same payload) in workers. */
async function eachUnit<T extends UnitPayload>(units: Unit[], options: AnalyzeOptions, job: Omit<WorkerInit, 'options'>, parallel: ParallelOptions, local: (index: number) => T, onUnit: (index: number, r: T) => void): Promise<number> {
  const { count, script } = threadCount(units.length, parallel);
  if (count === 0) {
    for (let i = 0; i < units.length && !options.signal?.aborted; i++) onUnit(i, local(i));
    return 0;
  }
  await runWorkers(units, options, script!, count, job, local, (i, r) => onUnit(i, r as T));
  return count;
}

/** The whole merged result (findings with their files' text), for callers that want it in one piece. */
export async function analyzeForScan(roots: string[], host: Host, options: AnalyzeOptions, parallel: ParallelOptions = {}): Promise<ScanAnalysis> {
  const { units, skipped, problems } = discover(roots, host, options);
  const { count, script } = threadCount(units.length, parallel);
  if (count === 0) {
    const results: UnitResult[] = [];
    for (const unit of units) {
      if (options.signal?.aborted) break;
      results.push(analyzeUnit(unit, host, options));
    }
    return { ...mergeResults(results, skipped, problems), workers: 0 };
  }
  const wire: WireUnitResult[] = new Array(units.length);
  await runWorkers(units, options, script!, count, {}, (i) => toWire(analyzeUnit(units[i]!, host, options)), (i, r) => (wire[i] = r as WireUnitResult));
  return { ...mergeResults(wire.filter(Boolean).map(fromWire), skipped, problems), workers: count };
}

function workerOptions(options: AnalyzeOptions): WorkerOptions {
  const { signal: _signal, ...rest } = options;
  return rest;
}

function runWorkers(units: Unit[], options: AnalyzeOptions, script: string, count: number, job: Omit<WorkerInit, 'options'>, local: (index: number) => UnitPayload, onUnit: (index: number, r: UnitPayload) => void): Promise<void> {
  const done = new Uint8Array(units.length);
  // Small batches keep every thread busy to the end even when one unit (a huge template) is slow.
  const batchSize = Math.max(1, Math.min(16, Math.floor(units.length / (count * 8))));
  let next = 0;
  let live = count;
  const init: WorkerInit = { options: workerOptions(options), ...job };

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const deliver = (index: number, r: UnitPayload) => {
      if (done[index] || settled) return;
      done[index] = 1;
      try {
        onUnit(index, r);
      } catch (e) {
        fail(e);
      }
    };
    // A unit a worker could not finish is redone here, so an engine exception surfaces exactly as without workers.
    const inProcess = (index: number) => {
      if (done[index] || settled) return;
      let r: UnitPayload;
      try {
        r = local(index);
      } catch (e) {
        fail(e);
        return;
      }
      deliver(index, r);
    };
    const finish = () => {
      if (settled || live > 0) return;
      // Units no worker got to (all of them died) are analyzed here; an aborted scan stops as it does without workers.
      const upTo = options.signal?.aborted ? next : units.length;
      for (let i = 0; i < upTo; i++) inProcess(i);
      if (settled) return;
      settled = true;
      resolve();
    };
    const feed = (w: Worker, inFlight: Set<number>) => {
      if (next >= units.length || options.signal?.aborted) {
        const bye: ToWorker = { type: 'exit' };
        w.postMessage(bye);
        return;
      }
      const batch: { index: number; unit: Unit }[] = [];
      for (; batch.length < batchSize && next < units.length; next++) {
        batch.push({ index: next, unit: units[next]! });
        inFlight.add(next);
      }
      const msg: ToWorker = { type: 'units', batch };
      w.postMessage(msg);
    };

    const workers: Worker[] = [];
    for (let k = 0; k < count; k++) {
      const inFlight = new Set<number>();
      let retired = false;
      const w = new Worker(script, { workerData: init, stderr: false });
      const retire = () => {
        if (retired) return;
        retired = true;
        for (const i of inFlight) inProcess(i);
        inFlight.clear();
        live--;
        finish();
      };
      w.on('message', (msg: FromWorker) => {
        if (msg.type === 'failed') {
          inFlight.delete(msg.index);
          inProcess(msg.index);
          return;
        }
        for (const { index, result } of msg.results) {
          inFlight.delete(index);
          deliver(index, result);
        }
        feed(w, inFlight);
      });
      // A crashed or killed worker: its unfinished units are analyzed here; the others carry on.
      w.on('error', retire);
      w.on('exit', retire);
      workers.push(w);
      // Two batches queued, so a thread starts on the next one while the main thread takes in the last one's results.
      feed(w, inFlight);
      feed(w, inFlight);
    }
  });
}
