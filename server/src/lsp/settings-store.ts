// Settings pulled per resource (workspace/configuration with scopeUri), cached until didChangeConfiguration.
import type { Connection } from 'vscode-languageserver';
import { kindFromName } from '../engine/detect';
import { normalizeSettings, type Settings } from '../shared/settings';

/** Folders whose settings are kept; the oldest is dropped beyond this, so a long session stays bounded. */
const MAX_CACHED = 256;

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings pushed with didChangeConfiguration, for clients that cannot be asked (no `workspace.configuration`). */
  private pushed: Settings = normalizeSettings(undefined);
  private last: Settings | undefined;

  constructor(
    private readonly connection: Pick<Connection, 'workspace' | 'console'>,
    private readonly canPull: () => boolean,
    private readonly uriOf: (path: string) => string,
  ) {}

  /**
   * Settings for a file or folder. Resource-scoped settings resolve per folder (workspace folder and its
   * .vscode/settings.json), so files are asked for through their folder: one request per folder, not per file.
   */
  get(path: string): Promise<Settings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    const folder = kindFromName(path) !== undefined ? path.slice(0, Math.max(1, path.lastIndexOf('/'))) : path;
    const scopeUri = this.uriOf(folder);
    let p = this.cache.get(scopeUri);
    if (p) {
      // Recently used entries move to the end, so eviction drops the least recently used folder.
      this.cache.delete(scopeUri);
      this.cache.set(scopeUri, p);
    } else {
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
      p = this.connection.workspace.getConfiguration({ scopeUri, section: 'demarc' }).then(
        (raw: unknown) => (this.last = normalizeSettings(raw)),
        (e: unknown) => {
          this.connection.console.warn(`settings for ${scopeUri} could not be read (${String(e)}); using defaults`);
          return normalizeSettings(undefined);
        },
      );
      this.cache.set(scopeUri, p);
    }
    return p;
  }

  /** The settings read most recently (for synchronous callers such as the account handler), or the defaults. */
  latest(): Settings {
    return this.canPull() ? (this.last ?? this.pushed) : this.pushed;
  }

  /** didChangeConfiguration: drop everything pulled; keep what was pushed for clients that push. */
  changed(pushed: unknown): void {
    this.cache.clear();
    if (pushed && typeof pushed === 'object' && 'demarc' in pushed) this.pushed = normalizeSettings((pushed as { demarc: unknown }).demarc);
  }
}
