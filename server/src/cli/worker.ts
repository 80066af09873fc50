// Entry of the analysis worker threads of `demarc scan` (bundled as dist/scan-worker.js). It analyzes the units
// the main thread sends, in batches, with its own file system host, and answers with plain-data results.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeUnit } from '../engine/analyze';
import { createNodeHost } from '../host/node-host';
import { toWire, type FromWorker, type ToWorker, type WorkerInit } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('scan-worker.js runs only as a worker thread of demarc scan');
const { options } = workerData as WorkerInit;
const host = createNodeHost();

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'exit') {
    port.close();
    return;
  }
  const results: { index: number; result: ReturnType<typeof toWire> }[] = [];
  for (const { index, unit } of msg.batch) {
    try {
      results.push({ index, result: toWire(analyzeUnit(unit, host, options)) });
    } catch (e) {
      // The engine never throws on bad input; if it does anyway, the main thread redoes this unit itself so the
      // failure surfaces exactly as it would without workers.
      const failed: FromWorker = { type: 'failed', index, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      port.postMessage(failed);
    }
  }
  const reply: FromWorker = { type: 'results', results };
  port.postMessage(reply);
});
