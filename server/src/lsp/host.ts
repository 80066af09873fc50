// The server's view of the workspace: open documents (the editor's unsaved text) over the file system.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { readRegularText } from '../host/read-regular';
import type { Host } from '../engine/source';
import { isInside } from './uri';

/**
 * Plain file-system host. Used until/unless the CLI's host (server/src/host/node-host.ts) is wired in server.ts;
 * both behave alike: undefined for anything unreadable, never a throw.
 */
export function createFsHost(): Host {
  return {
    readFile(path) {
      try {
        return readRegularText(path);
      } catch {
        return undefined;
      }
    },
    readDir(path) {
      try {
        return readdirSync(path, { withFileTypes: true }).map((d) => {
          let isDirectory = d.isDirectory();
          if (d.isSymbolicLink()) {
            try {
              isDirectory = statSync(`${path}/${d.name}`).isDirectory();
            } catch {
              isDirectory = false;
            }
          }
          return { name: d.name, isDirectory };
        });
      } catch {
        return undefined;
      }
    },
    fileSize(path) {
      try {
        return statSync(path).size;
      } catch {
        return undefined;
      }
    },
    realPath(path) {
      try {
        return realpathSync(path).replace(/\\/g, '/');
      } catch {
        return undefined;
      }
    },
  };
}

export interface OverlayDocument {
  text: string;
  version: number;
}

/**
 * Open documents first, then the base host. In an untrusted workspace (`restrictTo` set), nothing outside the
 * workspace folders is read: a local module path such as `../../shared` then reads as missing.
 */
export class OverlayHost implements Host {
  private readonly docs = new Map<string, OverlayDocument>();
  private restrictTo: string[] | undefined;

  constructor(private readonly base: Host) {}

  setRestriction(roots: string[] | undefined): void {
    this.restrictTo = roots;
  }

  allowed(path: string): boolean {
    return !this.restrictTo || this.restrictTo.some((r) => isInside(path, r));
  }

  setDocument(path: string, doc: OverlayDocument): void {
    this.docs.set(path, doc);
  }

  removeDocument(path: string): void {
    this.docs.delete(path);
  }

  document(path: string): OverlayDocument | undefined {
    return this.docs.get(path);
  }

  openPaths(): IterableIterator<string> {
    return this.docs.keys();
  }

  readFile(path: string): string | undefined {
    if (!this.allowed(path)) return undefined;
    const d = this.docs.get(path);
    if (d) return d.text;
    return this.base.readFile(path);
  }

  readDir(path: string): { name: string; isDirectory: boolean }[] | undefined {
    if (!this.allowed(path)) return undefined;
    const onDisk = this.base.readDir(path);
    // Documents created in the editor and not yet saved still belong to their folder's module.
    const prefix = path.endsWith('/') ? path : path + '/';
    let extra: { name: string; isDirectory: boolean }[] | undefined;
    for (const p of this.docs.keys()) {
      if (!p.startsWith(prefix)) continue;
      const name = p.slice(prefix.length);
      if (name.includes('/')) continue;
      if (onDisk?.some((e) => e.name === name)) continue;
      (extra ??= []).push({ name, isDirectory: false });
    }
    if (!onDisk) return extra;
    return extra ? [...onDisk, ...extra] : onDisk;
  }

  fileSize(path: string): number | undefined {
    if (!this.allowed(path)) return undefined;
    const d = this.docs.get(path);
    if (d) return d.text.length;
    return this.base.fileSize?.(path);
  }

  realPath(path: string): string | undefined {
    if (!this.allowed(path)) return undefined;
    if (this.docs.has(path)) return path;
    return this.base.realPath?.(path) ?? path;
  }
}
