// The real engine as an EnginePort, when it builds; tests that can also run on the toy engine fall back to it
// and say so in the test output.
import type { EnginePort } from '../../../server/src/lsp/engine-port';
import { toyEngine } from './toy-engine';

export async function realEngine(): Promise<EnginePort> {
  const analyze = await import('../../../server/src/engine/analyze');
  const detect = await import('../../../server/src/engine/detect');
  const registry = await import('../../../server/src/engine/rules/registry');
  return {
    discover: analyze.discover,
    analyzeUnit: analyze.analyzeUnit,
    detectKind: detect.detectKind,
    ruleMeta: registry.getRuleMeta,
    ruleHelpUri: registry.ruleHelpUri,
  };
}

export async function realOrToyEngine(): Promise<{ engine: EnginePort; real: boolean; why?: string }> {
  try {
    return { engine: await realEngine(), real: true };
  } catch (e) {
    return { engine: toyEngine(), real: false, why: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
}
