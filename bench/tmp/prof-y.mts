import { parseTemplate } from '/work/main/server/src/engine/parse/cloudformation/index.ts';
import { cfnTemplate } from '/work/main/bench/workspace.ts';
const y = cfnTemplate(4000);
for (let r = 0; r < 4; r++) parseTemplate(y, 'yaml');
