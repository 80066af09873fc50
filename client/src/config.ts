// Builds the `demarc` settings object the server pulls per resource. Kept free of `vscode` so it can be tested
// under plain Node; client.ts passes in a reader over `vscode.workspace.getConfiguration`.
import { SETTINGS_MANIFEST } from '../../server/src/shared/settings';

/** Settings whose workspace-level values are ignored in an untrusted workspace (same list as the manifest). */
export const RESTRICTED_SETTINGS = ['demarc.aws.profile', 'demarc.aws.region', 'demarc.aws.connect'] as const;

/** What a configuration reader knows about one key, shaped like `WorkspaceConfiguration.inspect`. */
export interface InspectedSetting {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** The two reads `vscode.WorkspaceConfiguration` offers, for one resource. */
export interface SettingsReader {
  /** The effective value (VS Code merges user, workspace, folder and language-specific values). */
  get(key: string): unknown;
  inspect(key: string): InspectedSetting | undefined;
}

/**
 * Nests the flat `demarc.*` keys of SETTINGS_MANIFEST into the object the server expects for section `demarc`
 * (`demarc.aws.profile` → `{ aws: { profile } }`). In an untrusted workspace the restricted keys take only the
 * user's own (global) value or the default, so a cloned repository cannot pick an AWS profile for the user.
 */
export function buildSettingsSection(reader: SettingsReader, trusted: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, descriptor] of Object.entries(SETTINGS_MANIFEST)) {
    let value: unknown;
    if (!trusted && (RESTRICTED_SETTINGS as readonly string[]).includes(key)) {
      const info = reader.inspect(key);
      value = info?.globalValue ?? info?.defaultValue;
    } else {
      value = reader.get(key);
    }
    if (value === undefined) value = descriptor.default;
    setPath(out, key.split('.').slice(1), value);
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** Where a rule's page lives when the diagnostic did not carry a link (same layout as the server's ruleHelpUri). */
export function ruleDocsUrl(repositoryUrl: string, ruleId: string): string {
  const base = repositoryUrl.replace(/\.git$/, '').replace(/\/+$/, '');
  return `${base}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

/** Rule ids look like `aws-s3-block-public-access`; anything else is refused before it becomes a URL. */
export function isRuleId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(value);
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
