// RuleTester: tables of valid and invalid cases per format, with expected positions and fix outputs.
// Every fix is applied, the output re-parsed and re-checked: the finding must be gone and nothing new may appear.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits } from '../../server/src/engine/fix';
import { stripSnippet } from '../../server/src/engine/fix/text';
import type { Finding } from '../../server/src/engine/types';
import type { ProjectConfig } from '../../server/src/engine/config';
import { memoryHost } from './memory-host';

export type Format = 'terraform' | 'cloudformation' | 'cloudformation-json';

export interface Case {
  name?: string;
  format: Format;
  code: string;
  /** Extra files beside the main one (variables.tf, terraform.tfvars, modules…), relative names. */
  files?: Record<string, string>;
  /** Project configuration (.demarc.yaml content, already parsed). */
  config?: ProjectConfig;
}

export interface ExpectedError {
  /** 1-based line of the finding's start. */
  line: number;
  column?: number;
  message?: RegExp;
  severity?: Finding['severity'];
  /** Related information messages expected (e.g. derived values point at their source). */
  relatedLines?: number[];
}

export interface InvalidCase extends Case {
  errors: ExpectedError[];
  /** Text of the main file after applying every fix of this rule; null when no fix is expected. */
  output?: string | null;
}

const MAIN: Record<Format, string> = { terraform: 'main.tf', cloudformation: 'template.yaml', 'cloudformation-json': 'template.json' };
let counter = 0;

export function workspace(c: Case): { root: string; main: string; files: Record<string, string> } {
  const root = `/ws${++counter}`;
  const files: Record<string, string> = { [`${root}/${MAIN[c.format]}`]: c.code };
  for (const [name, text] of Object.entries(c.files ?? {})) files[`${root}/${name}`] = text;
  return { root, main: `${root}/${MAIN[c.format]}`, files };
}

export function findingsFor(files: Record<string, string>, root: string, ruleId?: string, config?: ProjectConfig): { findings: Finding[]; problems: string[] } {
  const r = analyze([root], memoryHost(files), { ...(ruleId ? { onlyRules: [ruleId] } : {}), ...(config ? { config } : {}) });
  return {
    findings: r.findings.filter((f) => !f.suppressedBy),
    problems: r.problems.filter((p) => p.severity === 'error').map((p) => `${p.code}: ${p.message}`),
  };
}

export function applyRuleFixes(files: Record<string, string>, findings: Finding[]): Record<string, string> {
  const byFile = new Map<string, { start: number; end: number; newText: string }[]>();
  for (const f of findings) {
    for (const e of f.fix?.edits ?? []) {
      const list = byFile.get(e.file) ?? [];
      if (list.some((o) => e.start < o.end && o.start < e.end)) continue;
      list.push({ start: e.start, end: e.end, newText: f.fix?.snippet ? stripSnippet(e.newText) : e.newText });
      byFile.set(e.file, list);
    }
  }
  const out = { ...files };
  for (const [file, edits] of byFile) out[file] = applyEdits(out[file]!, edits);
  return out;
}

const key = (f: Finding) => `${f.ruleId}|${f.resource}|${f.message}`;

export function ruleTester(ruleId: string, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  for (const [i, c] of cases.valid.entries()) {
    test(`${ruleId} valid #${i + 1} (${c.format})${c.name ? `: ${c.name}` : ''}`, () => {
      const ws = workspace(c);
      const { findings, problems } = findingsFor(ws.files, ws.root, ruleId, c.config);
      assert.deepEqual(problems, [], 'the case must parse cleanly');
      assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
    });
  }
  for (const [i, c] of cases.invalid.entries()) {
    test(`${ruleId} invalid #${i + 1} (${c.format})${c.name ? `: ${c.name}` : ''}`, () => {
      const ws = workspace(c);
      const { findings, problems } = findingsFor(ws.files, ws.root, ruleId, c.config);
      assert.deepEqual(problems, [], 'the case must parse cleanly');
      assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} findings, got: ${findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join(' | ')}`);
      const sorted = [...findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      for (const [j, exp] of c.errors.entries()) {
        const f = sorted[j]!;
        assert.equal(f.range.start.line + 1, exp.line, `finding ${j + 1} line (${f.message})`);
        if (exp.column !== undefined) assert.equal(f.range.start.character + 1, exp.column, `finding ${j + 1} column`);
        if (exp.message) assert.match(f.message, exp.message);
        if (exp.severity) assert.equal(f.severity, exp.severity);
        if (exp.relatedLines) assert.deepEqual(f.related.map((r) => r.range.start.line + 1), exp.relatedLines);
        assert.ok(f.range.end.line > f.range.start.line || f.range.end.character >= f.range.start.character);
      }
      if (c.output === undefined) return;
      const fixable = findings.filter((f) => f.fix);
      if (c.output === null) {
        assert.equal(fixable.length, 0, 'no fix expected');
        return;
      }
      assert.ok(fixable.length > 0, 'a fix was expected');
      const before = findingsFor(ws.files, ws.root, undefined, c.config);
      const fixed = applyRuleFixes(ws.files, fixable);
      assert.equal(fixed[ws.main], c.output);
      const after = findingsFor(fixed, ws.root, undefined, c.config);
      assert.deepEqual(after.problems, [], 'the fixed file must parse cleanly');
      const remaining = after.findings.filter((f) => f.ruleId === ruleId);
      assert.equal(remaining.length, findings.length - fixable.length, `fixed findings must be gone: ${remaining.map((f) => f.message).join(' | ')}`);
      const known = new Set(before.findings.map(key));
      const fresh = after.findings.filter((f) => !known.has(key(f)));
      assert.deepEqual(fresh.map(key), [], 'a fix must not introduce new findings');
      const again = applyRuleFixes(fixed, after.findings.filter((f) => f.ruleId === ruleId && f.fix));
      assert.equal(again[ws.main], fixed[ws.main], 'a second application changes nothing');
    });
  }
}
