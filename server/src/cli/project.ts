// What `scan` and `report` share before analysis: the project file, the variable files, the connected account.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { readRegularText } from '../host/read-regular';
import { loadAwsRuntime } from '../aws/loader';
import { providerRegionsInFiles } from '../engine/account/code-regions';
import type { AccountPosture } from '../engine/account/types';
import type { Unit } from '../engine/analyze';
import { findProjectConfig, parseProjectConfig, type ProjectConfig } from '../engine/config';
import { getRuleMeta } from '../engine/rules/registry';
import type { Host } from '../engine/source';
import type { Problem } from '../engine/types';
import { describeFsError, toEnginePath } from '../host/node-host';
import { UsageError } from './args';
import { displayPath } from './format/report';
import type { CliIO } from './io';

/**
 * The project file: `--config`, else the nearest `.demarc.yaml` above the first path, else none (`--no-config`).
 * Returns an exit code after printing the errors when the file is invalid.
 */
export function readProjectConfig(
  command: string,
  o: { explicit?: string; disabled: boolean; roots: string[]; host: Host; cwd: string; io: CliIO; verbose?: boolean },
): { config?: ProjectConfig; problems: Problem[] } | number {
  if (o.disabled) return { problems: [] };
  const firstDir = o.host.readDir(o.roots[0]!) ? o.roots[0]! : nodePath.posix.dirname(o.roots[0]!);
  const configPath = o.explicit !== undefined ? toEnginePath(nodePath.resolve(o.cwd, o.explicit)) : findProjectConfig(firstDir, o.host);
  if (!configPath) return { problems: [] };
  let text: string;
  try {
    text = readRegularText(configPath);
  } catch (e) {
    throw new UsageError(`cannot read the project file: ${describeFsError(e, displayPath(configPath, o.cwd))}`);
  }
  const parsed = parseProjectConfig(text, configPath, { knownRules: (id) => getRuleMeta(id) !== undefined });
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  // Warnings (an unknown rule id) travel with the results; errors stop the command before it starts.
  if (errors.length) {
    for (const p of parsed.problems) o.io.stderr(`${displayPath(p.file, o.cwd)}:${(p.range?.start.line ?? 0) + 1}:${(p.range?.start.character ?? 0) + 1}: ${p.severity}: ${p.message}\n`);
    o.io.stderr(`demarc ${command}: the project file ${displayPath(configPath, o.cwd)} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} or pass --no-config\n`);
    return 2;
  }
  if (o.verbose) o.io.stderr(`using project file ${displayPath(configPath, o.cwd)}\n`);
  return { config: parsed.config, problems: parsed.problems };
}

/** `--var-file` flags (relative to the current folder) then the project file's `varFiles` (relative to it). */
export function resolveVarFiles(flags: string[] | undefined, config: ProjectConfig | undefined, cwd: string): string[] {
  const files = [...(flags ?? []).map((f) => toEnginePath(nodePath.resolve(cwd, f))), ...(config?.varFiles ?? []).map((f) => toEnginePath(nodePath.resolve(config!.root, f)))];
  for (const f of files) if (!fs.existsSync(f)) throw new UsageError(`variables file not found: ${displayPath(f, cwd)}`);
  return files;
}

/** The Regions the `provider "aws"` blocks of these units name, with the variables files applied (see providerRegionsInFiles). */
export function terraformRegions(units: readonly Unit[], host: Host, varFiles: readonly string[] = []): string[] {
  return providerRegionsInFiles(units.flatMap((u) => (u.kind === 'terraform' ? u.files : [])), host, varFiles);
}

/**
 * The account posture for `--account`, or an exit code after explaining why it could not be read. `otherRegions`:
 * where else the code deploys, to read the per-Region settings there too.
 */
export async function loadCliAccount(command: string, profile: string | undefined, region: string | undefined, io: CliIO, otherRegions: string[] = []): Promise<AccountPosture | number> {
  const runtime = loadAwsRuntime();
  if (!runtime) {
    io.stderr(`demarc ${command} --account: the AWS account module is not part of this build (dist/aws-posture.js is missing)\n`);
    return 2;
  }
  try {
    return await runtime.loadPosture({ trusted: true, env: io.env, ...(profile ? { profile } : {}), ...(region ? { region } : {}), ...(otherRegions.length ? { otherRegions } : {}) });
  } catch (e) {
    if (e instanceof runtime.AccountError) {
      io.stderr(`demarc ${command} --account: ${e.message}${e.command ? `\n  fix: ${e.command}` : ''}\n`);
      return 2;
    }
    throw e;
  }
}
