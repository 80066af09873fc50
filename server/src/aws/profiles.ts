// Reads the shared AWS config and credentials files, only for what Demarc must decide before the SDK runs:
// the profile's Region, whether the profile (or a profile it sources from) runs a credential_process, and
// whether it signs in through IAM Identity Center. Credentials themselves are resolved by the SDK.
import { readRegularText } from '../host/read-regular';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type IniSections = Map<string, Record<string, string>>;

/** INI as the AWS CLI writes it: `[section]`, `key = value`, `#`/`;` comments, indented continuation lines for sub-keys. */
export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Record<string, string> | undefined;
  let lastKey: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]/.exec(trimmed);
    if (header) {
      const name = header[1]!.trim().replace(/\s+/g, ' ');
      current = sections.get(name) ?? {};
      sections.set(name, current);
      lastKey = undefined;
      continue;
    }
    if (!current) continue;
    // Nested sub-keys (e.g. `s3 =` followed by indented lines) belong to the key above; they are kept flattened.
    if (/^\s/.test(raw) && lastKey) {
      const sub = /^([^=]+?)\s*=\s*(.*)$/.exec(trimmed);
      if (sub) current[`${lastKey}.${sub[1]!.trim().toLowerCase()}`] = sub[2]!.trim();
      continue;
    }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(trimmed);
    if (kv) {
      lastKey = kv[1]!.trim().toLowerCase();
      current[lastKey] = kv[2]!.trim();
    }
  }
  return sections;
}

export interface AwsFiles {
  configPath: string;
  credentialsPath: string;
  /** Profiles from the config file (`default` and `profile NAME` sections), by name. */
  config: Map<string, Record<string, string>>;
  /** Profiles from the credentials file, by name. */
  credentials: Map<string, Record<string, string>>;
}

function homeOf(env: Record<string, string | undefined>): string {
  return env.HOME ?? env.USERPROFILE ?? (env.HOMEDRIVE && env.HOMEPATH ? `${env.HOMEDRIVE}${env.HOMEPATH}` : homedir());
}

function readText(path: string): string {
  try {
    return readRegularText(path);
  } catch {
    return '';
  }
}

export function readAwsFiles(env: Record<string, string | undefined>): AwsFiles {
  const home = homeOf(env);
  const configPath = env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config');
  const credentialsPath = env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials');
  const config = new Map<string, Record<string, string>>();
  for (const [name, values] of parseIni(readText(configPath))) {
    if (name === 'default') config.set('default', values);
    else if (name.startsWith('profile ')) config.set(name.slice('profile '.length).trim(), values);
  }
  const credentials = new Map(parseIni(readText(credentialsPath)));
  return { configPath, credentialsPath, config, credentials };
}

/** Profile name in effect: explicit, then AWS_PROFILE, then `default`. */
export function profileName(explicit: string | undefined, env: Record<string, string | undefined>): string {
  return explicit || env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
}

function profileValues(files: AwsFiles, name: string): Record<string, string> {
  return { ...(files.config.get(name) ?? {}), ...(files.credentials.get(name) ?? {}) };
}

/** Region named by the profile (config file `region`), if any. */
export function profileRegion(files: AwsFiles, name: string): string | undefined {
  return profileValues(files, name).region || undefined;
}

/**
 * The first profile in the source_profile chain that runs a credential_process, if any. A profile that has its
 * own static keys stops the chain (the SDK would use them and never run the process).
 */
export function credentialProcessProfile(files: AwsFiles, name: string): string | undefined {
  const seen = new Set<string>();
  let current: string | undefined = name;
  while (current && !seen.has(current)) {
    seen.add(current);
    const v = profileValues(files, current);
    if (v.credential_process) return current;
    if (v.aws_access_key_id && !v.role_arn) return undefined;
    current = v.source_profile;
  }
  return undefined;
}

/** True when the profile (or its source) signs in through IAM Identity Center, so `aws sso login` fixes an expiry. */
export function usesSso(files: AwsFiles, name: string): boolean {
  const seen = new Set<string>();
  let current: string | undefined = name;
  while (current && !seen.has(current)) {
    seen.add(current);
    const v = profileValues(files, current);
    if (v.sso_session || v.sso_start_url) return true;
    current = v.source_profile;
  }
  return false;
}
