// The matrix as Markdown, for pull-request comments and job summaries.
import { CELL_STATUS_TITLES, mapEach, type CellStatus, type MatrixRow, type MatrixView } from './matrix';

const ICON: Record<CellStatus, string> = { met: '✅', finding: '❌', 'not-checked': '⚪', verified: '☁️', aws: '🅰️', 'n/a': '—', unknown: '?' };
const OWNER = { aws: 'AWS', customer: 'you', shared: 'shared' } as const;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMatrixMarkdown(data: MatrixView): string {
  return [...markdownLines(data)].join('\n');
}

/** A row's line in the Markdown table. */
export function markdownTableLine(r: MatrixRow, withTeam: boolean): string {
  const cells = r.cells.map((x) => (x.status === 'finding' ? `${ICON.finding} ${x.findings.length}` : ICON[x.status]) + (x.owner && x.owner !== 'aws' ? ` ${OWNER[x.owner]}` : ''));
  return `| \`${cell(r.address)}\` | ${cell(r.displayFile)}:${r.line} | ${withTeam ? `${cell(r.team ?? '—')} | ` : ''}${cells.join(' | ')} |`;
}

/** A row's lines in the Markdown findings list (joined with newlines), or '' when it has none. */
export function markdownFindingLines(r: MatrixRow): string {
  const lines: string[] = [];
  for (const x of r.cells) for (const f of x.findings) lines.push(`- **${f.severity}** \`${f.ruleId}\` ${f.message} — \`${r.address}\` ${r.displayFile}:${f.line}`);
  return lines.join('\n');
}


/** renderMatrixMarkdown's text in pieces, a few hundred lines at a time, for writing a large report. */
export function* renderMatrixMarkdownChunks(data: MatrixView): Generator<string> {
  let first = true;
  for (const line of markdownLines(data)) {
    yield first ? line : `\n${line}`;
    first = false;
  }
}

function* markdownLines(data: MatrixView): Generator<string> {
  const c = data.counts;
  const out: string[] = [`# ${data.title}`, '', `Generated ${data.generatedAt} · ${data.roots.join(', ')}`, ''];
  out.push(
    `**${c.resources}** resources · **${c.findings}** findings · ${ICON.finding} ${c.cells.finding} duties not met · ${ICON.met} ${c.cells.met} met · ${ICON['not-checked']} ${c.cells['not-checked']} not checked · ${ICON.aws} ${c.cells.aws} carried by AWS${data.ownersConfigured ? ` · ${c.unowned} without an owner` : ''}`,
    '',
  );
  if (data.rows.length === 0) {
    out.push('No AWS resources were found.', '');
    yield* out;
    return;
  }
  const withTeam = data.teams.length > 0 || data.ownersConfigured;
  out.push(`| Resource | File | ${withTeam ? 'Team | ' : ''}${data.layers.map((l) => cell(l.title)).join(' | ')} |`);
  out.push(`|---|---|${withTeam ? '---|' : ''}${data.layers.map(() => ':-:').join('|')}|`);
  yield* out.splice(0);
  const tableRows = data.rows.pieces?.('md-row') ?? mapEach(data.rows, (r) => markdownTableLine(r, withTeam));
  yield* tableRows;
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
  yield* out.splice(0);
  let heading = false;
  for (const piece of data.rows.pieces?.('md-findings') ?? mapEach(data.rows, markdownFindingLines)) {
    if (!piece) continue;
    if (!heading) yield* ['## Findings', ''];
    heading = true;
    yield piece;
  }
  if (heading) yield '';
}
