import { parseTemplate } from '/work/main/server/src/engine/parse/cloudformation/index.ts';
import { evaluateCloudFormationTemplate } from '/work/main/server/src/engine/evaluate/cloudformation/index.ts';
import { cfnTemplate } from '/work/main/bench/workspace.ts';
import { loadFile } from '/work/main/server/src/engine/files.ts';
import { performance } from 'node:perf_hooks';
import { parse as yparse } from 'yaml';
const y = cfnTemplate(4000);
const j = JSON.stringify(yparse(y.replace(/!Sub /g,'').replace(/!Equals /g,'').replace(/!Ref /g,'')), null, 2);
console.log('yaml chars', y.length, 'json chars', j.length);
for (let r = 0; r < 3; r++) {
  let t = performance.now(); parseTemplate(y, 'yaml'); const ty = performance.now() - t;
  t = performance.now(); parseTemplate(j, 'json'); const tj = performance.now() - t;
  console.log(`yaml ${ty.toFixed(0)} ms (${(ty*1e6/y.length).toFixed(0)} ns/char)  json ${tj.toFixed(0)} ms (${(tj*1e6/j.length).toFixed(0)} ns/char)`);
}
