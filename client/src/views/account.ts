// The Account tree view (identity, facts, account issues; one line per unknown fact) and the connect /
// disconnect / refresh handlers. All AWS work happens in the server; this only asks and shows.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ACCOUNT_VIEW_ID,
  AccountChangedNotification,
  AccountConnectRequest,
  AccountDisconnectRequest,
  AccountRefreshRequest,
  AccountStateRequest,
  type AccountState,
} from '../../../server/src/aws/protocol';

type Node = { label: string; description?: string; tooltip?: string; icon?: string; color?: string; command?: vscode.Command; children?: Node[] };

const SEVERITY_ICON: Record<string, [string, string]> = {
  critical: ['error', 'errorForeground'],
  high: ['error', 'errorForeground'],
  medium: ['warning', 'list.warningForeground'],
  low: ['info', 'foreground'],
  info: ['info', 'foreground'],
};

function ago(iso: string | undefined): string {
  if (!iso) return '';
  const m = Math.round((Date.now() - Date.parse(iso)) / 60000);
  if (!(m >= 1)) return 'just now';
  return m < 60 ? `${m} min ago` : `${Math.round(m / 60)} h ago`;
}

/** Tree nodes for a state; exported for tests of the view's content. */
export function nodesFor(state: AccountState): Node[] {
  const out: Node[] = [];
  if (state.status === 'untrusted') return [{ label: 'Restricted mode', description: 'trust the workspace to connect an AWS account', icon: 'shield' }];
  if (state.status === 'disconnected')
    return [{ label: 'Connect AWS Account…', icon: 'plug', command: { command: 'demarc.connectAccount', title: 'Connect AWS Account' } }];
  if (state.status === 'connecting' && !state.identity) return [{ label: 'Connecting…', icon: 'loading~spin' }];
  if (state.error) {
    const err: Node = { label: state.stale ? 'Offline: showing the last facts read' : 'Cannot read the account', description: state.error.message, tooltip: state.error.message, icon: 'warning', color: 'list.warningForeground' };
    if (state.error.command) err.children = [{ label: `Copy: ${state.error.command}`, icon: 'copy', command: { command: 'demarc.copyCommand', title: 'Copy command', arguments: [state.error.command] } }];
    out.push(err);
  }
  if (state.identity) {
    out.push({
      label: `Account ${state.identity.account}`,
      description: `${state.region ?? ''} · checked ${ago(state.checkedAt)}${state.stale ? ' (stale)' : ''}`,
      tooltip: `${state.identity.arn}${state.profile ? `\nprofile ${state.profile}` : ''}\nchecked ${state.checkedAt ?? ''}`,
      icon: 'account',
      children: [
        { label: state.identity.arn, icon: 'person' },
        ...(state.profile ? [{ label: `profile ${state.profile}`, icon: 'key' }] : []),
      ],
    });
    out.push({
      label: 'Facts',
      icon: 'checklist',
      children: state.facts.map((f) => ({ label: f.title, description: f.text, tooltip: `${f.title}: ${f.text}`, icon: f.known ? 'pass' : 'question', color: f.known ? 'testing.iconPassed' : 'list.warningForeground' })),
    });
    out.push({
      label: `Account issues (${state.issues.length})`,
      icon: state.issues.length ? 'warning' : 'pass',
      children: state.issues.map((i) => {
        const [icon, color] = SEVERITY_ICON[i.severity] ?? ['info', 'foreground'];
        return { label: i.title, description: `${i.severity} · ${i.control}`, tooltip: `${i.title}\n${i.detail}\n${i.control}`, icon, color };
      }),
    });
  }
  return out;
}

class AccountTree implements vscode.TreeDataProvider<Node> {
  private changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  state: AccountState = { status: 'disconnected', facts: [], issues: [] };

  update(state: AccountState): void {
    this.state = state;
    this.changed.fire(undefined);
  }

  getTreeItem(n: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(n.label, n.children?.length ? (n.label === 'Facts' || n.label.startsWith('Account issues') ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
    if (n.description) item.description = n.description;
    if (n.tooltip) item.tooltip = n.tooltip;
    if (n.icon) item.iconPath = new vscode.ThemeIcon(n.icon, n.color ? new vscode.ThemeColor(n.color) : undefined);
    if (n.command) item.command = n.command;
    return item;
  }

  getChildren(n?: Node): Node[] {
    return n ? (n.children ?? []) : nodesFor(this.state);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface AccountCommands {
  'demarc.connectAccount': () => Promise<void>;
  'demarc.disconnectAccount': () => Promise<void>;
  'demarc.refreshAccount': () => Promise<void>;
}

let current: AccountCommands | undefined;

/** Handlers for the command table; available once registerAccountViews ran. */
export function accountCommands(): AccountCommands {
  if (!current) throw new Error('the Account view is not registered');
  return current;
}

/**
 * Registers the Account tree view (`demarc.account`), its status bar item, and the state listener.
 * `ensureStarted` lets the caller start the language client lazily before the first request.
 */
export function registerAccountViews(_context: vscode.ExtensionContext, client: LanguageClient, ensureStarted: () => Promise<void> = async () => undefined): vscode.Disposable[] {
  const tree = new AccountTree();
  const view = vscode.window.createTreeView(ACCOUNT_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const status = vscode.window.createStatusBarItem('demarc.account', vscode.StatusBarAlignment.Left, 9);
  status.name = 'Demarc: AWS account';
  status.command = 'demarc.refreshAccount';

  const show = (s: AccountState) => {
    tree.update(s);
    const unknown = s.facts.filter((f) => !f.known).length;
    view.message = s.status === 'connecting' ? 'Reading the account…' : undefined;
    view.badge = s.issues.length ? { value: s.issues.length, tooltip: `${s.issues.length} account issue(s)` } : undefined;
    if (s.identity) {
      status.text = `$(cloud) ${s.identity.account}${s.stale ? ' (offline)' : ''}`;
      status.tooltip = `${s.identity.arn}\n${s.region ?? ''}${unknown ? `\n${unknown} fact(s) unknown` : ''}\nClick to refresh`;
      status.show();
    } else status.hide();
  };
  const listener = client.onNotification(AccountChangedNotification, show);

  const request = async (fn: () => Promise<AccountState>, title: string): Promise<void> => {
    await ensureStarted();
    const s = await vscode.window.withProgress({ location: { viewId: ACCOUNT_VIEW_ID }, title }, fn);
    show(s);
    if (s.error && s.status !== 'untrusted') {
      // One message per failed connection, never one per fact: unknown facts only show in the view.
      if (s.error.command) {
        const pick = await vscode.window.showErrorMessage(`Demarc: ${s.error.message}`, 'Copy command');
        if (pick === 'Copy command') {
          await vscode.env.clipboard.writeText(s.error.command);
          void vscode.window.setStatusBarMessage(`Copied: ${s.error.command}`, 4000);
        }
      } else void vscode.window.showWarningMessage(`Demarc: ${s.error.message}`);
    } else if (s.status === 'untrusted') void vscode.window.showInformationMessage(`Demarc: ${s.error?.message ?? 'account access needs a trusted workspace'}`);
  };

  current = {
    'demarc.connectAccount': () => request(() => client.sendRequest(AccountConnectRequest, {}), 'Connecting to the AWS account'),
    'demarc.refreshAccount': () => request(() => client.sendRequest(AccountRefreshRequest), 'Refreshing the AWS account checks'),
    'demarc.disconnectAccount': async () => {
      await ensureStarted();
      show(await client.sendRequest(AccountDisconnectRequest));
    },
  };

  // Pick up the server's state after a restart of the client or server.
  void (async () => {
    try {
      if (client.isRunning()) show(await client.sendRequest(AccountStateRequest));
    } catch {
      // The server is not up yet; the change notification will bring the state.
    }
  })();

  return [view, status, tree, listener, { dispose: () => (current = undefined) }];
}
