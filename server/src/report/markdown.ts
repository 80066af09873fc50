// The matrix as Markdown, for pull-request comments and job summaries.
import { CELL_STATUS_TITLES, type CellStatus, type MatrixData } from './matrix';

const ICON: Record<CellStatus, string> = { met: '✅', finding: '❌', 'not-checked': '⚪', verified: '☁️', aws: '🅰️', 'n/a': '—', unknown: '?' };
const OWNER = { aws: 'AWS', customer: 'you', shared: 'shared' } as const;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMatrixMarkdown(data: MatrixData): string {
  const c = data.counts;
  const out: string[] = [`# ${data.title}`, '', `Generated ${data.generatedAt} · ${data.roots.join(', ')}`, ''];
  out.push(
    `**${c.resources}** resources · **${c.findings}** findings · ${ICON.finding} ${c.cells.finding} duties not met · ${ICON.met} ${c.cells.met} met · ${ICON['not-checked']} ${c.cells['not-checked']} not checked · ${ICON.aws} ${c.cells.aws} carried by AWS${data.ownersConfigured ? ` · ${c.unowned} without an owner` : ''}`,
    '',
  );
  if (data.rows.length === 0) {
    out.push('No AWS resources were found.', '');
    return out.join('\n');
  }
  const withTeam = data.ownersConfigured || data.teams.length > 0;
  out.push(`| Resource | File | ${withTeam ? 'Team | ' : ''}${data.layers.map((l) => cell(l.title)).join(' | ')} |`);
  out.push(`|---|---|${withTeam ? '---|' : ''}${data.layers.map(() => ':-:').join('|')}|`);
  for (const r of data.rows) {
    const cells = r.cells.map((x) => (x.status === 'finding' ? `${ICON.finding} ${x.findings.length}` : ICON[x.status]) + (x.owner && x.owner !== 'aws' ? ` ${OWNER[x.owner]}` : ''));
    out.push(`| \`${cell(r.address)}\` | ${cell(r.displayFile)}:${r.line} | ${withTeam ? `${cell(r.team ?? '—')} | ` : ''}${cells.join(' | ')} |`);
  }
  out.push('', `Legend: ${(['finding', 'not-checked', 'met', 'verified', 'aws', 'n/a'] as CellStatus[]).map((s) => `${ICON[s]} ${CELL_STATUS_TITLES[s]}`).join(' · ')}; owner: you, shared or AWS.`, '');
  if (data.account) {
    const a = data.account;
    out.push(`## Account ${a.account} (${a.region})`, '', `${a.arn} · checked ${a.checkedAt}`, '', '| Control | State |', '|---|---|');
    for (const f of a.facts) out.push(`| ${cell(f.title)} | ${f.known ? '' : '⚪ '}${cell(f.text)} |`);
    out.push('');
    for (const i of a.issues) out.push(`- **${i.severity}** ${i.title} — ${i.detail} (${i.control})`);
    if (a.issues.length) out.push('');
  }
  if (data.ownersConfigured) {
    out.push(`## Resources without an owner (${data.unowned.length})`, '');
    if (data.unowned.length) for (const u of data.unowned) out.push(`- \`${u.address}\` — ${u.displayFile}:${u.line}`);
    else out.push('Every resource has an owner.');
    out.push('');
  }
  const rows = data.rows.filter((r) => r.cells.some((x) => x.findings.length));
  if (rows.length) {
    out.push('## Findings', '');
    for (const r of rows)
      for (const x of r.cells)
        for (const f of x.findings) out.push(`- **${f.severity}** \`${f.ruleId}\` ${f.message} — \`${r.address}\` ${r.displayFile}:${f.line}`);
    out.push('');
  }
  return out.join('\n');
}
