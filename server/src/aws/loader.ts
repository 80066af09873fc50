// Loads server/src/aws/runtime.ts (bundled: dist/aws-posture.js next to the running bundle) on first use.
// The path is computed at run time so that esbuild does not inline the SDK into the CLI or server bundles.
import * as nodePath from 'node:path';

export type AwsRuntime = typeof import('./runtime');

let cached: AwsRuntime | undefined;

export function loadAwsRuntime(): AwsRuntime | undefined {
  if (cached) return cached;
  const candidates = [nodePath.join(__dirname, 'aws-posture.js'), nodePath.join(__dirname, 'runtime'), nodePath.join(__dirname, '..', 'aws', 'runtime')];
  for (const c of candidates) {
    try {
      cached = require(c) as AwsRuntime;
      return cached;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !String((e as Error).message).startsWith(`Cannot find module '${c}'`)) throw e;
    }
  }
  return undefined;
}
