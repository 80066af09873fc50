// In-memory workspaces for the Terraform evaluator tests: a Map of absolute path → text, served through Host.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeSourceFile } from '../../../../server/src/engine/files';
import type { EvaluationResult, FileKind, Host, SourceFile, SourceResource } from '../../../../server/src/engine/source';
import type { Span } from '../../../../server/src/engine/types';
import type { Val } from '../../../../server/src/engine/evaluate/value';
import { evaluateTerraformModule } from '../../../../server/src/engine/evaluate/terraform';

export function memoryHost(files: Map<string, string>): Host {
  return {
    readFile: (p) => files.get(p),
    readDir: (dir) => {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Map<string, boolean>();
      for (const p of files.keys()) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const slash = rest.indexOf('/');
        if (slash === -1) names.set(rest, false);
        else names.set(rest.slice(0, slash), true);
      }
      if (names.size === 0) return undefined;
      return [...names].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
    fileSize: (p) => files.get(p)?.length,
  };
}

/** Reads test/fixtures/terraform/<name> into a map under /ws/<name>. */
export function fixture(name: string): Map<string, string> {
  const base = join(new URL('../../../fixtures/terraform', import.meta.url).pathname, name);
  const out = new Map<string, string>();
  (function walk(dir: string, virt: string) {
    for (const n of readdirSync(dir).sort()) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p, `${virt}/${n}`);
      else out.set(`${virt}/${n}`, readFileSync(p, 'utf8'));
    }
  })(base, `/ws/${name}`);
  return out;
}

export interface Evaluated {
  result: EvaluationResult;
  files: Map<string, string>;
  loaded: string[];
}

/** Evaluates the root module in `dir` (its .tf/.tf.json files) the way analyze.ts does. */
export function evaluateDir(files: Map<string, string>, dir: string, varFiles: string[] = []): Evaluated {
  const host = memoryHost(files);
  const roots: SourceFile[] = [];
  for (const [p, text] of [...files].sort()) {
    const rest = p.slice(dir.length + 1);
    if (!p.startsWith(dir + '/') || rest.includes('/')) continue;
    if (rest.endsWith('.tf')) roots.push(makeSourceFile(p, text, 'terraform'));
    else if (rest.endsWith('.tf.json')) roots.push(makeSourceFile(p, text, 'terraform-json'));
  }
  const loaded: string[] = [];
  const result = evaluateTerraformModule({
    dir,
    files: roots,
    host,
    varFiles,
    load: (path: string, kind: FileKind) => {
      loaded.push(path);
      const t = files.get(path);
      return t === undefined ? undefined : makeSourceFile(path, t, kind);
    },
  });
  return { result, files, loaded };
}

/** A one-folder project from inline files (names relative to /ws/p). */
export function project(inline: Record<string, string>, varFiles: string[] = []): Evaluated {
  const files = new Map<string, string>();
  for (const [k, v] of Object.entries(inline)) files.set(k.startsWith('/') ? k : `/ws/p/${k}`, v);
  return evaluateDir(files, '/ws/p', varFiles);
}

export function resource(e: Evaluated, address: string): SourceResource {
  const r = e.result.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no resource ${address}; have ${e.result.resources.map((x) => x.address).join(', ')}`);
  return r;
}

export function attr(e: Evaluated, address: string, ...path: (string | number)[]): Val {
  let v: Val | undefined = resource(e, address).body;
  for (const p of path) {
    if (v?.kind === 'object' && typeof p === 'string') v = v.fields.get(p)?.value;
    else if (v?.kind === 'list' && typeof p === 'number') v = v.items[p];
    else v = undefined;
  }
  if (!v) throw new Error(`no value at ${address} ${path.join('.')}`);
  return v;
}

/** The text a span covers. */
export function text(e: Evaluated, span: Span | undefined): string {
  if (!span) throw new Error('no span');
  const t = e.files.get(span.file);
  if (t === undefined) throw new Error(`span in unknown file ${span.file}`);
  return t.slice(span.start, span.end);
}
