// Read access to the rule registry for front ends (CLI, server, docs) without importing every rule file by name.
import type { RuleMeta } from './meta';
import type { Rule } from './rule';
import { RULES } from './index';

const byId = new Map<string, Rule>(RULES.map((r) => [r.meta.id, r]));

export function allRules(): readonly Rule[] {
  return RULES;
}

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

export function getRuleMeta(id: string): RuleMeta | undefined {
  return byId.get(id)?.meta;
}

/** Public page for a rule (docs are generated into docs/rules/<id>.md). */
export function ruleHelpUri(id: string): string {
  return `https://github.com/demarc-dev/demarc/blob/main/docs/rules/${id}.md`;
}
