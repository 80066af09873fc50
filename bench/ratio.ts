// Analysis time over bare parse time, on a generated mixed workspace, with where the analysis time goes.
// bench/run.ts bundles this file with esbuild the way dist/ is built (tsx adds a name-keeping wrapper to every
// function expression, which costs several percent in hot code the shipped bundles never run) and runs it in a
// fresh process, so earlier steps' heaps do not disturb it. Prints one JSON object on stdout.
// Usage: node bench/.build/ratio.cjs <workspace folder>
import { readFileSync } from 'node:fs';
import { analyze, analyzeUnit, discover, type PhaseTimes } from '../server/src/engine/analyze';
import { parseTemplate } from '../server/src/engine/parse/cloudformation';
import { parseHcl } from '../server/src/engine/parse/hcl';
import { createNodeHost } from '../server/src/host/node-host';

const dir = process.argv[2];
if (!dir) throw new Error('usage: ratio.cjs <workspace folder>');
const host = createNodeHost();
const paths = discover([dir], host).units.flatMap((u) => u.files);
const texts = paths.map((p) => readFileSync(p, 'utf8'));

/**
 * Median of 5 runs after 6 warm-ups (analysis needs several passes before the JIT has settled), in CPU milliseconds
 * of this process: steadier than wall time on a shared machine.
 */
function median(fn: () => void): number {
  for (let i = 0; i < 6; i++) fn();
  const s: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    s.push((d.user + d.system) / 1000);
  }
  return s.sort((a, b) => a - b)[2]!;
}

const parseMs = median(() => texts.forEach((t, i) => (paths[i]!.endsWith('.tf') ? parseHcl(t) : parseTemplate(t, paths[i]!.endsWith('.json') ? 'json' : 'yaml'))));
// Analysis as `demarc scan` runs it in each worker: discovery, then unit by unit, each result dropped once counted.
let findings = 0;
const unitByUnit = (fixes: boolean) => () => {
  findings = 0;
  for (const unit of discover([dir], host).units) findings += analyzeUnit(unit, host, { fixes }).findings.length;
};
const analyzeMs = median(unitByUnit(true));
const analyzeNoFixesMs = median(unitByUnit(false));
// Everything but the rules (reading, parsing, evaluation, the model): how much of the ratio the rules and findings make.
const noRulesMs = median(() => {
  for (const unit of discover([dir], host).units) analyzeUnit(unit, host, { onlyRules: ['-'] });
});
// Reading and parsing the files, as analysis reads them (the bare parse above has the texts in memory already).
const readParseMs = median(() => paths.forEach((p) => { const t = readFileSync(p, 'utf8'); if (p.endsWith('.tf')) parseHcl(t); else parseTemplate(t, p.endsWith('.json') ? 'json' : 'yaml'); }));
// analyze() keeps every unit's model for its callers (the language server does the same): more garbage-collector work.
const retainedMs = median(() => analyze([dir], host));
// One more pass, with the phases timed (wall time; the share of each is what matters).
const phases: PhaseTimes = { read: 0, evaluate: 0, adapt: 0, rules: 0, finish: 0 };
for (const unit of discover([dir], host).units) analyzeUnit(unit, host, { phases });

const megabytes = texts.reduce((n, t) => n + t.length, 0) / 1024 / 1024;
process.stdout.write(JSON.stringify({ files: paths.length, megabytes, findings, parseCpuMs: parseMs, analyzeCpuMs: analyzeMs, analyzeNoFixesCpuMs: analyzeNoFixesMs, noRulesCpuMs: noRulesMs, readParseCpuMs: readParseMs, analyzeAllRetainedCpuMs: retainedMs, phasesMs: phases }) + '\n');
