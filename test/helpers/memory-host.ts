// An in-memory workspace for engine tests: absolute paths → text.
import type { Host } from '../../server/src/engine/source';

export function memoryHost(files: Record<string, string>): Host {
  const map = new Map(Object.entries(files));
  return {
    readFile: (p) => map.get(p),
    readDir: (dir) => {
      const prefix = dir.endsWith('/') ? dir : dir + '/';
      const entries = new Map<string, boolean>();
      for (const p of map.keys()) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const slash = rest.indexOf('/');
        if (slash === -1) entries.set(rest, false);
        else entries.set(rest.slice(0, slash), true);
      }
      if (entries.size === 0 && !map.has(dir)) return [...map.keys()].some((p) => p.startsWith(prefix)) ? [] : undefined;
      return [...entries].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
    fileSize: (p) => map.get(p)?.length,
    realPath: (p) => p,
  };
}
