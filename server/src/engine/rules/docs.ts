// Rule pages generated from metadata (docs/rules/<id>.md and the index). Never written by hand: a test fails when stale.
import { LAYER_TITLES } from '../responsibility/types';
import type { RuleMeta } from './meta';

const FORMAT_TITLES = { terraform: 'Terraform', cloudformation: 'CloudFormation' } as const;
const FENCE = { terraform: 'hcl', cloudformation: 'yaml' } as const;

export function renderRulePage(meta: RuleMeta): string {
  const out: string[] = [];
  out.push(`# ${meta.id}`, '', `**${meta.title}**`, '');
  out.push(`| | |`, `|---|---|`);
  out.push(`| Severity | ${meta.severity} |`);
  out.push(`| Service | ${meta.service} |`);
  out.push(`| Your duty | ${LAYER_TITLES[meta.responsibility.layer]} |`);
  out.push(`| Resource types | ${meta.responsibility.resourceTypes.map((t) => `\`${t}\``).join(', ')} |`);
  out.push(`| Formats | ${meta.formats.map((f) => FORMAT_TITLES[f]).join(', ')} |`);
  out.push(`| Quick fix | ${meta.fixable ? 'yes' : 'no'} |`);
  out.push(`| Controls | ${meta.controls.join(', ') || '—'} |`);
  const eq = [
    ...(meta.equivalents.checkov ?? []).map((id) => `Checkov \`${id}\``),
    ...(meta.equivalents.trivy ?? []).map((id) => `Trivy \`${id}\``),
    ...(meta.equivalents.kics ?? []).map((id) => `KICS \`${id}\``),
  ];
  out.push(`| Equivalents | ${eq.join(', ') || '—'} |`, '');
  out.push('## Why it matters', '', meta.explanation, '', '## How to fix', '', meta.resolution, '');
  for (const format of meta.formats) {
    const ex = meta.examples[format];
    if (!ex) continue;
    out.push(`## ${FORMAT_TITLES[format]}`, '');
    for (const [kind, list] of [['Insecure', ex.bad], ['Secure', ex.good]] as const) {
      for (const e of list) {
        out.push(`${kind}${e.note ? ` (${e.note})` : ''}:`, '', '```' + FENCE[format], e.code.trimEnd(), '```', '');
      }
    }
  }
  out.push('## References', '', ...meta.links.map((l) => `- ${l}`), '');
  out.push(`Suppress with a reason: \`# demarc:ignore ${meta.id} -- <why>\` on the line above the resource.`, '');
  return out.join('\n');
}

export function renderRuleIndex(metas: readonly RuleMeta[]): string {
  const out = ['# Demarc rules', '', `${metas.length} rules. Generated from rule metadata by \`npm run docs\`.`, ''];
  out.push('| Rule | Severity | Title | Controls | Formats | Fix |', '|---|---|---|---|---|---|');
  for (const m of metas) {
    out.push(`| [${m.id}](${m.id}.md) | ${m.severity} | ${m.title} | ${m.controls.join(', ')} | ${m.formats.map((f) => FORMAT_TITLES[f]).join(', ')} | ${m.fixable ? 'yes' : ''} |`);
  }
  out.push('');
  return out.join('\n');
}
