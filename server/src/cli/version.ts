// The tool's version: inlined by esbuild.mjs into the CLI bundles (so `demarc --version` reads no file), else read
// from the package manifest next to the sources when run through tsx, or next to another bundle.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Replaced with the manifest's version string by esbuild.mjs (`define`); undeclared elsewhere. */
declare const __DEMARC_VERSION__: string | undefined;

let cached: string | undefined;

export function toolVersion(): string {
  if (typeof __DEMARC_VERSION__ === 'string') return __DEMARC_VERSION__;
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'demarc' && pkg.version) return (cached = pkg.version);
    } catch {
      // not here; keep walking up
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return (cached = '0.0.0');
}
