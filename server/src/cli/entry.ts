// The `demarc` executable (bundled as dist/cli.js). `--version` and `--help` are answered here, from a few
// kilobytes with the version inlined at build time, so they cost hardly more than Node's own start-up; every
// command loads the CLI bundle (dist/cli-main.js, from main.ts) only when it runs.
import { quickAnswer } from './help';

const argv = process.argv.slice(2);
const quick = quickAnswer(argv);
if (quick) {
  process.stdout.write(quick.stdout);
  process.exitCode = quick.code;
} else {
  // Kept out of this bundle by esbuild.mjs (external), so it is read only here.
  (require('./cli-main.js') as typeof import('./main')).runFromProcess(argv);
}
