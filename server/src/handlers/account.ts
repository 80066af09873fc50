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

export interface AccountHandlerDeps {
  trusted: () => boolean;
  settings: () => { profile?: string; region?: string };
  /** Called with the posture to apply to analysis, or undefined when disconnected. */
  onPosture: (p: AccountPosture | undefined) => void;
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

const UNTRUSTED: AccountState = {
  status: 'untrusted',
  facts: [],
  issues: [],
  error: { kind: 'untrusted', message: 'AWS account access is disabled in untrusted workspaces. Trust the workspace to connect.' },
};

export function register(connection: Connection, deps: AccountHandlerDeps): { dispose(): void } {
  let state: AccountState = { status: 'disconnected', facts: [], issues: [] };
  let connection_opts: { profile?: string; region?: string } | undefined;
  // A newer connect/disconnect makes the result of an older load irrelevant.
  let generation = 0;
  let abort: AbortController | undefined;
  let cache: PostureCache | undefined;

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
    const loadOpts = { ...opts, trusted: true, signal };
    try {
      const posture = await cache.get(loadOpts, refresh);
      if (mine !== generation) return state;
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
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
