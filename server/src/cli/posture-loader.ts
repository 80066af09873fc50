// Loads the AWS account module (server/src/aws/posture.ts) only when a command needs it.
//
// The AWS SDK is several megabytes: bundled into dist/cli.js it would cost every `demarc --version` over a second
// of parsing. The module is meant to be built as its own file next to the CLI (dist/aws-posture.js) and required
// only for account work; from sources (tests, tsx) it is required directly. The paths are computed at run time so
// esbuild does not pull the module into the CLI bundle.
import * as nodePath from 'node:path';

export type PostureModule = typeof import('../aws/posture');

export function loadPostureModule(): PostureModule | undefined {
  const candidates = [nodePath.join(__dirname, 'aws-posture.js'), nodePath.join(__dirname, '..', 'aws', 'posture'), nodePath.join(__dirname, '..', '..', 'aws', 'posture')];
  for (const c of candidates) {
    try {
      return require(c) as PostureModule;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !String((e as Error).message).includes(c)) throw e;
    }
  }
  return undefined;
}
