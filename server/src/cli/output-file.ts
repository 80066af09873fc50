// Where `--output FILE` goes: the folders above it are created as needed.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';

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
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot write the report to ${shown}: permission denied`;
    case 'ENOSPC':
      return `cannot write the report to ${shown}: no space left on the device`;
    case 'EISDIR':
      return `cannot write the report to ${shown}: it is a folder`;
    default:
      return `cannot write the report to ${shown}: ${err.message ?? String(e)}`;
  }
}
