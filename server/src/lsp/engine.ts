// The real engine behind the EnginePort (kept out of start.ts so in-process tests can start the server without it).
import { analyzeUnit, discover } from '../engine/analyze';
import { detectKind } from '../engine/detect';
import { explainAttribute, explainResource } from '../engine/responsibility/explain';
import { renderAttributeMarkdown, renderResourceMarkdown } from '../engine/responsibility/render';
import { getRuleMeta, ruleHelpUri } from '../engine/rules/registry';
import type { EnginePort } from './engine-port';

export function createEngine(): EnginePort {
  return {
    discover,
    analyzeUnit,
    detectKind,
    ruleMeta: getRuleMeta,
    ruleHelpUri,
    explain: {
      resourceMarkdown: (resource, findings, lines, opts) => renderResourceMarkdown(explainResource(resource, findings, { lines }), { commandLinks: !!opts?.commandLinks }),
      attributeMarkdown: (resource, path, value, lines, root) => {
        const e = explainAttribute(resource, path, value, root ? { lines, root } : { lines });
        return e ? renderAttributeMarkdown(e) : undefined;
      },
      resourceData: (resource, findings, lines) => explainResource(resource, findings, { lines }),
    },
  };
}
