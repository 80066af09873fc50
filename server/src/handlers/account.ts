// LSP glue for the connected account: connect / disconnect / refresh / state requests and a change notification.
// Loading runs on its own promise; diagnostics and every other request keep flowing while AWS answers.
import type { Connection } from 'vscode-languageserver';
import type { AccountPosture } from '../engine/account/types';
import { factLines } from '../engine/account/describe';
import { accountIssues } from '../engine/account/issues';
import {
  AccountChangedNotification,
  AccountConnectRequest,
  AccountDisconnectRequest,
  AccountRefreshRequest,
  AccountStateRequest,
  type AccountConnectParams,
  type AccountState,
} from '../aws/protocol';
import type { PostureCache } from '../aws/cache';
import { loadAwsRuntime } from '../aws/loader';
import { otherRegionsToRead } from '../engine/account/region';
import type { ServerDeps } from './deps';

export interface AccountHandlerDeps {
  trusted: () => boolean;
  settings: () => { profile?: string; region?: string };
  /** Called with the posture to apply to analysis, or undefined when disconnected. */
  onPosture: (p: AccountPosture | undefined) => void;
  /** The Regions the workspace's code deploys to, where the per-Region settings are read too. */
  otherRegions?: () => string[];
}

export function stateFromPosture(posture: AccountPosture, stale = false): AccountState {
  const s: AccountState = {
    status: 'connected',
    identity: posture.identity,
    region: posture.region,
    checkedAt: posture.checkedAt,
    facts: factLines(posture),
    issues: accountIssues(posture),
  };
  if (posture.profile) s.profile = posture.profile;
  if (stale) s.stale = true;
  return s;
}

/** Quiet time after the code's Regions change before the account is read again for them. */
export const REGIONS_SETTLE_MS = 1000;

const UNTRUSTED: AccountState = {
  status: 'untrusted',
  facts: [],
  issues: [],
  error: { kind: 'untrusted', message: 'AWS account access is disabled in untrusted workspaces. Trust the workspace to connect.' },
};

/**
 * The server's account handler: reads the AWS settings, hands the posture to analysis and reads the account again
 * when the code's Regions change; never in untrusted workspaces.
 */
export function registerWithAnalysis(c: Connection, deps: ServerDeps): void {
  const handler = register(c, {
    trusted: () => deps.trusted,
    settings: () => {
      const s = deps.settings.latest().aws;
      const out: { profile?: string; region?: string } = {};
      if (s.profile) out.profile = s.profile;
      if (s.region) out.region = s.region;
      return out;
    },
    onPosture: (p) => deps.analysis.setAccount(p),
    otherRegions: () => deps.analysis.statedRegions(),
  });
  deps.analysis.onRegionsChanged(() => handler.regionsChanged());
}

export function register(connection: Connection, deps: AccountHandlerDeps): { dispose(): void; regionsChanged(): void } {
  let state: AccountState = { status: 'disconnected', facts: [], issues: [] };
  let connection_opts: { profile?: string; region?: string } | undefined;
  // A newer connect/disconnect makes the result of an older load irrelevant.
  let generation = 0;
  let abort: AbortController | undefined;
  let cache: PostureCache | undefined;
  /** The other Regions the current posture was asked for. */
  let loadedRegions = '';
  let regionTimer: ReturnType<typeof setTimeout> | undefined;

  const publish = (next: AccountState) => {
    state = next;
    void connection.sendNotification(AccountChangedNotification.method, state);
    return state;
  };

  const load = async (opts: { profile?: string; region?: string }, refresh: boolean): Promise<AccountState> => {
    if (!deps.trusted()) return publish(UNTRUSTED);
    const mine = ++generation;
    abort?.abort();
    abort = new AbortController();
    const signal = abort.signal;
    connection_opts = opts;
    publish({ ...state, status: 'connecting', facts: state.facts, issues: state.issues });
    // The SDK clients load on first use only, so a server that never connects never evaluates them.
    const runtime = loadAwsRuntime();
    if (!runtime) throw new Error('the AWS account module is not part of this build (dist/aws-posture.js is missing)');
    const { PostureCache: Cache, AccountError, setAccountLogSink } = runtime;
    setAccountLogSink((m) => connection.console.log(m));
    cache ??= new Cache();
    const otherRegions = deps.otherRegions?.() ?? [];
    const loadOpts = { ...opts, trusted: true, signal, ...(otherRegions.length ? { otherRegions } : {}) };
    try {
      const posture = await cache.get(loadOpts, refresh);
      if (mine !== generation) return state;
      loadedRegions = otherRegionsToRead(otherRegions, posture.region).join();
      deps.onPosture(posture);
      return publish(stateFromPosture(posture));
    } catch (e) {
      if (mine !== generation) return state;
      const error = e instanceof AccountError ? { kind: e.kind, message: e.message, ...(e.command ? { command: e.command } : {}) } : { kind: 'other', message: e instanceof Error ? e.message : String(e) };
      // Offline: keep showing (and applying) the last facts we had, marked stale.
      const cached = error.kind === 'network' ? cache.peek(loadOpts) : undefined;
      if (cached) {
        deps.onPosture(cached.posture);
        return publish({ ...stateFromPosture(cached.posture, true), error });
      }
      deps.onPosture(undefined);
      return publish({ status: 'error', facts: [], issues: [], error });
    }
  };

  const fromSettings = (params?: AccountConnectParams) => {
    const s = deps.settings();
    const opts: { profile?: string; region?: string } = {};
    const profile = params?.profile || s.profile;
    const region = params?.region || s.region;
    if (profile) opts.profile = profile;
    if (region) opts.region = region;
    return opts;
  };

  const disposables = [
    connection.onRequest(AccountConnectRequest.method, (params: AccountConnectParams | undefined) => load(fromSettings(params ?? undefined), false)),
    connection.onRequest(AccountRefreshRequest.method, () => load(connection_opts ?? fromSettings(), true)),
    connection.onRequest(AccountDisconnectRequest.method, () => {
      generation++;
      abort?.abort();
      abort = undefined;
      connection_opts = undefined;
      deps.onPosture(undefined);
      return publish({ status: 'disconnected', facts: [], issues: [] });
    }),
    connection.onRequest(AccountStateRequest.method, () => (deps.trusted() || state.status !== 'disconnected' ? state : UNTRUSTED)),
  ];
  return {
    dispose: () => {
      if (regionTimer) clearTimeout(regionTimer);
      disposables.forEach((d) => d.dispose());
    },
    // The code now deploys to other Regions (a provider added, the workspace scan reached more modules): a connected
    // account is read again for them, once things settle (from the cache when the Regions are the same as before).
    regionsChanged: () => {
      if (regionTimer) clearTimeout(regionTimer);
      regionTimer = setTimeout(() => {
        regionTimer = undefined;
        if (state.status !== 'connected' || !connection_opts || !state.region) return;
        // Only a change in the Regions that would be read counts (the main one, or a fifth, would not be).
        if (otherRegionsToRead(deps.otherRegions?.() ?? [], state.region).join() === loadedRegions) return;
        void load(connection_opts, false).catch((e) => connection.console.error(`account: ${e instanceof Error ? e.message : String(e)}`));
      }, REGIONS_SETTLE_MS);
    },
  };
}
