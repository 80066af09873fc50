// Worker threads for the language server's workspace scan (dist/scan-worker.js, the CLI's worker). Units with no
// open document are analyzed there, so a large module or template (a 40,000-line one takes a third of a second)
// never holds up the hovers and diagnostics of the file being edited, and two cores share the work. Imports no
// engine code: dist/server.js stays small, and the workers load their own engine.
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions, Unit, UnitResult } from '../engine/analyze';
import type { Finding } from '../engine/types';
import { fromWire, type ChunkedUnitResult, type FromWorker, type ToWorker, type WorkerInit, type WorkerOptions } from '../cli/worker-protocol';
import { Slicer } from './slices';

export interface ScanPool {
  readonly threads: number;
  /** Analyzes `unit` in a worker; rejects when the worker fails or dies (the caller then analyzes it itself). */
  analyze(unit: Unit, options: AnalyzeOptions): Promise<UnitResult>;
  /** Ends the threads; units still in them are rejected. */
  close(): void;
}

interface Pending {
  resolve: (r: UnitResult) => void;
  reject: (e: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  dead: boolean;
}

/** Findings per chunk of JSON text from a worker: about 120 KB, half a millisecond to parse. */
const FINDING_CHUNK = 256;

/** The findings are parsed a chunk at a time, in slices of the event loop (see ChunkedUnitResult). */
async function parseChunked(w: ChunkedUnitResult): Promise<UnitResult> {
  const { findingsJson, ...rest } = w;
  const findings: Finding[] = [];
  const slicer = new Slicer();
  for (const chunk of findingsJson) {
    if (slicer.due()) await slicer.yield();
    for (const f of JSON.parse(chunk) as Finding[]) findings.push(f);
  }
  return fromWire({ ...rest, findings });
}

/** `restrictTo`: the workspace folders in an untrusted workspace, outside which the workers read nothing. */
export function createScanPool(script: string, threads: number, restrictTo: readonly string[] | undefined): ScanPool {
  let next = 0;
  let closed = false;
  const init: WorkerInit = { options: {}, findingChunk: FINDING_CHUNK };
  if (restrictTo) init.restrictTo = [...restrictTo];
  const pool: Thread[] = [];
  const retire = (t: Thread, why: string) => {
    if (t.dead) return;
    t.dead = true;
    for (const p of t.pending.values()) p.reject(new Error(why));
    t.pending.clear();
  };
  for (let i = 0; i < threads; i++) {
    const t: Thread = { worker: new Worker(script, { workerData: init, stderr: false, stdout: false }), pending: new Map(), dead: false };
    t.worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'failed') {
        t.pending.get(msg.index)?.reject(new Error(msg.message));
        t.pending.delete(msg.index);
        return;
      }
      for (const { index, result } of msg.results) {
        const p = t.pending.get(index);
        t.pending.delete(index);
        if (p) parseChunked(result as ChunkedUnitResult).then(p.resolve, p.reject);
      }
    });
    t.worker.on('error', (e) => retire(t, `scan worker failed: ${e instanceof Error ? e.message : String(e)}`));
    t.worker.on('exit', (code) => retire(t, `scan worker exited (${code})`));
    // A pool between scans must not keep the server alive on its own.
    t.worker.unref();
    pool.push(t);
  }
  return {
    threads,
    analyze(unit, options) {
      const live = pool.filter((t) => !t.dead);
      if (closed || live.length === 0) return Promise.reject(new Error('no scan worker is running'));
      // The thread with the least work queued.
      const t = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const index = next++;
      const { signal: _signal, ...plain } = options;
      const msg: ToWorker = { type: 'units', batch: [{ index, unit, options: plain as WorkerOptions }] };
      return new Promise<UnitResult>((resolve, reject) => {
        t.pending.set(index, { resolve, reject });
        try {
          t.worker.postMessage(msg);
        } catch (e) {
          // Options that cannot be cloned (a function slipped in): this unit is analyzed by the caller instead.
          t.pending.delete(index);
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    },
    close() {
      closed = true;
      for (const t of pool) {
        retire(t, 'the scan ended');
        void t.worker.terminate();
      }
    },
  };
}
