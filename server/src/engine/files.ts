// Reading workspace files safely: size limits, binary detection, BOM, and clear problems instead of crashes.
import { LineIndex } from './text';
import type { FileKind, Host, SourceFile } from './source';
import type { Problem } from './types';

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

export interface LoadResult {
  file?: SourceFile;
  problem?: Problem;
}

export function makeSourceFile(path: string, text: string, kind: FileKind): SourceFile {
  return { path, text, kind, lines: new LineIndex(text) };
}

/** A file that came back from a worker thread: its line index is built on first use (most are never consulted). */
export function lazySourceFile(f: { path: string; kind: FileKind; text: string }): SourceFile {
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

/** Reads and vets one file. `kind` is decided by the caller (detect.ts). */
export function loadFile(path: string, kind: FileKind, host: Host, maxFileSize = DEFAULT_MAX_FILE_SIZE): LoadResult {
  const size = host.fileSize?.(path);
  if (size !== undefined && size > maxFileSize) {
    return { problem: fileProblem(path, 'file-too-large', `skipped: ${formatBytes(size)} is over the ${formatBytes(maxFileSize)} limit (demarc.analysis.maxFileSize / --max-file-size)`, 'warning') };
  }
  let text: string | undefined;
  try {
    text = host.readFile(path);
  } catch (e) {
    return { problem: fileProblem(path, 'file-unreadable', `cannot read: ${(e as Error).message}`) };
  }
  if (text === undefined) return { problem: fileProblem(path, 'file-unreadable', 'cannot read the file') };
  return vetText(path, text, kind, maxFileSize);
}

/** Checks text that is already in memory (an open editor document). */
export function vetText(path: string, text: string, kind: FileKind, maxFileSize = DEFAULT_MAX_FILE_SIZE): LoadResult {
  if (text.length > maxFileSize) {
    return { problem: fileProblem(path, 'file-too-large', `skipped: ${formatBytes(text.length)} is over the ${formatBytes(maxFileSize)} limit (demarc.analysis.maxFileSize / --max-file-size)`, 'warning') };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\u0000');
  if (nul !== -1 && nul < 8192) {
    return { problem: fileProblem(path, 'file-binary', 'skipped: binary content (NUL byte) in a file named like Terraform or CloudFormation', 'warning') };
  }
  const file = makeSourceFile(path, text, kind);
  const bad = text.indexOf('\uFFFD');
  if (bad !== -1) {
    const pos = file.lines.positionAt(bad);
    return {
      file,
      problem: {
        file: path,
        span: { file: path, start: bad, end: bad + 1 },
        range: file.lines.rangeOf(bad, bad + 1),
        severity: 'warning',
        code: 'file-encoding',
        message: `invalid UTF-8 at line ${pos.line + 1}, column ${pos.character + 1}: the bytes were replaced; analysis continues`,
      },
    };
  }
  return { file };
}

export function fileProblem(path: string, code: string, message: string, severity: Problem['severity'] = 'error'): Problem {
  return { file: path, severity, code, message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
