// `demarc rules`: every rule with its id, severity, title, controls, formats and whether it can be fixed.
import type { CommandRunner } from '../io';
import { oneOf, parseCommandArgs, UsageError } from '../args';
import { allRules, ruleHelpUri } from '../../engine/rules/registry';
import type { RuleMeta } from '../../engine/rules/meta';
import { severityRank } from '../../engine/types';

export const HELP = `Usage: demarc rules [--format text|json|markdown]

Lists every rule: id, severity, title, compliance controls, source formats, and whether a quick fix exists.
`;

export const run: CommandRunner = async (args, io) => {
  let format: 'text' | 'json' | 'markdown';
  try {
    const { values, positionals } = parseCommandArgs('rules', args, { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (see: demarc help rules)`);
    format = oneOf(values.format as string | undefined, ['text', 'json', 'markdown'] as const, '--format') ?? 'text';
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`demarc rules: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const metas = allRules().map((r) => r.meta);
  io.stdout(format === 'json' ? rulesJson(metas) : format === 'markdown' ? rulesMarkdown(metas) : rulesText(metas));
  return 0;
};

export function rulesJson(metas: readonly RuleMeta[]): string {
  const rows = metas.map((m) => ({
    id: m.id,
    severity: m.severity,
    title: m.title,
    service: m.service,
    controls: m.controls,
    formats: m.formats,
    fixable: m.fixable,
    equivalents: m.equivalents,
    helpUri: ruleHelpUri(m.id),
  }));
  return `${JSON.stringify({ version: 1, rules: rows }, null, 2)}\n`;
}

export function rulesMarkdown(metas: readonly RuleMeta[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '| Rule | Severity | Title | Controls | Formats | Fixable |',
    '| --- | --- | --- | --- | --- | --- |',
    ...metas.map((m) => `| [${m.id}](rules/${m.id}.md) | ${m.severity} | ${cell(m.title)} | ${cell(m.controls.join(', '))} | ${m.formats.join(', ')} | ${m.fixable ? 'yes' : 'no'} |`),
  ];
  return `${lines.join('\n')}\n`;
}

export function rulesText(metas: readonly RuleMeta[]): string {
  const idW = Math.max(4, ...metas.map((m) => m.id.length));
  const out = [`${'RULE'.padEnd(idW)}  SEVERITY  FIX  FORMATS                    TITLE · CONTROLS`];
  for (const m of [...metas].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const formats = m.formats.map((f) => (f === 'terraform' ? 'terraform' : 'cloudformation')).join(',');
    const controls = m.controls.length ? ` · ${m.controls.join(', ')}` : '';
    out.push(`${m.id.padEnd(idW)}  ${m.severity.padEnd(8)}  ${m.fixable ? 'yes' : 'no '}  ${formats.padEnd(25)}  ${m.title}${controls}`);
  }
  const bySev = new Map<string, number>();
  for (const m of metas) bySev.set(m.severity, (bySev.get(m.severity) ?? 0) + 1);
  const counts = [...bySev].sort((a, b) => severityRank(b[0] as RuleMeta['severity']) - severityRank(a[0] as RuleMeta['severity'])).map(([s, n]) => `${n} ${s}`);
  out.push('', `${metas.length} rules${counts.length ? ` (${counts.join(', ')})` : ''}`);
  return `${out.join('\n')}\n`;
}
