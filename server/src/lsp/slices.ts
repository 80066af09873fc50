// Long work on the language server's thread, cut into slices: between two slices the event loop runs, so a hover or
// the open file's diagnostics wait for at most one slice, not for a whole large unit.
import { performance } from 'node:perf_hooks';

/**
 * A slice lasts about this long (ms). A request needs a few turns of the event loop (read, dispatch, reply), each
 * after at most one slice, so this stays well under the 50 ms a hover may wait.
 */
export const SLICE_MS = 3;

export class Slicer {
  private start = performance.now();

  constructor(private readonly budget = SLICE_MS) {}

  /** True once the current slice has used its time. */
  due(): boolean {
    return performance.now() - this.start > this.budget;
  }

  /** Lets the event loop run (I/O, then other callbacks), then starts a new slice. */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.start = performance.now();
  }
}
