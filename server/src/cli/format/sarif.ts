// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers. Rule descriptors come from the
// same metadata as hovers and docs; fingerprints survive lines moving; fixes and suppressions are included.
import { fingerprintHash } from '../../shared/fingerprint';

export { fingerprintHash, sha256Hex } from '../../shared/fingerprint';
import type { RuleMeta } from '../../engine/rules/meta';
import { allRules, ruleHelpUri } from '../../engine/rules/registry';
import type { SourceFile } from '../../engine/source';
import type { Finding, Problem, Severity } from '../../engine/types';
import { securitySeverity } from '../../engine/types';
import { compareFindings, displayPath, snippetToPlain, type RenderContext, type ScanReport } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/demarc-dev/demarc';
export const FINGERPRINT_KEY = 'demarcFinding/v1';

type Json = Record<string, unknown>;

export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

export function ruleDescriptor(meta: RuleMeta): Json {
  const links = meta.links.map((l) => `- ${l}`).join('\n');
  const eq = meta.equivalents;
  const equivalents = [...(eq.checkov ?? []), ...(eq.trivy ?? []), ...(eq.kics ?? [])];
  return {
    id: meta.id,
    // SARIF names are PascalCase identifiers; derive one from the id so viewers have something stable.
    name: meta.id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.explanation },
    help: {
      text: `${meta.resolution}${meta.links.length ? `\n\n${meta.links.join('\n')}` : ''}`,
      markdown: `**${meta.title}**\n\n${meta.explanation}\n\n**Resolution:** ${meta.resolution}${links ? `\n\n${links}` : ''}`,
    },
    helpUri: ruleHelpUri(meta.id),
    defaultConfiguration: { level: sarifLevel(meta.severity) },
    properties: {
      tags: ['security', 'aws', meta.service, ...meta.formats],
      'security-severity': securitySeverity(meta.severity),
      precision: 'high',
      controls: meta.controls,
      equivalents,
      responsibility: meta.responsibility.layer,
    },
  };
}

export function toSarif(r: ScanReport, rules: readonly RuleMeta[] = allRules().map((x) => x.meta)): Json {
  const index = ruleIndexes(rules);
  const seen = new Map<string, number>();
  const results = [...r.findings].sort(compareFindings).map((f) => sarifResult(f, r, index, fingerprint(f, r.files.get(f.file), seen)));
  return sarifLog(r.toolVersion, r.cwd, rules, results, r.problems);
}

/** Rule id → its position in the driver's rules array (a result's ruleIndex). */
export function ruleIndexes(rules: readonly RuleMeta[] = allRules().map((x) => x.meta)): Map<string, number> {
  return new Map(rules.map((m, i) => [m.id, i]));
}

/** The log around its results; the streamed output (cli/report-writer.ts) passes a placeholder result. */
export function sarifLog(toolVersion: string, cwd: string, rules: readonly RuleMeta[], results: unknown[], problems: readonly Problem[]): Json {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Demarc', version: toolVersion, semanticVersion: toolVersion, informationUri: INFORMATION_URI, rules: rules.map(ruleDescriptor) } },
        originalUriBaseIds: { '%SRCROOT%': { uri: fileUri(cwd.endsWith('/') ? cwd : `${cwd}/`) } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: !problems.some((p) => p.severity === 'error' && /unreadable|not-found/.test(p.code)),
            toolExecutionNotifications: problems.map((p) => ({
              level: p.severity === 'info' ? 'note' : p.severity,
              message: { text: p.message },
              descriptor: { id: p.code },
              locations: [{ physicalLocation: { artifactLocation: artifact(p.file, cwd), ...(p.range ? { region: region(p.range) } : {}) } }],
            })),
          },
        ],
      },
    ],
  };
}

/**
 * One result; `fingerprintValue` is the `hash:occurrence` partial fingerprint (see fingerprint()). `compared`: the scan
 * had a baseline, so the result says whether it is new or was in it (SARIF `baselineState`).
 */
export function sarifResult(f: Finding, r: RenderContext, ruleIndex: ReadonlyMap<string, number>, fingerprintValue: string, compared = false): Json {
  const result: Json = {
    ruleId: f.ruleId,
    level: sarifLevel(f.severity),
    message: { text: f.resource ? `${f.message} (${f.resource})` : f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: artifact(f.file, r.cwd), region: region(f.range) },
        ...(f.resource ? { logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }] } : {}),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintValue },
    properties: {
      severity: f.severity,
      ...(f.resourceType ? { resourceType: f.resourceType } : {}),
      ...(f.notes?.length ? { notes: f.notes } : {}),
    },
  };
  if (compared) result.baselineState = f.suppressedBy?.tool === 'baseline' ? 'unchanged' : 'new';
  const i = ruleIndex.get(f.ruleId);
  if (i !== undefined) result.ruleIndex = i;
  if (f.related.length) {
    result.relatedLocations = f.related.map((x, id) => ({
      id,
      physicalLocation: { artifactLocation: artifact(x.file, r.cwd), region: region(x.range) },
      message: { text: x.message },
    }));
  }
  const fix = f.fix && sarifFix(f, r);
  if (fix) result.fixes = [fix];
  if (f.suppressedBy) {
    const s = f.suppressedBy;
    // A baseline keeps its suppressions outside the source (SARIF's "external").
    const baseline = s.tool === 'baseline';
    result.suppressions = [
      {
        kind: baseline ? 'external' : 'inSource',
        status: 'accepted',
        justification: baseline ? `accepted in the baseline ${s.id}` : (s.reason ?? `${s.tool} suppression without a reason`),
        properties: { tool: s.tool, id: s.id, ...(s.until ? { until: s.until } : {}) },
      },
    ];
  }
  return result;
}

export function formatSarif(r: ScanReport): string {
  return `${JSON.stringify(toSarif(r), null, 2)}\n`;
}

/**
 * Stable across edits that move lines: rule, resource address and the offending line's text with its
 * whitespace normalized; never the line number. Identical findings get an occurrence suffix in file order.
 */
export function fingerprint(f: Finding, file: SourceFile | undefined, seen: Map<string, number>): string {
  const h = fingerprintHash(f, file);
  const n = (seen.get(h) ?? 0) + 1;
  seen.set(h, n);
  return `${h}:${n}`;
}


function sarifFix(f: Finding, r: RenderContext): Json | undefined {
  const fix = f.fix!;
  const byFile = new Map<string, Json[]>();
  for (const e of fix.edits) {
    const file = r.files.get(e.file);
    if (!file) return undefined;
    const rg = file.lines.rangeOf(e.start, e.end);
    const list = byFile.get(e.file) ?? [];
    list.push({
      deletedRegion: { ...region(rg), charOffset: e.start, charLength: e.end - e.start },
      insertedContent: { text: fix.snippet ? snippetToPlain(e.newText) : e.newText },
    });
    byFile.set(e.file, list);
  }
  if (byFile.size === 0) return undefined;
  return {
    description: { text: fix.needsInput ? `${fix.title} (fill in the placeholder)` : fix.title },
    artifactChanges: [...byFile].map(([path, replacements]) => ({ artifactLocation: artifact(path, r.cwd), replacements })),
  };
}

function region(range: { start: { line: number; character: number }; end: { line: number; character: number } }): Json {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function artifact(path: string, cwd: string): Json {
  const rel = displayPath(path, cwd);
  // Files outside the scanned root keep an absolute file URI instead of a relative reference with "..".
  if (rel.startsWith('/') || rel.startsWith('../') || /^[A-Za-z]:/.test(rel)) return { uri: fileUri(path) };
  return { uri: encodePath(rel), uriBaseId: '%SRCROOT%' };
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function fileUri(abs: string): string {
  const p = abs.startsWith('/') ? abs : `/${abs}`;
  return `file://${encodePath(p)}`;
}
