// The account messages between client and server (`demarc/account/…`). Plain data plus the protocol's own
// RequestType/NotificationType so the client can import it without pulling the AWS SDK or the engine.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { AccountIdentity, AccountIssue } from '../engine/account/types';

export interface AccountFactLine {
  key: string;
  title: string;
  known: boolean;
  text: string;
}

export type AccountStatus = 'disconnected' | 'connecting' | 'connected' | 'error' | 'untrusted';

export interface AccountState {
  status: AccountStatus;
  identity?: AccountIdentity;
  region?: string;
  profile?: string;
  /** When the facts were read (ISO). */
  checkedAt?: string;
  /** True when the shown facts are older than the cache TTL (e.g. offline and the refresh failed). */
  stale?: boolean;
  facts: AccountFactLine[];
  issues: AccountIssue[];
  error?: {
    kind: string;
    message: string;
    /** A shell command that fixes it (`aws sso login --profile dev`); the client offers to copy it. */
    command?: string;
  };
}

export interface AccountConnectParams {
  /** Override the `demarc.aws.profile` / `demarc.aws.region` settings for this connection. */
  profile?: string;
  region?: string;
}

export const AccountConnectRequest = new RequestType<AccountConnectParams, AccountState, void>('demarc/account/connect');
export const AccountDisconnectRequest = new RequestType0<AccountState, void>('demarc/account/disconnect');
export const AccountRefreshRequest = new RequestType0<AccountState, void>('demarc/account/refresh');
export const AccountStateRequest = new RequestType0<AccountState, void>('demarc/account/state');
/** Server → client whenever the state changes (connecting, connected, error, disconnected). */
export const AccountChangedNotification = new NotificationType<AccountState>('demarc/account/changed');

/** The Account tree view id the client contributes (package.json `contributes.views`). */
export const ACCOUNT_VIEW_ID = 'demarc.account';
