// `npm run bench:cfn`: CloudFormation parsing cost per character. YAML through the fast path (yaml-fast.ts),
// through the general `yaml`-package path (split into its phases), and JSON, on the same generated template
// (4,000 resources); then fast against general on the templates of the bench workspace (bench/workspace, when
// generated). CPU time of warm runs: the median of 7, and in brackets the fastest (on a busy machine the
// fastest run is the steadier figure).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Composer, Parser, parse as parseYamlValue } from 'yaml';
import { parseTemplate } from '../server/src/engine/parse/cloudformation';
import { deepRegions } from '../server/src/engine/parse/cloudformation/prescan';
import { parseYamlTemplateSlow } from '../server/src/engine/parse/cloudformation/yaml';
import { parseYamlFast } from '../server/src/engine/parse/cloudformation/yaml-fast';
import { cfnTemplate, cfnTemplateJson } from './workspace';

const resources = Number(process.env.BENCH_CFN_RESOURCES ?? 4000);
const yaml = cfnTemplate(resources);
const json = cfnTemplateJson(resources);
// The two describe the same resources (the YAML's short-form tags aside).
if (Object.keys((parseYamlValue(json) as { Resources: object }).Resources).length !== resources) throw new Error('generator mismatch');
if (!parseYamlFast(yaml)) throw new Error('the fast path declined the generated template');

const fastest = new Map<number, number>();

/** Median CPU ms of 7 warm runs; the fastest run is kept in `fastest` under the median's value. */
function cpu(fn: () => void): number {
  fn(); // warm-up
  const s: number[] = [];
  for (let i = 0; i < 7; i++) {
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    s.push((d.user + d.system) / 1000);
  }
  s.sort((a, b) => a - b);
  fastest.set(s[3]!, s[0]!);
  return s[3]!;
}
const min = (median: number) => fastest.get(median) ?? median;

const yamlMs = cpu(() => parseTemplate(yaml, 'yaml'));
const fastMs = cpu(() => parseYamlFast(yaml));
const slowMs = cpu(() => parseYamlTemplateSlow(yaml));
const jsonMs = cpu(() => parseTemplate(json, 'json'));
const prescanMs = cpu(() => deepRegions(yaml, 64));
const cstMs = cpu(() => [...new Parser().parse(yaml)]);
const tokens = [...new Parser().parse(yaml)];
const composeMs = cpu(() => [...new Composer({ uniqueKeys: false, strict: false, prettyErrors: false }).compose(tokens as never, true, yaml.length)]);
const ns = (ms: number, chars: number) => ((ms * 1e6) / chars).toFixed(0);
const perMb = (ms: number, chars: number) => ((ms * 1_000_000) / chars).toFixed(1);
console.log(`CloudFormation parse, ${resources} resources (CPU ms, median of 7 warm runs [fastest])`);
console.log(`YAML  ${yaml.length} chars  ${yamlMs.toFixed(1)} ms  ${ns(yamlMs, yaml.length)} ns/char  (parseTemplate: fast path)`);
console.log(`  fast path      ${fastMs.toFixed(1)} ms [${min(fastMs).toFixed(1)}]  ${perMb(fastMs, yaml.length)} ms/M chars [${perMb(min(fastMs), yaml.length)}]`);
console.log(
  `  general path   ${slowMs.toFixed(1)} ms [${min(slowMs).toFixed(1)}]  ${perMb(slowMs, yaml.length)} ms/M chars  ` +
    `(${(slowMs / fastMs).toFixed(1)}× the fast path [${(min(slowMs) / min(fastMs)).toFixed(1)}×])`,
);
console.log(`JSON  ${json.length} chars  ${jsonMs.toFixed(1)} ms [${min(jsonMs).toFixed(1)}]  ${ns(jsonMs, json.length)} ns/char  ${perMb(jsonMs, json.length)} ms/M chars [${perMb(min(jsonMs), json.length)}]`);
console.log(`YAML (fast) / JSON per character: ${((yamlMs / yaml.length) / (jsonMs / json.length)).toFixed(1)}×`);
console.log(
  `General path phases: depth prescan ${prescanMs.toFixed(0)} ms, yaml CST ${cstMs.toFixed(0)} ms, yaml compose ${composeMs.toFixed(0)} ms, ` +
    `ours (CST scan + tree) ~${Math.max(0, slowMs - prescanMs - cstMs - composeMs).toFixed(0)} ms`,
);

// The bench workspace (written by `npm run bench`), if present: every YAML template, fast against general.
const workspace = new URL('./workspace/', import.meta.url).pathname;
const files: string[] = [];
const walk = (d: string) => {
  let entries: string[];
  try {
    entries = readdirSync(d);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.ya?ml$/.test(e)) files.push(p);
  }
};
walk(workspace);
if (files.length > 0) {
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const chars = texts.reduce((s, t) => s + t.length, 0);
  const accepted = texts.filter((t) => parseYamlFast(t) !== undefined).length;
  const wsFast = cpu(() => texts.forEach((t) => parseYamlTemplate(t)));
  const wsSlow = cpu(() => texts.forEach((t) => parseYamlTemplateSlow(t)));
  console.log(`Bench workspace: ${files.length} YAML templates, ${chars} chars, ${accepted} read by the fast path`);
  console.log(
    `  parseYamlTemplate ${wsFast.toFixed(1)} ms [${min(wsFast).toFixed(1)}] (${perMb(wsFast, chars)} ms/M chars), ` +
      `general path ${wsSlow.toFixed(1)} ms [${min(wsSlow).toFixed(1)}] (${perMb(wsSlow, chars)} ms/M chars): ` +
      `${(wsSlow / wsFast).toFixed(1)}× [${(min(wsSlow) / min(wsFast)).toFixed(1)}×]`,
  );
} else {
  console.log('Bench workspace not generated (run `npm run bench` once); skipped.');
}

function parseYamlTemplate(text: string) {
  return parseTemplate(text, 'yaml');
}
