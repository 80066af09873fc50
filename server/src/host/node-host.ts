// The engine's Host over the local file system (synchronous: the CLI walks one tree and waits anyway).
import * as fs from 'node:fs';
import type { Host } from '../engine/source';
import { errnoReason } from './errno';
import { readRegularFile } from './read-regular';
import { isInside } from '../lsp/uri';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// ignoreBOM keeps a leading BOM in the text: files.ts strips it, and offsets then match what editors show.
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Absolute path with forward slashes, the engine's file identity (also on Windows). */
export function toEnginePath(path: string): string {
  return path.replace(/\\/g, '/');
}

/** Errors that mean "there is no such file here", as opposed to "it is there but we may not read it". */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

export function createNodeHost(): Host {
  return {
    readFile(path: string): string | undefined {
      let bytes: Buffer;
      try {
        bytes = readRegularFile(path);
      } catch (e) {
        if (ABSENT.has((e as NodeJS.ErrnoException).code ?? '')) return undefined;
        // Permission problems and the like surface as the loader's "cannot read" problem, with this message.
        throw new Error(describeFsError(e, path));
      }
      try {
        return strictUtf8.decode(bytes);
      } catch {
        // Invalid UTF-8: hand over the text with U+FFFD where the bad bytes were, so files.ts can point at them.
        return lenientUtf8.decode(bytes);
      }
    },

    readDir(path: string) {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(path, { withFileTypes: true });
      } catch {
        return undefined;
      }
      return entries.map((e) => {
        let isDirectory = e.isDirectory();
        if (e.isSymbolicLink()) {
          // Follow the link to learn what it points at; a dangling link or a link cycle (ELOOP) is not a folder.
          try {
            isDirectory = fs.statSync(`${path}/${e.name}`).isDirectory();
          } catch {
            isDirectory = false;
          }
        }
        return { name: e.name, isDirectory };
      });
    },

    fileSize(path: string): number | undefined {
      try {
        const st = fs.statSync(path);
        return st.isFile() ? st.size : undefined;
      } catch {
        return undefined;
      }
    },

    realPath(path: string): string | undefined {
      try {
        return toEnginePath(fs.realpathSync.native(path));
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * `host` limited to `roots`: anything outside reads as missing, as the language server's host does in an untrusted
 * workspace (a local module path such as `../../shared` then resolves to nothing).
 */
export function restrictedHost(host: Host, roots: readonly string[]): Host {
  const allowed = (path: string) => roots.some((r) => isInside(path, r));
  return {
    readFile: (path) => (allowed(path) ? host.readFile(path) : undefined),
    readDir: (path) => (allowed(path) ? host.readDir(path) : undefined),
    fileSize: (path) => (allowed(path) ? host.fileSize?.(path) : undefined),
    realPath: (path) => (allowed(path) ? (host.realPath?.(path) ?? path) : undefined),
  };
}

export function describeFsError(e: unknown, path: string): string {
  const reason = errnoReason(e);
  if (reason === 'permission denied') return `permission denied reading ${path}`;
  if (reason) return `${reason} at ${path}`;
  return `${(e as NodeJS.ErrnoException).code ?? 'error'} reading ${path}: ${(e as Error).message}`;
}
