// Posture results cached per (profile, Region, other Regions) with a TTL. Concurrent requests for the same key share one load,
// so a burst of "connect" and "refresh" clicks does not multiply the calls to AWS.
import type { AccountPosture } from '../engine/account/types';
import { loadPosture, type LoadPostureOptions } from './posture';

export const DEFAULT_TTL_MS = 15 * 60 * 1000;

type Loader = (opts: LoadPostureOptions) => Promise<AccountPosture>;

interface Entry {
  posture: AccountPosture;
  loadedAt: number;
}

export class PostureCache {
  private entries = new Map<string, Entry>();
  private inflight = new Map<string, Promise<AccountPosture>>();

  constructor(
    private readonly ttlMs: number = DEFAULT_TTL_MS,
    private readonly loader: Loader = loadPosture,
    private readonly now: () => number = Date.now,
  ) {}

  private key(opts: LoadPostureOptions): string {
    return `${opts.profile ?? ''}\u0000${opts.region ?? ''}\u0000${[...new Set(opts.otherRegions ?? [])].sort().join(',')}`;
  }

  /** A fresh-enough cached posture, or a new load. `refresh` forces the load. */
  async get(opts: LoadPostureOptions, refresh = false): Promise<AccountPosture> {
    const key = this.key(opts);
    const hit = this.entries.get(key);
    if (!refresh && hit && this.now() - hit.loadedAt < this.ttlMs) return hit.posture;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const load = this.loader(opts)
      .then((posture) => {
        this.entries.set(key, { posture, loadedAt: this.now() });
        return posture;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, load);
    return load;
  }

  /** The cached posture without loading, even if stale (for offline use); undefined when none. */
  peek(opts: LoadPostureOptions): { posture: AccountPosture; stale: boolean } | undefined {
    const hit = this.entries.get(this.key(opts));
    return hit ? { posture: hit.posture, stale: this.now() - hit.loadedAt >= this.ttlMs } : undefined;
  }

  clear(): void {
    this.entries.clear();
  }
}
