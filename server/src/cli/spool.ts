// Append-only byte store for the rendered findings of a scan (or the matrix rows of a report), read back in report
// order once every unit is in.
// It stays in memory while small and moves to an unlinked temporary file past `memoryLimit`, so a scan's memory
// does not grow with the size of its report (hundreds of megabytes of JSON for a large workspace).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { errnoText } from '../host/errno';

export const DEFAULT_SPOOL_MEMORY_LIMIT = 16 * 1024 * 1024;
/** How much is read from the file at once: findings of one unit are mostly read back one after the other. */
const READ_AHEAD = 1024 * 1024;

export class Spool {
  /** Bytes held in memory: all of them before the move to a file, or those after `diskEnd` once the disk was full. */
  private chunks: Buffer[] = [];
  /** Offset of the first byte in `chunks`. */
  private chunksStart = 0;
  private memory: Buffer | undefined;
  private fd: number | undefined;
  private path: string | undefined;
  private size = 0;
  /** Bytes from here on are not in the file (writing failed, e.g. the disk filled up): they are in `chunks`. */
  private diskEnd = Infinity;
  private window: { start: number; bytes: Buffer } | undefined;
  private scratch: Buffer | undefined;
  private problem: string | undefined;

  /** `write` puts bytes into the file at a position (tests pass one that runs out of space). */
  constructor(
    private memoryLimit = DEFAULT_SPOOL_MEMORY_LIMIT,
    private readonly write: (fd: number, bytes: Uint8Array, position: number) => void = writeAll,
  ) {}

  get byteLength(): number {
    return this.size;
  }

  /** True once the bytes live in a temporary file. */
  get onDisk(): boolean {
    return this.fd !== undefined;
  }

  /**
   * Why some bytes stayed in memory although they were over the limit (no usable temporary folder, or it filled
   * up), for the command to show once; undefined when nothing went wrong.
   */
  get warning(): string | undefined {
    return this.problem;
  }

  /** Stores the bytes; returns their offset. Never fails for want of disk space: memory takes over. */
  append(bytes: Uint8Array): number {
    const at = this.size;
    if (bytes.length === 0) return at;
    if (this.fd === undefined && this.size + bytes.length > this.memoryLimit) {
      try {
        this.spill();
      } catch (e) {
        // No usable temporary folder: the command still completes, holding the bytes in memory instead.
        this.memoryLimit = Infinity;
        this.problem = `cannot use a temporary file in ${os.tmpdir()} (${errnoText(e)}); the report is held in memory`;
      }
    }
    let stored = false;
    if (this.fd !== undefined && at < this.diskEnd) {
      try {
        this.write(this.fd, bytes, at);
        stored = true;
      } catch (e) {
        // The disk filled up (or the file went away): what is written stays there, the rest goes to memory.
        this.diskEnd = at;
        this.chunksStart = at;
        this.problem = `the temporary file in ${os.tmpdir()} could not grow (${errnoText(e)}); the rest of the report is held in memory`;
      }
    }
    if (!stored) this.chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    this.size += bytes.length;
    this.memory = undefined;
    return at;
  }

  /** The bytes at [offset, offset + length); valid until the next read. */
  read(offset: number, length: number): Buffer {
    if (this.fd === undefined || offset >= this.diskEnd) {
      this.memory ??= this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      this.chunks = [this.memory];
      return this.memory.subarray(offset - this.chunksStart, offset - this.chunksStart + length);
    }
    const w = this.window;
    if (w && offset >= w.start && offset + length <= w.start + w.bytes.length) return w.bytes.subarray(offset - w.start, offset - w.start + length);
    const want = Math.min(Math.max(length, READ_AHEAD), Math.min(this.size, this.diskEnd) - offset);
    if (!this.scratch || this.scratch.length < want) this.scratch = Buffer.allocUnsafe(Math.max(want, READ_AHEAD));
    let got = 0;
    while (got < want) {
      const n = fs.readSync(this.fd, this.scratch, got, want - got, offset + got);
      if (n === 0) throw new Error(`unexpected end of a temporary file in ${os.tmpdir()} at byte ${offset + got}`);
      got += n;
    }
    this.window = { start: offset, bytes: this.scratch.subarray(0, want) };
    return this.scratch.subarray(0, length);
  }

  /** Frees the memory or closes and removes the file. */
  close(): void {
    this.chunks = [];
    this.memory = undefined;
    this.window = undefined;
    this.scratch = undefined;
    if (this.fd !== undefined) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    if (this.path !== undefined) {
      removeQuietly(this.path);
      this.path = undefined;
    }
  }

  private spill(): void {
    const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'demarc-scan-'));
    const path = nodePath.join(dir, 'findings.spool');
    let fd: number | undefined;
    try {
      fd = fs.openSync(path, 'w+', 0o600);
      let at = 0;
      for (const c of this.chunks) {
        this.write(fd, c, at);
        at += c.length;
      }
    } catch (e) {
      if (fd !== undefined) fs.closeSync(fd);
      removeQuietly(path);
      throw e;
    }
    this.fd = fd;
    // Unlinked right away where the system allows it: nothing is left behind even if the process is killed.
    try {
      fs.unlinkSync(path);
      fs.rmdirSync(dir);
    } catch {
      this.path = path;
    }
    this.chunks = [];
  }
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done, position + done);
}

function removeQuietly(path: string): void {
  // Best effort, each step on its own: a temporary file and its folder.
  try {
    fs.unlinkSync(path);
  } catch {
    // not there
  }
  try {
    fs.rmdirSync(nodePath.dirname(path));
  } catch {
    // not there, or not empty
  }
}
