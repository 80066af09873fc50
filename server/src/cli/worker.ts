// Entry of the analysis worker threads (bundled as dist/scan-worker.js) of `demarc scan`, `demarc report` and the
// language server's workspace scan. It analyzes the units the main thread sends, in batches, with its own file
// system host (limited to the workspace folders when asked), and answers with plain-data results: the rendered
// report part of each unit (RenderedUnit, its buffers transferred, not copied), its matrix rows (`demarc report`),
// or the raw findings. Started with a BaselineReadRequest instead, it reads one large baseline file and ends.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { UsageError } from './args';
import { readBaseline, type BaselineReadReply, type BaselineReadRequest } from './baseline';
import { analyzeUnit } from '../engine/analyze';
import { createNodeHost, restrictedHost } from '../host/node-host';
import { matrixUnit, rowOptions } from './matrix-unit';
import { renderUnit, transferList } from './render-unit';
import { toChunkedWire, toWire, type FromWorker, type ToWorker, type UnitPayload, type WorkerInit } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('scan-worker.js runs only as a worker thread of demarc scan');
if ((workerData as BaselineReadRequest).readBaseline) readBaselineHere(port, workerData as BaselineReadRequest);
else serve(port, workerData as WorkerInit);

/** A large baseline is read here, so that the main thread's heap never holds the whole file (see readBaselineOffThread). */
function readBaselineHere(port: MessagePort, request: BaselineReadRequest): void {
  const { path, shown } = request.readBaseline;
  let reply: BaselineReadReply;
  try {
    reply = { loaded: readBaseline(path, shown) };
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e), usage: e instanceof UsageError };
  }
  port.postMessage(reply);
  port.close();
}

function serve(port: MessagePort, init: WorkerInit): void {
  const { options, render, matrix, restrictTo, findingChunk } = init;
  const host = restrictTo ? restrictedHost(createNodeHost(), restrictTo) : createNodeHost();
  const rowOpts = matrix ? rowOptions(matrix.cwd, options) : undefined;

  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'exit') {
      port.close();
      return;
    }
    const results: { index: number; result: UnitPayload }[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const { index, unit, options: own } of msg.batch) {
      try {
        const analyzed = analyzeUnit(unit, host, own ?? options);
        if (render) {
          const rendered = renderUnit(analyzed, render);
          transfer.push(...transferList(rendered));
          results.push({ index, result: rendered });
        } else if (matrix) results.push({ index, result: matrixUnit(analyzed, rowOpts!, matrix) });
        else results.push({ index, result: findingChunk ? toChunkedWire(analyzed, findingChunk) : toWire(analyzed) });
      } catch (e) {
        // The engine never throws on bad input; if it does anyway, the main thread redoes this unit itself so the
        // failure surfaces exactly as it would without workers.
        const failed: FromWorker = { type: 'failed', index, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
        port.postMessage(failed);
      }
    }
    const reply: FromWorker = { type: 'results', results };
    port.postMessage(reply, transfer);
  });
}
