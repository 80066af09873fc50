// Spreads the analysis units of `demarc scan` over worker threads (dist/scan-worker.js) and merges the results
// in unit order, so the report is byte-for-byte the one a single thread produces. Small scans, tests that pass
// their own host, and runs from sources (no bundle next to this file) stay in-process.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeUnit, discover, mergeResults, type AnalysisResult, type AnalyzeOptions, type Unit, type UnitResult } from '../engine/analyze';
import type { Host, SourceFile } from '../engine/source';
import { LineIndex } from '../engine/text';
import { toWire, type FromWorker, type ToWorker, type WireUnitResult, type WorkerInit, type WorkerOptions } from './worker-protocol';

/** Below this many units, starting threads costs more than it saves. */
export const DEFAULT_PARALLEL_MIN_UNITS = 50;

export interface ParallelOptions {
  /** Worker threads; 1 analyzes in-process. Default: os.availableParallelism(). */
  jobs?: number;
  /** Use workers only from this many units on. */
  minUnits?: number;
  /** The worker script; default: scan-worker.js next to the running bundle. */
  workerPath?: string;
}

/** What `demarc scan` reports: the per-unit model resources and comments are not carried back from workers. */
export type ScanAnalysis = Pick<AnalysisResult, 'findings' | 'problems' | 'skipped' | 'files'> & { workers: number };

/** Where the bundled worker is, or undefined when running from sources (tsx), where no bundle exists. */
export function findWorkerScript(): string | undefined {
  const candidate = nodePath.join(__dirname, 'scan-worker.js');
  return fs.existsSync(candidate) ? candidate : undefined;
}

export async function analyzeForScan(roots: string[], host: Host, options: AnalyzeOptions, parallel: ParallelOptions & { customHost?: boolean } = {}): Promise<ScanAnalysis> {
  const { units, skipped, problems } = discover(roots, host, options);
  const jobs = Math.max(1, Math.min(parallel.jobs ?? os.availableParallelism(), 64));
  const script = parallel.workerPath ?? findWorkerScript();
  const parallelOk = !parallel.customHost && script !== undefined && jobs > 1 && units.length >= (parallel.minUnits ?? DEFAULT_PARALLEL_MIN_UNITS);
  if (!parallelOk) {
    const results: UnitResult[] = [];
    for (const unit of units) {
      if (options.signal?.aborted) break;
      results.push(analyzeUnit(unit, host, options));
    }
    return { ...mergeResults(results, skipped, problems), workers: 0 };
  }
  const wire = await runWorkers(units, host, options, script!, Math.min(jobs, units.length));
  return { ...mergeResults(wire.map(fromWire), skipped, problems), workers: Math.min(jobs, units.length) };
}

function workerOptions(options: AnalyzeOptions): WorkerOptions {
  const { signal: _signal, ...rest } = options;
  return rest;
}

function runWorkers(units: Unit[], host: Host, options: AnalyzeOptions, script: string, count: number): Promise<WireUnitResult[]> {
  const results: (WireUnitResult | undefined)[] = new Array(units.length);
  // Small batches keep every thread busy to the end even when one unit (a huge template) is slow.
  const batchSize = Math.max(1, Math.min(16, Math.floor(units.length / (count * 8))));
  let next = 0;
  let live = count;
  const init: WorkerInit = { options: workerOptions(options) };

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    // A unit a worker could not finish is redone here, so an engine exception surfaces exactly as without workers.
    const inProcess = (index: number) => {
      try {
        results[index] = toWire(analyzeUnit(units[index]!, host, options));
      } catch (e) {
        fail(e);
      }
    };
    const finish = () => {
      if (settled || live > 0) return;
      for (let i = 0; i < units.length; i++) if (!results[i]) inProcess(i);
      if (settled) return;
      settled = true;
      resolve(results as WireUnitResult[]);
    };
    const feed = (w: Worker, inFlight: Set<number>) => {
      if (options.signal?.aborted) next = units.length;
      if (next >= units.length) {
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
      let done = false;
      const w = new Worker(script, { workerData: init, stderr: false });
      const retire = () => {
        if (done) return;
        done = true;
        for (const i of inFlight) if (!results[i]) inProcess(i);
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
          results[index] = result;
          inFlight.delete(index);
        }
        feed(w, inFlight);
      });
      // A crashed or killed worker: its unfinished units are analyzed here; the others carry on.
      w.on('error', retire);
      w.on('exit', retire);
      workers.push(w);
      feed(w, inFlight);
    }
  });
}

function fromWire(w: WireUnitResult): UnitResult {
  return { unit: w.unit, files: w.files.map(lazyFile), comments: new Map(), sourceResources: [], resources: [], findings: w.findings, problems: w.problems };
}

/** The line index of most files is never consulted by the report; it is built on first use. */
function lazyFile(f: { path: string; kind: SourceFile['kind']; text: string }): SourceFile {
  let lines: LineIndex | undefined;
  return {
    path: f.path,
    kind: f.kind,
    text: f.text,
    get lines() {
      return (lines ??= new LineIndex(f.text));
    },
  };
}
