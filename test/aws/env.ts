// Test environment for the account tests: a temporary HOME and AWS config/credentials files, and process.env
// pointing the real SDK at the fake endpoint. Node's test runner gives each test file its own process, so
// changing process.env here never leaks into other files.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

export interface TempAws {
  home: string;
  configFile: string;
  credentialsFile: string;
  cleanup(): void;
}

/** Clears every AWS_* variable, then sets a fresh HOME with empty AWS files and the given variables. */
export function tempAws(vars: Record<string, string | undefined>, files: { config?: string; credentials?: string } = {}, existingHome?: string): TempAws {
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  const home = existingHome ?? mkdtempSync(join(tmpdir(), 'demarc-aws-'));
  mkdirSync(join(home, '.aws'), { recursive: true });
  const configFile = join(home, '.aws', 'config');
  const credentialsFile = join(home, '.aws', 'credentials');
  writeFileSync(configFile, files.config ?? '');
  writeFileSync(credentialsFile, files.credentials ?? '');
  Object.assign(process.env, {
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    // Never probe the instance metadata service from a test machine.
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return { home, configFile, credentialsFile, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}
