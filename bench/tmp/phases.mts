import { Composer, Parser, LineCounter, parseDocument } from 'yaml';
import { parseTemplate } from '/work/main/server/src/engine/parse/cloudformation/index.ts';
import { deepRegions } from '/work/main/server/src/engine/parse/cloudformation/prescan.ts';
import { cfnTemplate } from '/work/main/bench/workspace.ts';
import { performance } from 'node:perf_hooks';
const y = cfnTemplate(4000);
for (let r = 0; r < 3; r++) {
  const T: Record<string, number> = {};
  let t = performance.now();
  deepRegions(y, 64); T.prescan = performance.now() - t; t = performance.now();
  const toks = [...new Parser().parse(y)]; T.cst = performance.now() - t; t = performance.now();
  const docs = [...new Composer({ uniqueKeys: false, strict: false, prettyErrors: false }).compose(toks as never, true, y.length)]; T.compose = performance.now() - t; t = performance.now();
  parseTemplate(y, 'yaml'); T.full = performance.now() - t; t = performance.now();
  console.log(Object.entries(T).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  '));
}
