import { analyze } from '/work/main/server/src/engine/analyze.ts';
import { createNodeHost } from '/work/main/server/src/host/node-host.ts';
import { performance } from 'node:perf_hooks';
const h = createNodeHost();
for (const sub of ['terraform', 'cloudformation']) {
  const t = performance.now(); const r = analyze(['/tmp/wsM/' + sub], h); console.log(sub, (performance.now() - t).toFixed(0), 'ms', r.findings.length);
}
