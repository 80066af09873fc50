// A deliberately tiny engine for testing the LSP glue in-process before (and independently of) the real one:
// it understands `resource "type" "name" { key = value }` blocks with one attribute per line, two rules with fixes,
// `# demarc:ignore` comments above a block, and reports an unclosed block as a syntax problem. A file containing
// `BOOM` makes analysis throw, to test that the server survives.
import type { AnalyzeOptions, Unit, UnitResult } from '../../../server/src/engine/analyze';
import { detectKind, kindFromName } from '../../../server/src/engine/detect';
import { makeSourceFile } from '../../../server/src/engine/files';
import type { Field, ObjectVal, Val } from '../../../server/src/engine/evaluate/value';
import type { Comment, Host, SourceFile, SourceResource } from '../../../server/src/engine/source';
import type { Finding, Problem } from '../../../server/src/engine/types';
import type { RuleMeta } from '../../../server/src/engine/rules/meta';
import type { EnginePort } from '../../../server/src/lsp/engine-port';

const META: Record<string, Partial<RuleMeta>> = {
  'toy-public-acl': { id: 'toy-public-acl', title: 'Bucket ACL is public', resolution: 'Set acl to "private".', severity: 'high' },
  'toy-versioning': { id: 'toy-versioning', title: 'Bucket versioning is off', resolution: 'Set versioning = true.', severity: 'medium' },
};

export function toyEngine(): EnginePort {
  return {
    discover(roots: string[], host: Host) {
      const units: Unit[] = [];
      const walk = (dir: string) => {
        const entries = host.readDir(dir) ?? [];
        const tf = entries.filter((e) => !e.isDirectory && kindFromName(e.name) === 'terraform').map((e) => `${dir}/${e.name}`).sort();
        if (tf.length) units.push({ kind: 'terraform', path: dir, files: tf });
        for (const e of entries) if (e.isDirectory) walk(`${dir}/${e.name}`);
      };
      roots.forEach(walk);
      return { units, skipped: [], problems: [] };
    },
    analyzeUnit: toyAnalyze,
    detectKind,
    ruleMeta: (id) => META[id] as RuleMeta | undefined,
    ruleHelpUri: (id) => `https://rules.example/${id}`,
  };
}

function toyAnalyze(unit: Unit, host: Host, _options: AnalyzeOptions = {}): UnitResult {
  const files: SourceFile[] = [];
  const resources: SourceResource[] = [];
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  const comments = new Map<string, Comment[]>();
  for (const path of unit.files) {
    const text = host.readFile(path);
    if (text === undefined) continue;
    if (text.includes('BOOM')) throw new Error(`toy engine exploded on ${path}`);
    // What analyzeUnit reports when a rule throws: the rule is skipped, the others' findings stand.
    if (text.includes('RULEFAIL')) problems.push({ file: unit.path, severity: 'warning', code: 'rule-error', message: 'rule toy-versioning failed and was skipped: RULEFAIL' });
    const file = makeSourceFile(path, text, 'terraform');
    files.push(file);
    const fileComments: Comment[] = [];
    for (const m of text.matchAll(/#([^\n]*)/g)) fileComments.push({ span: { file: path, start: m.index!, end: m.index! + m[0].length }, text: m[1]! });
    comments.set(path, fileComments);
    for (const m of text.matchAll(/resource "([\w]+)" "([\w]+)" \{/g)) {
      const start = m.index!;
      const close = text.indexOf('\n}', start);
      if (close === -1) {
        problems.push({ file: path, span: { file: path, start, end: start + m[0].length }, severity: 'error', code: 'toy-syntax', message: 'Unclosed block: expected "}"' });
        continue;
      }
      const bodyOpen = start + m[0].length - 1;
      const end = close + 2;
      const fields = new Map<string, Field>();
      const bodyText = text.slice(bodyOpen + 1, close + 1);
      for (const a of bodyText.matchAll(/^[ \t]*(\w+)[ \t]*=[ \t]*(.+)$/gm)) {
        const keyStart = bodyOpen + 1 + a.index! + a[0].indexOf(a[1]!);
        const valStart = bodyOpen + 1 + a.index! + a[0].lastIndexOf(a[2]!);
        const raw = a[2]!.trim();
        const span = { file: path, start: valStart, end: valStart + raw.length };
        let value: Val;
        if (/^".*"$/.test(raw)) value = { kind: 'string', value: raw.slice(1, -1), origin: 'explicit', span };
        else if (raw === 'true' || raw === 'false') value = { kind: 'bool', value: raw === 'true', origin: 'explicit', span };
        else value = { kind: 'unknown', origin: 'unknown', reason: `reference ${raw}`, span };
        fields.set(a[1]!, { key: a[1]!, keySpan: { file: path, start: keyStart, end: keyStart + a[1]!.length }, value });
      }
      const body: ObjectVal = { kind: 'object', origin: 'explicit', fields, span: { file: path, start: bodyOpen, end } };
      const address = `${m[1]}.${m[2]}`;
      const r: SourceResource = {
        format: 'terraform', mode: 'resource', file: path, type: m[1]!, name: m[2]!, address,
        span: { file: path, start, end }, headerSpan: { file: path, start, end: bodyOpen - 1 }, body, bodySpan: { file: path, start: bodyOpen, end },
      };
      resources.push(r);
      if (r.type !== 'aws_s3_bucket') continue;
      const prevLineEnd = start - 1;
      const prevLine = text.slice(text.lastIndexOf('\n', prevLineEnd - 1) + 1, prevLineEnd);
      const ignored = /#\s*demarc:ignore\s+([\w-]+)/.exec(prevLine)?.[1];
      const report = (ruleId: string, s: number, e: number, message: string, fix: Finding['fix']) => {
        const f: Finding = { ruleId, severity: META[ruleId]!.severity!, ruleSeverity: META[ruleId]!.severity!, message, file: path, span: { file: path, start: s, end: e }, range: file.lines.rangeOf(s, e), resource: address, related: [], fix };
        if (ignored === ruleId) {
          const cs = text.lastIndexOf('#', prevLineEnd);
          f.suppressedBy = { tool: 'demarc', id: ruleId, reason: 'test', span: { file: path, start: cs, end: prevLineEnd } };
        }
        findings.push(f);
      };
      const acl = fields.get('acl')?.value;
      if (acl?.kind === 'string' && acl.value === 'public-read' && acl.span) {
        report('toy-public-acl', acl.span.start, acl.span.end, 'ACL public-read lets anyone list the bucket', { title: 'Set acl to "private"', edits: [{ file: path, start: acl.span.start, end: acl.span.end, newText: '"private"' }] });
      }
      const versioning = fields.get('versioning')?.value;
      if (!versioning) {
        report('toy-versioning', start, bodyOpen - 1, 'Versioning is not enabled', { title: 'Enable versioning', edits: [{ file: path, start: close + 1, end: close + 1, newText: '  versioning = true\n' }] });
      }
    }
  }
  return { unit, files, comments, sourceResources: resources, resources: [], findings, problems };
}
