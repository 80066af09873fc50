// The engine behind the server, loaded on first use. Bundled, it is dist/server-engine.js next to server.js, so
// the server answers `initialize` before the parsers, 128 rules and the knowledge base are compiled; the server
// calls warm() right after that answer, so the first document usually finds the engine loaded. Run from sources
// (tests under tsx), it is ./engine. The path is computed at run time so esbuild does not inline the engine.
import * as nodePath from 'node:path';
import type { EnginePort, ExplainPort } from './engine-port';

type EngineModule = typeof import('./engine');

export interface LazyEngine extends EnginePort {
  explain: ExplainPort;
  /** Loads the engine now (idempotent). */
  warm(): void;
  /** Whether the engine has been loaded. */
  loaded(): boolean;
}

export function createLazyEngine(candidates: string[] = defaultCandidates()): LazyEngine {
  let engine: EnginePort | undefined;
  const get = (): EnginePort => (engine ??= load(candidates).createEngine());
  const explain = (): ExplainPort => {
    const e = get().explain;
    if (!e) throw new Error('the engine has no explain port');
    return e;
  };
  return {
    discover: (roots, host, options) => get().discover(roots, host, options),
    analyzeUnit: (unit, host, options) => get().analyzeUnit(unit, host, options),
    detectKind: (path, text) => get().detectKind(path, text),
    ruleMeta: (id) => get().ruleMeta(id),
    ruleHelpUri: (id) => get().ruleHelpUri(id),
    statedRegions: (result) => get().statedRegions?.(result) ?? [],
    explain: {
      resourceMarkdown: (resource, findings, lines, opts) => explain().resourceMarkdown(resource, findings, lines, opts),
      attributeMarkdown: (resource, path, value, lines, root) => explain().attributeMarkdown(resource, path, value, lines, root),
      resourceData: (resource, findings, lines, unit) => explain().resourceData?.(resource, findings, lines, unit),
    },
    warm: () => void get(),
    loaded: () => engine !== undefined,
  };
}

function defaultCandidates(): string[] {
  return [nodePath.join(__dirname, 'server-engine.js'), nodePath.join(__dirname, 'engine')];
}

function load(candidates: string[]): EngineModule {
  for (const c of candidates) {
    try {
      return require(c) as EngineModule;
    } catch (e) {
      // Only "this candidate does not exist" moves on; an error inside the engine's own loading surfaces as it is.
      if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !String((e as Error).message).startsWith(`Cannot find module '${c}'`)) throw e;
    }
  }
  throw new Error(`the Demarc engine was not found (looked for ${candidates.join(', ')})`);
}
