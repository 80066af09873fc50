// Where a report goes: `--output FILE` (the folders above it are created as needed) or standard output.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { UsageError } from './args';
import type { CliIO } from './io';
import { errnoText } from '../host/errno';

/**
 * Creates the missing folders above `file`, one level at a time, and lets the first failure through. Node 20's
 * `mkdirSync(dir, { recursive: true })` never returns for some paths (under /proc, for instance), which would hang
 * the CLI instead of reporting that the report cannot be written.
 */
export function ensureParentDir(file: string): void {
  const missing: string[] = [];
  for (let dir = nodePath.dirname(file); !fs.existsSync(dir); ) {
    missing.push(dir);
    const up = nodePath.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const dir of missing.reverse()) fs.mkdirSync(dir);
}

/** The message for a report that could not be written to `shown` (the path as the user wrote it). */
export function reportWriteError(e: unknown, shown: string): string {
  return `cannot write the report to ${shown}: ${errnoText(e)}`;
}

/** Produces a report by handing its chunks, in order, to `sink` (awaiting each returned promise: backpressure). */
export type ReportProducer = (sink: (chunk: Uint8Array) => void | Promise<void>) => Promise<void>;

/**
 * Writes a report produced a chunk at a time to `--output` (folders created; a failure is a UsageError naming the path
 * as the user wrote it) or to standard output, raw when the CLI's IO takes bytes and decoded as UTF-8 text otherwise.
 */
export async function emitReport(produce: ReportProducer, io: CliIO, output?: { path: string; shown: string }): Promise<void> {
  if (output) {
    let fd: number | undefined;
    let regular = false;
    try {
      ensureParentDir(output.path);
      fd = fs.openSync(output.path, 'w');
      regular = fs.fstatSync(fd).isFile();
      const file = fd;
      await produce((chunk) => writeAll(file, chunk));
    } catch (e) {
      if (fd !== undefined) {
        fs.closeSync(fd);
        fd = undefined;
        // A half-written report would pass for a whole one (a CI artifact, a dashboard's input): none is better.
        // Only a plain file is removed; /dev/stdout, a pipe or a device is left alone.
        if (regular) removeQuietly(output.path);
      }
      throw new UsageError(reportWriteError(e, output.shown));
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  } else if (io.writeStdout) {
    await produce(io.writeStdout);
  } else {
    const decoder = new StringDecoder('utf8');
    await produce((chunk) => io.stdout(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))));
    const rest = decoder.end();
    if (rest) io.stdout(rest);
  }
}

function removeQuietly(path: string): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // already gone, or not ours to remove
  }
}

function writeAll(fd: number, chunk: Uint8Array): void {
  let done = 0;
  while (done < chunk.length) done += fs.writeSync(fd, chunk, done, chunk.length - done);
}
