// URI ↔ engine path. The engine identifies files by absolute forward-slash paths; LSP by URIs, whose exact
// spelling (drive-letter case, %3A) differs between clients, so URIs of open documents are remembered as sent.
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    let p = fileURLToPath(uri).replace(/\\/g, '/');
    // VS Code sends lower-case drive letters; keep one spelling so a file has one identity.
    if (/^[A-Z]:\//.test(p)) p = p[0]!.toLowerCase() + p.slice(1);
    return p;
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Remembers the URI spelling the client used for each path, so diagnostics go back under the same key. */
export class UriMap {
  private readonly byPath = new Map<string, string>();
  /** URIs made from paths: a workspace scan asks for one per diagnostic, and pathToFileURL showed in its profile. */
  private readonly made = new Map<string, string>();

  remember(uri: string): string | undefined {
    const path = uriToPath(uri);
    if (path !== undefined) this.byPath.set(path, uri);
    return path;
  }

  forget(path: string): void {
    this.byPath.delete(path);
  }

  uri(path: string): string {
    const remembered = this.byPath.get(path);
    if (remembered !== undefined) return remembered;
    let made = this.made.get(path);
    if (made === undefined) this.made.set(path, (made = pathToUri(path)));
    return made;
  }
}

/** True when `path` is `root` or inside it. */
export function isInside(path: string, root: string): boolean {
  const r = root.endsWith('/') ? root : root + '/';
  return path === root || path.startsWith(r);
}
