// Presentations of the card: markdown for hovers (short by default, details on request) and text for the terminal.
import type { AttributeExplanation, LayerCard, LayerStatus, ResourceExplanation } from './explain';
import { LAYER_TITLES, OWNER_TITLES, type Lever } from './types';

export interface MarkdownOptions {
  /** Include the why of each layer, the levers, AWS's layers and sources. */
  detailed?: boolean;
  /** Add a "more" link running `demarc.explainResource` (editors that allow command links). */
  commandLinks?: boolean;
  /** Arguments of that command; default `[fileUri, {line, character}]` of the resource header. */
  commandArgs?: unknown[];
}

const MD_ICON: Record<LayerStatus, string> = { met: '✅', 'not-met': '❌', 'not-checked': '⚪', 'verified-in-account': '☁️' };
const STATUS_TEXT: Record<LayerStatus, string> = {
  met: 'met',
  'not-met': 'not met',
  'not-checked': 'not checked',
  'verified-in-account': 'verified in account',
};

/**
 * Characters that would change the rendering of table cells and text. Underscores stay: CommonMark does not
 * emphasize inside words, and type names are full of them.
 */
function md(text: string): string {
  return text.replace(/([\\`*[\]<>|])/g, '\\$1');
}

function fileUri(path: string): string {
  return 'file://' + encodeURI(path.startsWith('/') ? path : '/' + path).replace(/[?#]/g, encodeURIComponent);
}

function leverText(l: Lever, format?: 'terraform' | 'cloudformation'): string {
  const tf = l.terraform ? `${l.terraform.type}.${l.terraform.path}` : undefined;
  const cfn = l.cloudformation ? `${l.cloudformation.type} ${l.cloudformation.path}` : undefined;
  if (format === 'terraform' && tf) return tf;
  if (format === 'cloudformation' && cfn) return cfn;
  return [tf, cfn].filter(Boolean).join(' / ');
}

/** Status words; a card for a bare type (no resource) says which rules would check each layer instead. */
function statusWords(e: ResourceExplanation, l: LayerCard): string {
  if (!e.resource) return l.rules.length ? `checked by ${l.rules.join(', ')}` : 'no rule yet';
  // What the account enforces is the point of the row ("encrypted by the region's EBS default, key …").
  if (l.status === 'verified-in-account' && l.accountFacts.length) return `${STATUS_TEXT[l.status]}: ${l.accountFacts.join('; ')}`;
  return STATUS_TEXT[l.status];
}

function statusDetail(l: LayerCard): string {
  switch (l.status) {
    case 'not-met':
      return l.findings.map((f) => `${f.ruleId}: ${f.message}`).join('; ');
    case 'met':
      return `checked by ${l.rules.join(', ')}`;
    case 'verified-in-account':
      return l.accountFacts.join('; ');
    case 'not-checked':
      return l.levers.length ? `set ${[...new Set(l.levers.map((v) => leverText(v, undefined).split(' / ')[0]))].slice(0, 2).join(', ')}` : 'no rule covers it';
  }
}

function header(e: ResourceExplanation): string {
  const name = e.resource ? e.resource.address : e.type;
  const parts = [`**${md(name)}**`];
  if (e.resource) parts.push(`\`${e.resource.type}\``);
  if (e.serviceName) parts.push(md(e.serviceName));
  if (e.serviceModelTitle) parts.push(md(e.serviceModelTitle.toLowerCase()));
  if (e.owner) parts.push(`team ${md(e.owner)}`);
  return parts.join(' · ');
}

export function renderResourceMarkdown(e: ResourceExplanation, opts: MarkdownOptions = {}): string {
  const out: string[] = [header(e), ''];
  if (!e.known) {
    out.push(md(e.line));
    return out.join('\n');
  }
  out.push(`**AWS secures** ${md(e.summary!.aws)} · **You secure** ${md(e.summary!.customer)}`, '');
  if (e.layers.length) {
    out.push('| | Your part | Owner | Status |', '|---|---|---|---|');
    for (const l of e.layers) {
      out.push(`| ${e.resource ? MD_ICON[l.status] : l.rules.length ? '🔎' : '⚪'} | ${md(l.title)} | ${OWNER_TITLES[l.owner]} | ${md(statusWords(e, l))}${l.status === 'not-met' ? ' — ' + md(l.findings.map((f) => f.ruleId).join(', ')) : ''} |`);
    }
    out.push('');
  }
  if (opts.detailed) {
    const format = e.resource?.format;
    for (const l of e.layers) {
      out.push(`**${md(l.title)}** (${OWNER_TITLES[l.owner].toLowerCase()}): ${md(l.why)}`);
      if (e.resource && l.status !== 'met') out.push(`- ${MD_ICON[l.status]} ${md(statusDetail(l))}`);
      if (l.status !== 'verified-in-account') for (const a of l.accountFacts) out.push(`- ☁️ account: ${md(a)}`);
      for (const v of l.levers) out.push(`- \`${leverText(v, format)}\`${v.ruleIds.length ? ` — ${md(v.ruleIds.join(', '))}` : ''}`);
      out.push('');
    }
    if (e.awsLayers.length) out.push(`**AWS alone:** ${e.awsLayers.map((a) => md(a.title)).join(', ')}.`, '');
    if (e.otherFindings.length) out.push(`**Other findings:** ${e.otherFindings.map((f) => `${md(f.ruleId)} (line ${f.line})`).join(', ')}`, '');
    if (e.note) out.push(`_${md(e.note)}_`, '');
  }
  const links: string[] = [];
  if (opts.commandLinks && !opts.detailed) {
    const args = opts.commandArgs ?? (e.resource ? [fileUri(e.resource.file), { line: (e.resource.line ?? 1) - 1, character: 0 }] : [e.type]);
    links.push(`[More…](command:demarc.explainResource?${encodeURIComponent(JSON.stringify(args))} "Show the full responsibility card")`);
  }
  const docs = e.links.slice(0, opts.detailed ? 4 : 1);
  links.push(...docs.map((u, i) => `[${i === 0 ? 'AWS docs' : hostLabel(u)}](${u})`));
  out.push(links.join(' · '));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function hostLabel(url: string): string {
  const m = /\/\/([^/]+)\/([^/]+)/.exec(url);
  return m ? `${m[2]}` : 'link';
}

const OWNER_WORD = { aws: 'AWS', customer: 'you', shared: 'shared (AWS and you)' } as const;

export function renderAttributeMarkdown(e: AttributeExplanation): string {
  const out: string[] = [];
  out.push(`**${md(e.path.join('.'))}** · ${md(e.layerTitle)} · owner: ${OWNER_WORD[e.owner]}`, '');
  out.push(md(e.controls), '');
  const origin =
    e.value.origin === 'default'
      ? `Not set: ${md(e.whenOmitted)}`
      : e.value.origin === 'unknown'
        ? `Value: ${md(e.value.display)} — not known statically, so no rule judges it.`
        : `Value: \`${e.value.display.replace(/`/g, "'")}\`${e.value.at ? ` at ${md(e.value.at)}` : ''}${e.value.via.length ? ` (from ${e.value.via.map(md).join(' → ')})` : ''}`;
  out.push(origin);
  if (e.value.origin !== 'default') out.push('', `When omitted: ${md(e.whenOmitted)}`);
  if (e.defaultChanged) out.push('', `Default changed ${md(e.defaultChanged.date)}: ${md(e.defaultChanged.change)}`);
  if (e.secureValue) out.push('', `Your part: ${md(e.secureValue)}`);
  const checks = [...e.ruleIds, ...e.controlIds.map((c) => `Security Hub ${c}`)];
  if (checks.length) out.push('', `Checked by: ${md(checks.join(', '))}`);
  out.push('', e.sources.slice(0, 2).map((u, i) => `[${i === 0 ? 'AWS docs' : hostLabel(u)}](${u})`).join(' · '));
  return out.join('\n') + '\n';
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', blue: '\x1b[34m', cyan: '\x1b[36m' };
const TEXT_ICON: Record<LayerStatus, string> = { met: '✓', 'not-met': '✗', 'not-checked': '·', 'verified-in-account': '☁' };
const TEXT_COLOR: Record<LayerStatus, string> = { met: ANSI.green, 'not-met': ANSI.red, 'not-checked': ANSI.dim, 'verified-in-account': ANSI.cyan };

export function renderResourceText(e: ResourceExplanation, opts: { color: boolean }): string {
  const c = (code: string, s: string) => (opts.color ? code + s + ANSI.reset : s);
  const out: string[] = [];
  const title = e.resource ? `${e.resource.address} (${e.resource.type})` : e.type;
  out.push(c(ANSI.bold, title) + (e.serviceName ? ` — ${e.serviceName}, ${e.serviceModelTitle!.toLowerCase()}` : ''));
  if (e.known && (e.terraform || e.cloudformation !== undefined)) {
    out.push(c(ANSI.dim, `Terraform: ${e.terraform} · CloudFormation: ${e.cloudformation ?? 'none'}`));
  }
  if (!e.known) {
    out.push(e.line);
    return out.join('\n') + '\n';
  }
  out.push('');
  out.push(`${c(ANSI.blue, 'AWS secures')} ${e.summary!.aws}`);
  out.push(`${c(ANSI.yellow, 'You secure')}  ${e.summary!.customer}`);
  out.push('');
  const width = Math.max(...e.layers.map((l) => l.title.length), 10);
  for (const l of e.layers) {
    const generic = !e.resource;
    const status = generic ? (l.rules.length ? '◆ rule checks it' : '· no rule yet') : `${TEXT_ICON[l.status]} ${STATUS_TEXT[l.status]}`;
    const color = generic ? (l.rules.length ? ANSI.cyan : ANSI.dim) : TEXT_COLOR[l.status];
    out.push(`  ${c(color, status.padEnd(22))}${l.title.padEnd(width + 2)}${c(ANSI.dim, OWNER_TITLES[l.owner].toLowerCase())}`);
    out.push(`  ${' '.repeat(22)}${c(ANSI.dim, l.why)}`);
    for (const f of l.findings) out.push(`  ${' '.repeat(22)}${c(ANSI.red, `${f.ruleId}`)} ${f.message} (${f.file}:${f.line})`);
    for (const a of l.accountFacts) out.push(`  ${' '.repeat(22)}${c(ANSI.cyan, 'account:')} ${a}`);
    for (const v of l.levers) out.push(`  ${' '.repeat(22)}→ ${leverText(v, e.resource?.format)}${v.ruleIds.length ? c(ANSI.dim, `  [${v.ruleIds.join(', ')}]`) : ''}`);
  }
  if (e.awsLayers.length) {
    out.push('');
    out.push(`${c(ANSI.blue, 'AWS alone:')} ${e.awsLayers.map((a) => a.title).join(', ')}`);
  }
  if (e.notApplicable.length) out.push(c(ANSI.dim, `Not applicable: ${e.notApplicable.map((l) => LAYER_TITLES[l]).join(', ')}`));
  if (e.note) out.push(c(ANSI.dim, e.note));
  out.push('');
  out.push(`Sources: ${e.links.slice(0, 3).join(' ')}`);
  return out.join('\n') + '\n';
}
