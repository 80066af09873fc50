// Inline suppressions: Demarc's own comments and Metadata, and those of the scanners teams migrate from
// (Checkov, tfsec/Trivy, KICS, cfn_nag, cfn-lint), so switching to Demarc does not mean rewriting them.
//
// Demarc comment syntax (HCL `#`, `//`, `/* */`, and YAML `#`):
//   demarc:ignore <rule-id>[,<rule-id>…] [until=YYYY-MM-DD] -- <reason>
// Placement decides what is covered:
//   - on the line(s) directly above a resource, or trailing its header line → every finding on that resource;
//   - trailing an attribute line, or on the line above it → findings on that line, and on the whole nested
//     block / mapping / heredoc when that line opens one.
// `*` (or `all`) as the rule id covers every rule; it still needs a reason.
// CloudFormation (JSON and YAML): resource `Metadata: { demarc: { ignore: [{ id, reason, until }] } }`.
//
// Another scanner's id suppresses exactly the Demarc rules whose `meta.equivalents` list it.
import type { Comment, SourceFile, SourceResource } from './source';
import type { Finding, Problem, Span, Suppression } from './types';
import type { Val } from './evaluate/value';
import type { RuleMeta } from './rules/meta';
import { getRuleMeta } from './rules/registry';
import { baseAddress } from './adapt/context';
import { LineIndex } from './text';
import { isValidDate, parseDemarcDirective } from './suppress-directive';

export { parseDemarcDirective, type ParsedDemarcDirective } from './suppress-directive';

export interface SuppressionContext {
  files: SourceFile[];
  comments: Map<string, Comment[]>;
  resources: SourceResource[];
}

export interface SuppressionOptions {
  /** `YYYY-MM-DD` (or a Date) taken as today when checking `until=` / `:exp:` dates. Defaults to the real date (UTC). */
  today?: string | Date;
  /** Rule metadata lookup; defaults to the registry. */
  ruleMeta?: (id: string) => RuleMeta | undefined;
}

type Tool = 'demarc' | 'checkov' | 'tfsec' | 'trivy' | 'kics' | 'cfn_nag' | 'cfn-lint';

/** What a suppression covers before rule ids are considered. */
type Scope =
  | { kind: 'resource'; resource: SourceResource }
  | { kind: 'lines'; file: string; from: number; to: number }
  /** A `module "name" {}` call: every resource the module creates (addresses under `module.name.`). */
  | { kind: 'module'; prefix: string; lines: { file: string; from: number; to: number } }
  | { kind: 'file'; file: string };

interface Directive {
  tool: Tool;
  /** Ids as written; empty means "every rule" (KICS line/block/file ignores carry no id). */
  ids: string[];
  reason?: string;
  until?: string;
  span: Span;
  scope: Scope;
  /** For id-less directives (KICS), what was written: `ignore-line`, `ignore-block`, `ignore`. */
  what?: string;
  /** Set when the directive is past its date: it is reported, and covers nothing. */
  expired?: boolean;
}

export function applySuppressions(
  findings: Finding[],
  ctx: SuppressionContext,
  options: SuppressionOptions = {},
): { findings: Finding[]; problems: Problem[] } {
  const today = normalizeToday(options.today);
  const lookup = options.ruleMeta ?? getRuleMeta;
  const problems: Problem[] = [];
  const directives: Directive[] = [];
  const filesByPath = new Map(ctx.files.map((f) => [f.path, f]));

  const resourcesByFile = new Map<string, SourceResource[]>();
  for (const r of ctx.resources) {
    if (r.span.file !== r.file) continue;
    const list = resourcesByFile.get(r.file);
    if (list) list.push(r);
    else resourcesByFile.set(r.file, [r]);
  }
  for (const file of ctx.files) {
    const comments = ctx.comments.get(file.path) ?? scanComments(file);
    if (comments.length === 0) continue;
    const where = resourceLookup(file, resourcesByFile.get(file.path) ?? []);
    for (const c of comments) directives.push(...directivesFromComment(file, c, where, problems));
  }
  for (const r of ctx.resources) directives.push(...directivesFromMetadata(r, problems));

  for (const d of directives) {
    if (d.until && d.until < today) {
      d.expired = true;
      problems.push(problemAt(filesByPath, d.span, 'warning', 'suppression-expired', `${label(d)} expired on ${d.until}; the finding is reported again. Fix it, or renew the date with a reason`));
    }
    if (d.tool === 'demarc') {
      if (!d.reason) problems.push(problemAt(filesByPath, d.span, 'warning', 'suppression-no-reason', `${label(d)} has no reason; write one after " -- " so reviewers know why`));
      for (const id of d.ids) {
        if (isWildcard(id) || lookup(id)) continue;
        if (!looksLikeOtherScannerId(id)) problems.push(problemAt(filesByPath, d.span, 'warning', 'suppression-unknown-rule', `demarc:ignore names an unknown rule "${id}" (see \`demarc rules\`)`));
      }
    }
  }

  for (const p of problems) {
    const f = p.span && !p.range ? filesByPath.get(p.span.file) : undefined;
    if (f && p.span) p.range = f.lines.rangeOf(p.span.start, p.span.end);
  }

  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.span?.start ?? 0) - (b.span?.start ?? 0)));

  const active = directives.filter((d) => !d.expired);
  const candidates = directiveIndex(active, filesByPath);
  const out = findings.map((f) => {
    if (f.suppressedBy) return f;
    // The first directive, in the order they were read, that covers the finding and names its rule.
    let d: Directive | undefined;
    for (const i of candidates(f)) {
      const x = active[i]!;
      if (covers(x, f) && matchesRule(x, f.ruleId, lookup)) {
        d = x;
        break;
      }
    }
    if (!d) return f;
    const s: Suppression = { tool: d.tool, id: d.ids.join(',') || d.what || '*', span: d.span };
    if (d.reason) s.reason = d.reason;
    if (d.until) s.until = d.until;
    return { ...f, suppressedBy: s };
  });
  return { findings: out, problems };
}

// ---------------------------------------------------------------------------------------------------------
// Comments

const DEMARC_RE = /demarc:ignore\b([^\n]*)/;
const CHECKOV_RE = /checkov:skip=([A-Za-z0-9_]+)(?::([^\n]*))?/g;
const TFSEC_RE = /\b(tfsec|trivy):ignore:([A-Za-z0-9_*.-]+)((?::[a-z]+:[^\s:]+)*)/g;
const KICS_RE = /kics-scan\s+(ignore-line|ignore-block|ignore|disable=([A-Za-z0-9_,-]+))(?![\w-])/;

/** A file's resources by header line and by position, answering what a scan of every resource per comment did. */
interface ResourceLookup {
  /** The first resource (in list order) whose block or header starts on `line`. */
  atHeaderLine(line: number): SourceResource | undefined;
  /** The first resource (in list order) whose block contains `span`. */
  enclosing(span: Span): SourceResource | undefined;
}

function resourceLookup(file: SourceFile, resources: SourceResource[]): ResourceLookup {
  const byLine = new Map<number, SourceResource>();
  for (const r of resources) for (const l of headerLines(file, r)) if (!byLine.has(l)) byLine.set(l, r);
  // Sorted by start, with the furthest end reached so far: scanning back from the last block starting at or before
  // a comment stops as soon as no earlier block reaches it (blocks do not overlap, instances of one block share it).
  const order = resources.map((r, i) => ({ r, i })).sort((a, b) => a.r.span.start - b.r.span.start || a.i - b.i);
  const reach: number[] = [];
  for (let k = 0; k < order.length; k++) reach.push(Math.max(k ? reach[k - 1]! : -1, order[k]!.r.span.end));
  return {
    atHeaderLine: (line) => byLine.get(line),
    enclosing(span) {
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (order[mid]!.r.span.start <= span.start) lo = mid + 1;
        else hi = mid;
      }
      let best: { r: SourceResource; i: number } | undefined;
      for (let k = lo - 1; k >= 0 && reach[k]! >= span.end; k--) {
        const o = order[k]!;
        if (o.r.span.end >= span.end && (!best || o.i < best.i)) best = o;
      }
      return best?.r;
    },
  };
}

/**
 * The directives that may cover a finding, as indices in reading order: by file for file-wide ones, by line for
 * line ranges and resource blocks, by address for resources, and every module-call one (rare). A list of all of them
 * per finding made suppression quadratic: 89 s for a module of 8,000 buckets with two comments each.
 */
function directiveIndex(directives: Directive[], files: Map<string, SourceFile>): (f: Finding) => number[] {
  const fileWide = new Map<string, number[]>();
  const byLine = new Map<string, Map<number, number[]>>();
  const wide = new Map<string, number[]>();
  const byAddress = new Map<string, number[]>();
  const everywhere: number[] = [];
  const push = <K,>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  const lines = (file: string, from: number, to: number, i: number) => {
    // Long ranges (a whole module call, a big block) go to a per-file list rather than into every line's bucket.
    if (to - from > 256) return push(wide, file, i);
    let m = byLine.get(file);
    if (!m) byLine.set(file, (m = new Map()));
    for (let l = from; l <= to; l++) push(m, l, i);
  };
  directives.forEach((d, i) => {
    const s = d.scope;
    switch (s.kind) {
      case 'file':
        return push(fileWide, s.file, i);
      case 'lines':
        return lines(s.file, s.from, s.to, i);
      case 'module':
        return everywhere.push(i);
      case 'resource': {
        push(byAddress, baseAddress(s.resource.address), i);
        const f = files.get(s.resource.span.file);
        if (f) lines(f.path, f.lines.positionAt(s.resource.span.start).line, f.lines.positionAt(s.resource.span.end).line, i);
        else everywhere.push(i);
        return;
      }
    }
  });
  const none: number[] = [];
  return (f) => {
    const lists = [fileWide.get(f.file), byLine.get(f.file)?.get(f.range.start.line), wide.get(f.file), f.resource !== undefined ? byAddress.get(baseAddress(f.resource)) : undefined, everywhere];
    const found = new Set<number>();
    for (const list of lists) if (list) for (const i of list) found.add(i);
    return found.size === 0 ? none : [...found].sort((a, b) => a - b);
  };
}

function directivesFromComment(file: SourceFile, c: Comment, resources: ResourceLookup, problems: Problem[]): Directive[] {
  const text = c.text;
  const out: Directive[] = [];
  if (!/demarc:|checkov:|tfsec:|trivy:|kics-scan/.test(text)) return out;
  const lines = file.lines;
  const line = lines.positionAt(c.span.start).line;
  const standalone = isStandalone(file, c.span.start);
  const span = c.span;
  const fileProblems = (code: string, message: string) => problems.push({ file: file.path, span, range: lines.rangeOf(span.start, span.end), severity: 'warning', code, message });

  // Where a comment sits decides what it covers: trailing → its own line; on its own line → the next code line.
  const targetLine = standalone ? nextCodeLine(file, line) : line;
  const resourceAtTarget = targetLine === undefined ? undefined : resources.atHeaderLine(targetLine);
  const lineScope = (): Scope | undefined => {
    if (targetLine === undefined) return undefined;
    if (resourceAtTarget) return { kind: 'resource', resource: resourceAtTarget };
    const lines = { file: file.path, from: targetLine, to: blockEnd(file, targetLine) };
    const call = file.kind === 'terraform' ? /^\s*module\s+"([^"]+)"/.exec(file.lines.lineText(targetLine)) : null;
    if (call) return { kind: 'module', prefix: `module.${call[1]}.`, lines };
    return { kind: 'lines', ...lines };
  };
  const enclosing = resources.enclosing(span);

  const dm = DEMARC_RE.exec(text);
  if (dm) {
    const parsed = parseDemarcDirective(dm[1] ?? '');
    if (parsed.error) fileProblems('suppression-invalid', `demarc:ignore ${parsed.error}`);
    else {
      const scope = lineScope();
      if (scope) out.push({ tool: 'demarc', ids: parsed.ids, reason: parsed.reason, until: parsed.until, span, scope });
    }
  }

  for (const m of text.matchAll(CHECKOV_RE)) {
    // Checkov reads skips from comments inside the resource; a comment just above it is accepted too.
    const resource = enclosing ?? resourceAtTarget;
    const scope: Scope | undefined = resource ? { kind: 'resource', resource } : lineScope();
    if (scope) out.push({ tool: 'checkov', ids: [m[1]!], reason: m[2]?.trim() || undefined, span, scope });
  }

  for (const m of text.matchAll(TFSEC_RE)) {
    const scope = lineScope();
    if (!scope) continue;
    let until: string | undefined;
    // Options follow the id as `:name:value` pairs; only `exp` changes what we do (workspace filters do not apply).
    const parts = (m[3] ?? '').split(':').slice(1);
    for (let i = 0; i + 1 < parts.length; i += 2) {
      if (parts[i] !== 'exp') continue;
      if (isValidDate(parts[i + 1]!)) until = parts[i + 1];
      else fileProblems('suppression-invalid', `${m[1]}:ignore expiry "${parts[i + 1]}" is not a valid YYYY-MM-DD date`);
    }
    out.push({ tool: m[1] as Tool, ids: [m[2]!], until, span, scope });
  }

  const km = KICS_RE.exec(text);
  if (km) {
    const what = km[1]!;
    if (what === 'ignore-line') {
      // KICS ignores the line below the comment (or the comment's own line when it trails code).
      if (targetLine !== undefined) out.push({ tool: 'kics', ids: [], what, span, scope: { kind: 'lines', file: file.path, from: targetLine, to: targetLine } });
    } else if (what === 'ignore-block') {
      const scope = lineScope();
      if (scope) out.push({ tool: 'kics', ids: [], what, span, scope });
    } else if (what === 'ignore') {
      out.push({ tool: 'kics', ids: [], what, span, scope: { kind: 'file', file: file.path } });
    } else {
      out.push({ tool: 'kics', ids: km[2]!.split(',').filter(Boolean), span, scope: { kind: 'file', file: file.path } });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// CloudFormation Metadata (also read for YAML templates)

function directivesFromMetadata(r: SourceResource, problems: Problem[]): Directive[] {
  const md = r.metadata;
  if (!md || md.kind !== 'object') return [];
  const out: Directive[] = [];
  const scope: Scope = { kind: 'resource', resource: r };
  const spanOf = (v: Val | undefined) => v?.span ?? md.span ?? r.headerSpan;

  for (const entry of listAt(md, ['demarc', 'ignore'])) {
    const id = str(entry, 'id') ?? (entry.kind === 'string' ? entry.value : undefined);
    const span = spanOf(entry);
    if (!id) {
      problems.push({ file: r.file, span, severity: 'warning', code: 'suppression-invalid', message: `Metadata.demarc.ignore entry on ${r.address} needs an "id"` });
      continue;
    }
    const until = str(entry, 'until');
    if (until !== undefined && !isValidDate(until)) {
      problems.push({ file: r.file, span, severity: 'warning', code: 'suppression-invalid', message: `Metadata.demarc.ignore "until" for ${id} on ${r.address} is not a valid YYYY-MM-DD date: "${until}"` });
      continue;
    }
    out.push({ tool: 'demarc', ids: [id], reason: str(entry, 'reason') ?? str(entry, 'justification'), until, span, scope });
  }
  for (const entry of listAt(md, ['checkov', 'skip'])) {
    const id = str(entry, 'id');
    if (id) out.push({ tool: 'checkov', ids: [id], reason: str(entry, 'comment'), span: spanOf(entry), scope });
  }
  for (const entry of listAt(md, ['cfn_nag', 'rules_to_suppress'])) {
    const id = str(entry, 'id');
    if (id) out.push({ tool: 'cfn_nag', ids: [id], reason: str(entry, 'reason'), span: spanOf(entry), scope });
  }
  for (const entry of listAt(md, ['cfn-lint', 'config', 'ignore_checks'])) {
    if (entry.kind === 'string') out.push({ tool: 'cfn-lint', ids: [entry.value], span: spanOf(entry), scope });
  }
  return out;
}

function listAt(v: Val, path: string[]): Val[] {
  let cur: Val | undefined = v;
  for (const k of path) cur = cur?.kind === 'object' ? cur.fields.get(k)?.value : undefined;
  if (!cur) return [];
  if (cur.kind === 'list') return cur.items;
  return [cur];
}

function str(v: Val, key: string): string | undefined {
  if (v.kind !== 'object') return undefined;
  const f = v.fields.get(key)?.value;
  if (f?.kind === 'string') return f.value;
  if (f?.kind === 'number' || f?.kind === 'bool') return String(f.value);
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Matching

function covers(d: Directive, f: Finding): boolean {
  const s = d.scope;
  switch (s.kind) {
    case 'file':
      return f.file === s.file;
    case 'lines':
      return f.file === s.file && f.range.start.line >= s.from && f.range.start.line <= s.to;
    case 'module':
      return (f.resource?.startsWith(s.prefix) ?? false) || (f.file === s.lines.file && f.range.start.line >= s.lines.from && f.range.start.line <= s.lines.to);
    case 'resource': {
      const r = s.resource;
      if (f.resource !== undefined && (f.resource === r.address || baseAddress(f.resource) === baseAddress(r.address))) return true;
      // Findings located inside the block (e.g. on a companion resource reported under its parent's address).
      return f.span.file === r.span.file && f.span.start >= r.span.start && f.span.end <= r.span.end;
    }
  }
}

function matchesRule(d: Directive, ruleId: string, lookup: (id: string) => RuleMeta | undefined): boolean {
  if (d.ids.length === 0) return true;
  const meta = lookup(ruleId);
  const eq = (meta?.equivalents ?? {}) as Record<string, string[] | undefined>;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return d.ids.some((id) => {
    if (isWildcard(id)) return true;
    switch (d.tool) {
      case 'demarc':
        // Our own id, or, to ease migration, another scanner's id for the same control.
        return id === ruleId || Object.values(eq).some((list) => list?.some((x) => same(x, id)));
      case 'checkov':
        return (eq.checkov ?? []).some((x) => same(x, id));
      case 'tfsec':
      case 'trivy':
        return (eq.trivy ?? []).some((x) => same(x, id));
      case 'kics':
        return (eq.kics ?? []).some((x) => same(x, id));
      case 'cfn_nag':
      case 'cfn-lint':
        // These tools' ids are only honored where a rule lists them (or names the Demarc rule itself).
        return id === ruleId || (eq[d.tool] ?? []).some((x) => same(x, id));
    }
  });
}

function isWildcard(id: string): boolean {
  return id === '*' || id.toLowerCase() === 'all';
}

/** Checkov, Trivy/tfsec and KICS ids are accepted in demarc:ignore; they are not "unknown Demarc rules". */
function looksLikeOtherScannerId(id: string): boolean {
  return /^CKV2?_[A-Z0-9]+_\d+$/i.test(id) || /^AVD-[A-Z]+-\d+$/i.test(id) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

function label(d: Directive): string {
  const ids = d.ids.join(',') || '(all rules)';
  switch (d.tool) {
    case 'demarc':
      return `suppression demarc:ignore ${ids}`;
    case 'checkov':
      return `suppression checkov:skip=${ids}`;
    case 'tfsec':
    case 'trivy':
      return `suppression ${d.tool}:ignore:${ids}`;
    default:
      return `${d.tool} suppression ${ids}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Text helpers

function headerLines(file: SourceFile, r: SourceResource): number[] {
  const a = file.lines.positionAt(r.span.start).line;
  const b = file.lines.positionAt(r.headerSpan.start).line;
  return a === b ? [a] : [a, b];
}

function isStandalone(file: SourceFile, offset: number): boolean {
  // Backwards to the first non-blank character: comments packed on one long line stop at once (a slice of the whole
  // line per comment made 50,000 of them on a 1 MB line quadratic).
  const start = file.lines.lineStart(offset);
  for (let i = offset - 1; i >= start; i--) if (!/\s/.test(file.text[i]!)) return false;
  return true;
}

function isCommentOrBlank(text: string): 'blank' | 'comment' | 'code' {
  const t = text.trim();
  if (t === '') return 'blank';
  if (t.startsWith('#') || t.startsWith('//') || t.startsWith('/*') || t.startsWith('*')) return 'comment';
  return 'code';
}

/** The first code line after `line`, passing over further comment lines; a blank line ends the search. */
function nextCodeLine(file: SourceFile, line: number): number | undefined {
  // Answered from a table built once per file, bottom up: a run of 50,000 comment lines, each searching down to the
  // code below them, took 39 s.
  let next = NEXT_CODE.get(file);
  if (!next) {
    next = new Array<number | undefined>(file.lines.lineCount).fill(undefined);
    for (let l = file.lines.lineCount - 2; l >= 0; l--) {
      const kind = isCommentOrBlank(file.lines.lineText(l + 1));
      next[l] = kind === 'code' ? l + 1 : kind === 'blank' ? undefined : next[l + 1];
    }
    NEXT_CODE.set(file, next);
  }
  return next[line];
}
const NEXT_CODE = new WeakMap<SourceFile, (number | undefined)[]>();

/**
 * Last line of the construct that starts on `line`: an HCL block/object/list opened there, a heredoc,
 * or (YAML) the lines indented deeper than it. A plain one-line attribute ends where it starts.
 */
function blockEnd(file: SourceFile, line: number): number {
  const text = file.lines.lineText(line);
  const isYaml = file.kind === 'cloudformation-yaml';
  if (isYaml) {
    const indent = indentOf(text);
    let last = line;
    for (let l = line + 1; l < file.lines.lineCount; l++) {
      const t = file.lines.lineText(l);
      if (t.trim() === '' || t.trim().startsWith('#')) continue;
      const i = indentOf(t);
      // Sequence items may sit at the parent key's own indentation (`Key:\n- item`).
      if (i > indent || (i === indent && t.trimStart().startsWith('- ') && !text.trimStart().startsWith('- '))) last = l;
      else break;
    }
    return last;
  }
  const heredoc = /<<-?\s*([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(text);
  if (heredoc) {
    for (let l = line + 1; l < file.lines.lineCount; l++) if (file.lines.lineText(l).trim() === heredoc[1]) return l;
    return line;
  }
  let depth = 0;
  for (let l = line; l < file.lines.lineCount; l++) {
    depth += bracketBalance(file.lines.lineText(l));
    if (depth <= 0) return l;
  }
  return line;
}

function bracketBalance(line: string): number {
  let n = 0;
  let quote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') quote = true;
    else if (c === '#' || (c === '/' && line[i + 1] === '/')) break;
    else if (c === '{' || c === '[' || c === '(') n++;
    else if (c === '}' || c === ']' || c === ')') n--;
  }
  return n;
}

function indentOf(s: string): number {
  return s.length - s.trimStart().length;
}

/**
 * Fallback when the evaluator handed over no comments for a file: full-line comments, plus trailing
 * comments that carry a suppression keyword (distinctive enough not to be mistaken inside strings).
 */
function scanComments(file: SourceFile): Comment[] {
  const out: Comment[] = [];
  if (file.kind === 'cloudformation-json' || file.kind === 'terraform-json' || file.kind === 'tfvars-json') return out;
  const yaml = file.kind === 'cloudformation-yaml';
  for (let l = 0; l < file.lines.lineCount; l++) {
    const lineText = file.lines.lineText(l);
    const lineStart = file.lines.offsetAt({ line: l, character: 0 });
    const m = (yaml ? /(^|\s)(#)/ : /(^|\s)(#|\/\/|\/\*)/).exec(lineText);
    if (!m) continue;
    const markerAt = m.index + m[1]!.length;
    const rest = lineText.slice(markerAt + m[2]!.length);
    const full = lineText.slice(0, markerAt).trim() === '';
    if (!full && !/demarc:|checkov:|tfsec:|trivy:|kics-scan/.test(rest)) continue;
    out.push({ span: { file: file.path, start: lineStart + markerAt, end: lineStart + lineText.length }, text: rest.replace(/\*\/\s*$/, '') });
  }
  return out;
}

function problemAt(files: Map<string, SourceFile>, span: Span, severity: Problem['severity'], code: string, message: string): Problem {
  const f = files.get(span.file);
  const p: Problem = { file: span.file, span, severity, code, message };
  if (f) p.range = f.lines.rangeOf(span.start, span.end);
  return p;
}

function normalizeToday(t: string | Date | undefined): string {
  if (typeof t === 'string') return t;
  return (t ?? new Date()).toISOString().slice(0, 10);
}

/** Suppression-relevant comments of a text, without a parser (tests, and hovers on files not yet evaluated). */
export function commentsFromText(path: string, text: string, kind: SourceFile['kind']): Comment[] {
  return scanComments({ path, text, kind, lines: new LineIndex(text) });
}
