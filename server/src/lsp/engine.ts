// The real engine behind the EnginePort (kept out of start.ts so in-process tests can start the server without it).
import { analyzeUnit, discover } from '../engine/analyze';
import { detectKind } from '../engine/detect';
import { explainAttribute, explainResource } from '../engine/responsibility/explain';
import { renderAttributeMarkdown, renderResourceMarkdown } from '../engine/responsibility/render';
import { getRuleMeta, ruleHelpUri } from '../engine/rules/registry';
import { loadProjectConfig, type ProjectConfigCache } from '../engine/config';
import type { EnginePort, LinesOf } from './engine-port';
import type { UnitResult } from '../engine/analyze';
import type { SourceResource } from '../engine/source';
import { accountFactsForLayer } from '../engine/account/apply';
import { ProviderRegions, statedRegions } from '../engine/account/region';
import { teamFor } from '../report/from-analysis';
import type { ExplainContext } from '../engine/responsibility/explain';

/** What the card knows beyond the resource: account facts, the owning team, companion resources joined into it. */
function cardContext(resource: SourceResource, lines: LinesOf, unit: UnitResult | undefined): ExplainContext {
  const ctx: ExplainContext = { lines };
  if (!unit) return ctx;
  if (unit.account) ctx.accountFacts = accountFactsForLayer(unit.account, resource.type, new Date(), new ProviderRegions(unit.sourceResources).of(resource));
  const owners = unit.config?.owners ?? [];
  const team = owners.length ? teamFor(resource, owners, unit.config?.root ?? '') : undefined;
  if (team) ctx.owner = team;
  const model = unit.resources.find((m) => m.source === resource);
  if (model && model.parts.length) ctx.partTypes = [...new Set(model.parts.map((p) => p.type))];
  return ctx;
}

export function createEngine(): EnginePort {
  const cache: ProjectConfigCache = { found: new Map(), parsed: new Map() };
  return {
    discover,
    analyzeUnit,
    detectKind,
    ruleMeta: getRuleMeta,
    ruleHelpUri,
    statedRegions: (result) => statedRegions(result.sourceResources),
    // The editor reads the same .demarc.yaml as demarc scan: rules, severities, exclusions, tags, owners, baseline.
    projectConfig: {
      load: (dir, host, stopAt) => loadProjectConfig(dir, host, stopAt, { knownRules: (id) => getRuleMeta(id) !== undefined }, cache),
      invalidate: () => {
        cache.found.clear();
        cache.parsed.clear();
      },
    },
    explain: {
      resourceMarkdown: (resource, findings, lines, opts) => renderResourceMarkdown(explainResource(resource, findings, cardContext(resource, lines, opts?.unit)), { commandLinks: !!opts?.commandLinks }),
      attributeMarkdown: (resource, path, value, lines, root) => {
        const e = explainAttribute(resource, path, value, root ? { lines, root } : { lines });
        return e ? renderAttributeMarkdown(e) : undefined;
      },
      resourceData: (resource, findings, lines, unit) => explainResource(resource, findings, cardContext(resource, lines, unit)),
    },
  };
}
