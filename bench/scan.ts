// `npm run bench`: engine throughput on a generated workspace (~1,000 Terraform files in 100 modules and a large
// CloudFormation template). Prints figures; asserts nothing (these machines are shared and noisy).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze, discover } from '../server/src/engine/analyze';
import { parseHcl } from '../server/src/engine/parse/hcl';
import { parseTemplate } from '../server/src/engine/parse/cloudformation';
import { createNodeHost } from '../server/src/host/node-host';
import { generateWorkspace } from './workspace';

const root = join(new URL('..', import.meta.url).pathname, 'bench/workspace/scan');
const modules = Number(process.env.BENCH_MODULES ?? 100);
const size = generateWorkspace(root, { modules, filesPerModule: 10, templates: 1, templateResources: Number(process.env.BENCH_CFN_RESOURCES ?? 4000) });
const host = createNodeHost();

const { units } = discover([root], host);
const paths = units.flatMap((u) => u.files);
const texts = paths.map((p) => readFileSync(p, 'utf8'));

function time(fn: () => void, runs = 3): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const parseMs = time(() => {
  texts.forEach((t, i) => (paths[i]!.endsWith('.tf') ? parseHcl(t) : parseTemplate(t, 'yaml')));
});
let findings = 0;
const analyzeMs = time(() => {
  findings = analyze([root], host).findings.length;
});
const tfOnly = time(() => analyze([join(root, 'terraform')], host));
const cfnOnly = time(() => analyze([join(root, 'cloudformation')], host));
const mb = size.bytes / 1024 / 1024;
const rows: [string, string][] = [
  ['files / lines / MB', `${size.files} / ${size.lines} / ${mb.toFixed(1)}`],
  ['bare parse (all files)', `${parseMs.toFixed(0)} ms`],
  ['full analysis (discover → findings)', `${analyzeMs.toFixed(0)} ms  (${findings} findings)`],
  ['  Terraform part', `${tfOnly.toFixed(0)} ms`],
  ['  CloudFormation part', `${cfnOnly.toFixed(0)} ms`],
  ['analysis / parse ratio', (analyzeMs / parseMs).toFixed(2)],
  ['throughput', `${(size.lines / (analyzeMs / 1000)).toFixed(0)} lines/s, ${(mb / (analyzeMs / 1000)).toFixed(1)} MB/s`],
  ['peak RSS', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log('Demarc engine benchmark (median of 3 runs)');
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
