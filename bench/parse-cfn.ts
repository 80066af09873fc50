// `npm run bench:cfn`: CloudFormation parsing cost per character, YAML against JSON, on the same generated
// template (4,000 resources), split into the phases of the YAML path. CPU time of the median of 5 runs.
import { Composer, Parser, parse as parseYamlValue } from 'yaml';
import { parseTemplate } from '../server/src/engine/parse/cloudformation';
import { deepRegions } from '../server/src/engine/parse/cloudformation/prescan';
import { cfnTemplate, cfnTemplateJson } from './workspace';

const resources = Number(process.env.BENCH_CFN_RESOURCES ?? 4000);
const yaml = cfnTemplate(resources);
const json = cfnTemplateJson(resources);
// The two describe the same resources (the YAML's short-form tags aside).
if (Object.keys((parseYamlValue(json) as { Resources: object }).Resources).length !== resources) throw new Error('generator mismatch');

function cpu(fn: () => void): number {
  const s: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    s.push((d.user + d.system) / 1000);
  }
  return s.sort((a, b) => a - b)[2]!;
}

const yamlMs = cpu(() => parseTemplate(yaml, 'yaml'));
const jsonMs = cpu(() => parseTemplate(json, 'json'));
const prescanMs = cpu(() => deepRegions(yaml, 64));
const cstMs = cpu(() => [...new Parser().parse(yaml)]);
const tokens = [...new Parser().parse(yaml)];
const composeMs = cpu(() => [...new Composer({ uniqueKeys: false, strict: false, prettyErrors: false }).compose(tokens as never, true, yaml.length)]);
const ns = (ms: number, chars: number) => ((ms * 1e6) / chars).toFixed(0);
console.log(`CloudFormation parse, ${resources} resources (CPU ms, median of 5)`);
console.log(`YAML  ${yaml.length} chars  ${yamlMs.toFixed(0)} ms  ${ns(yamlMs, yaml.length)} ns/char`);
console.log(`JSON  ${json.length} chars  ${jsonMs.toFixed(0)} ms  ${ns(jsonMs, json.length)} ns/char`);
console.log(`YAML / JSON per character: ${((yamlMs / yaml.length) / (jsonMs / json.length)).toFixed(1)}×`);
console.log(`YAML phases: depth prescan ${prescanMs.toFixed(0)} ms, yaml CST ${cstMs.toFixed(0)} ms, yaml compose ${composeMs.toFixed(0)} ms, ours (CST scan + tree) ~${Math.max(0, yamlMs - prescanMs - cstMs - composeMs).toFixed(0)} ms`);
