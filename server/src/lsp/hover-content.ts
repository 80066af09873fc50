// Hover markdown: findings on the resource, where the value under the cursor came from, the responsibility card,
// and what a suppression comment does. Pure functions over an analysis result, so they are tested directly.
import type { UnitResult } from '../engine/analyze';
import type { SourceFile, SourceResource } from '../engine/source';
import type { Finding, Span } from '../engine/types';
import { toPlain, type Val } from '../engine/evaluate/value';
import type { EnginePort } from './engine-port';
import { commentAt, fieldAt, findingsOn, parseSuppressionComment, resourceAt, type FieldHit } from './locate';

export interface HoverResult {
  markdown: string;
  /** The span the hover is about (the attribute, the resource header or the comment). */
  span: Span;
  resource?: SourceResource;
}

export interface HoverEnv {
  engine: Pick<EnginePort, 'ruleMeta' | 'ruleHelpUri' | 'explain'>;
  uriOf(path: string): string;
  /** Today, for expiry of suppressions (YYYY-MM-DD). */
  today?: string;
  onError?(message: string): void;
  /** The client renders `command:` links in hovers (VS Code with trusted markdown). */
  commandLinks?: boolean;
}

export function hoverAt(result: UnitResult, file: string, offset: number, env: HoverEnv): HoverResult | undefined {
  const comment = commentAt(result, file, offset);
  if (comment) {
    const md = suppressionMarkdown(result, comment.span, comment.text, env);
    if (md) return { markdown: md, span: comment.span };
  }
  const resource = resourceAt(result, file, offset);
  if (!resource) return undefined;
  const findings = findingsOn(result, resource).filter((f) => !f.suppressedBy);
  const hit = fieldAt(resource.body, file, offset);
  const files = new Map(result.files.map((f) => [f.path, f]));
  if (hit) {
    const md = attributeMarkdown(resource, hit, findings, files, env);
    return { markdown: md, span: hit.onKey && hit.field.keySpan ? hit.field.keySpan : hit.value.span ?? hit.field.keySpan ?? resource.headerSpan, resource };
  }
  return { markdown: resourceMarkdown(resource, findings, files, env, result), span: resource.headerSpan, resource };
}

export function resourceMarkdown(resource: SourceResource, findings: Finding[], files: Map<string, SourceFile>, env: HoverEnv, unit?: UnitResult): string {
  // The responsibility card has its own header line; without it, name the resource here.
  const card = safeCall(env, () => env.engine.explain?.resourceMarkdown(resource, findings, (p) => files.get(p)?.lines, { commandLinks: !!env.commandLinks, ...(unit ? { unit } : {}) }));
  const parts: string[] = card ? [card.trimEnd()] : [`**${escapeMd(resource.address)}** · \`${resource.type}\``];
  parts.push(findingsMarkdown(findings, env));
  return parts.join('\n\n');
}

function attributeMarkdown(resource: SourceResource, hit: FieldHit, resourceFindings: Finding[], files: Map<string, SourceFile>, env: HoverEnv): string {
  // The attribute card states the value and its origin itself; without a card, say where the value came from here.
  const card = safeCall(env, () => env.engine.explain?.attributeMarkdown(resource, hit.path, hit.value, (p) => files.get(p)?.lines, resource.file.slice(0, resource.file.lastIndexOf('/'))));
  const parts: string[] = card
    ? [`**${escapeMd(resource.address)}**`, card.trimEnd()]
    : [`**${escapeMd(resource.address)}** · \`${hit.path.join('.')}\``, originMarkdown(hit.value, files, env)];
  const span = hit.value.span;
  const here = span ? resourceFindings.filter((f) => f.file === span.file && f.span.start >= span.start && f.span.end <= span.end) : [];
  const rest = resourceFindings.filter((f) => !here.includes(f));
  if (here.length) parts.push(findingsMarkdown(here, env));
  if (rest.length) parts.push(`Other findings on this resource:\n\n${rest.map((f) => `- ${findingLine(f, env)}`).join('\n')}`);
  else if (!here.length) parts.push(findingsMarkdown([], env));
  return parts.join('\n\n');
}

export function findingsMarkdown(findings: Finding[], env: HoverEnv): string {
  if (findings.length === 0) return 'No Demarc findings on this resource.';
  const out: string[] = [];
  for (const f of findings) {
    const meta = env.engine.ruleMeta(f.ruleId);
    const lines = [`**${f.severity.toUpperCase()}** [${f.ruleId}](${env.engine.ruleHelpUri(f.ruleId)})${meta ? ` — ${escapeMd(meta.title)}` : ''}`];
    lines.push(escapeMd(f.message));
    if (meta?.resolution) lines.push(`*Fix:* ${escapeMd(meta.resolution)}`);
    if (f.notes?.length) lines.push(f.notes.map((n) => `_${escapeMd(n)}_`).join(' '));
    out.push(lines.join('  \n'));
  }
  return out.join('\n\n---\n\n');
}

function findingLine(f: Finding, env: HoverEnv): string {
  const meta = env.engine.ruleMeta(f.ruleId);
  return `**${f.severity.toUpperCase()}** [${f.ruleId}](${env.engine.ruleHelpUri(f.ruleId)}): ${escapeMd(meta?.title ?? f.message)}`;
}

/** "Set to `false` at variables.tf:3, via terraform.tfvars:1" — where the value under the cursor came from. */
export function originMarkdown(v: Val, files: Map<string, SourceFile>, env: HoverEnv): string {
  const shown = showValue(v);
  switch (v.origin) {
    case 'explicit':
      return shown === undefined ? 'Written here.' : `Set to ${shown} here.`;
    case 'derived': {
      const via = v.via ?? [];
      const last = via[via.length - 1];
      const chain = via.slice(0, -1);
      let s = `Set to ${shown ?? 'a computed value'}`;
      if (last) s += ` at ${location(last, files, env)}`;
      if (chain.length) s += `, via ${chain.map((sp) => location(sp, files, env)).join(' → ')}`;
      return s + '.';
    }
    case 'unknown':
      return `Not known before apply${v.kind === 'unknown' && v.reason ? ` (${escapeMd(v.reason)})` : ''}: Demarc reports nothing it cannot know.`;
    case 'default':
      return `Not set: the AWS default applies.`;
  }
}

function location(span: Span, files: Map<string, SourceFile>, env: HoverEnv): string {
  const f = files.get(span.file);
  const name = span.file.slice(span.file.lastIndexOf('/') + 1);
  if (!f) return `${name}`;
  const line = f.lines.positionAt(span.start).line + 1;
  return `[${escapeMd(name)}:${line}](${env.uriOf(span.file)}#L${line})`;
}

function showValue(v: Val): string | undefined {
  if (v.kind === 'unknown') return undefined;
  if (v.kind === 'object' && v.block) return 'a block';
  const plain = toPlain(v);
  let text = JSON.stringify(plain);
  if (text === undefined) return undefined;
  if (text.length > 80) text = text.slice(0, 77) + '…';
  return '`' + text.replace(/`/g, "'") + '`';
}

function suppressionMarkdown(result: UnitResult, span: Span, text: string, env: HoverEnv): string | undefined {
  const parsed = parseSuppressionComment(text);
  if (!parsed) return undefined;
  const suppressed = result.findings.filter((f) => f.suppressedBy && f.suppressedBy.span.file === span.file && f.suppressedBy.span.start < span.end && span.start < f.suppressedBy.span.end);
  // The engine's reading of the comment (reason, expiry) wins over this display-only parse.
  const engineView = suppressed[0]?.suppressedBy;
  if (engineView) {
    if (engineView.reason !== undefined) parsed.reason = engineView.reason;
    else delete parsed.reason;
    if (engineView.until !== undefined) parsed.until = engineView.until;
  }
  const lines: string[] = [`**Suppression** (${parsed.tool})`];
  if (parsed.error) lines.push(`Not understood: ${escapeMd(parsed.error)}`);
  for (const id of parsed.ids) {
    const meta = env.engine.ruleMeta(id);
    lines.push(meta ? `- [${id}](${env.engine.ruleHelpUri(id)}) — ${escapeMd(meta.title)}` : `- \`${escapeMd(id)}\`${parsed.tool === 'demarc' ? ' — no Demarc rule has this id' : ''}`);
  }
  lines.push(parsed.reason ? `Reason: ${escapeMd(parsed.reason)}` : 'No reason given: add one after ` -- ` so reviewers know why.');
  if (parsed.until) {
    const today = env.today ?? new Date().toISOString().slice(0, 10);
    lines.push(parsed.until < today ? `Expired on ${parsed.until}: the finding is reported again.` : `Expires on ${parsed.until}.`);
  }
  if (suppressed.length) {
    lines.push(`Suppresses ${suppressed.length} finding${suppressed.length === 1 ? '' : 's'}:`);
    for (const f of suppressed) lines.push(`- ${f.ruleId} on ${escapeMd(f.resource ?? f.file)}: ${escapeMd(f.message)}`);
  } else lines.push('Suppresses no current finding.');
  return lines.join('\n\n');
}

/** The card is an extra: when it fails, the hover still shows findings and origins, and the log says why. */
function safeCall<T>(env: HoverEnv, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    env.onError?.(`responsibility card failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return undefined;
  }
}

/** Escapes what would turn user text (messages, names) into markdown structure or HTML. */
export function escapeMd(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, (c) => '\\' + c);
}
