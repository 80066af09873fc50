// Fix safety, for every fixable rule on every example and fixture where it fires: the fixed file parses with no new
// problems, the finding is gone, no new finding appears, the edits stay inside the target resource (or add one block
// right after it), a second application changes nothing, and everything outside the edits is byte-identical.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits } from '../../server/src/engine/fix';
import { stripSnippet } from '../../server/src/engine/fix/text';
import { allRules } from '../../server/src/engine/rules/registry';
import type { Finding } from '../../server/src/engine/types';
import { memoryHost } from '../helpers/memory-host';
import { workspace } from '../helpers/rule-tester';

const root = new URL('../../', import.meta.url).pathname;

interface Ws {
  name: string;
  root: string;
  files: Record<string, string>;
}

function fromDisk(dir: string, name: string): Ws {
  const files: Record<string, string> = {};
  (function walk(d: string) {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(tf|tfvars|ya?ml|json)$/.test(e) && statSync(p).size < 200_000) files[`/disk/${relative(dir, p)}`] = readFileSync(p, 'utf8');
    }
  })(dir);
  return { name, root: '/disk', files };
}

const workspaces: Ws[] = [fromDisk(join(root, 'examples'), 'examples')];
for (const rule of allRules()) {
  for (const format of rule.meta.formats) {
    for (const [i, ex] of (rule.meta.examples[format]?.bad ?? []).entries()) {
      const ws = workspace({ format, code: ex.code });
      workspaces.push({ name: `${rule.meta.id} ${format} bad #${i + 1}`, root: ws.root, files: ws.files });
    }
  }
}

const key = (f: Finding) => `${f.ruleId}|${f.resource}|${f.message}`;

function run(files: Record<string, string>, r: string) {
  const result = analyze([r], memoryHost(files));
  return { findings: result.findings.filter((f) => !f.suppressedBy), problems: result.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}: ${p.message}`), result };
}

for (const ws of workspaces) {
  test(`fixes are safe: ${ws.name}`, () => {
    const before = run(ws.files, ws.root);
    const fixable = before.findings.filter((f) => f.fix && allRules().find((r) => r.meta.id === f.ruleId)?.meta.fixable);
    for (const f of fixable) {
      const edits = f.fix!.edits;
      const files = { ...ws.files };
      for (const file of new Set(edits.map((e) => e.file))) {
        const mine = edits.filter((e) => e.file === file).map((e) => ({ ...e, newText: f.fix!.snippet ? stripSnippet(e.newText) : e.newText }));
        const original = files[file]!;
        files[file] = applyEdits(original, mine);
        // Outside the edits, the text is byte-identical.
        const sorted = [...mine].sort((a, b) => a.start - b.start);
        assert.equal(files[file]!.slice(0, sorted[0]!.start), original.slice(0, sorted[0]!.start), `${f.ruleId}: text before the first edit changed`);
        const last = sorted[sorted.length - 1]!;
        assert.equal(files[file]!.slice(files[file]!.length - (original.length - last.end)), original.slice(last.end), `${f.ruleId}: text after the last edit changed`);
      }
      // Edits stay inside the resource (or its companions), or insert right after it.
      const unit = before.result.units.find((u) => u.sourceResources.some((s) => s.address === f.resource));
      const model = unit?.resources.find((m) => m.address === f.resource);
      assert.ok(model, `${f.ruleId}: resource ${f.resource} found`);
      const spans = [model!.source, ...model!.parts].map((s) => s.span);
      for (const e of edits) {
        assert.ok(spans.some((s) => s.file === e.file && e.start >= s.start && e.end <= s.end + 1), `${f.ruleId}: edit at ${e.file}:${e.start} outside ${f.resource}`);
      }
      const after = run(files, ws.root);
      assert.deepEqual(after.problems, before.problems, `${f.ruleId}: the fix must not introduce parse problems`);
      assert.ok(!after.findings.some((g) => key(g) === key(f) && g.span.file === f.span.file), `${f.ruleId}: finding still there after its fix: ${f.message}`);
      const known = new Set(before.findings.map(key));
      assert.deepEqual(after.findings.filter((g) => !known.has(key(g))).map(key), [], `${f.ruleId}: the fix introduced findings`);
      const again = after.findings.filter((g) => g.ruleId === f.ruleId && g.resource === f.resource && g.fix && key(g) === key(f));
      assert.equal(again.length, 0, `${f.ruleId}: a second application would change the file again`);
    }
  });
}
