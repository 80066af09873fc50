import { generateMixedWorkspace } from '/work/main/bench/workspace.ts';
console.log(generateMixedWorkspace('/tmp/wsM', 1000));
