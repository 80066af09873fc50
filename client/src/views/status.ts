// The status bar item: findings count and server state from `demarc/status`; a click opens the actions quick pick.
import * as vscode from 'vscode';
import { StatusNotification, type StatusParams } from '../../../server/src/shared/protocol';
import type { DemarcClient } from '../client';
import type { CommandId } from '../command-ids';
import { presentStatus, type ClientPhase } from './status-text';

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private last: StatusParams | undefined;
  private phase: ClientPhase = 'starting';

  constructor(demarc: DemarcClient) {
    this.item = vscode.window.createStatusBarItem('demarc.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Demarc';
    this.item.command = 'demarc.showActions' satisfies CommandId;
    this.disposables.push(
      this.item,
      demarc.client.onNotification(StatusNotification, (status) => {
        this.last = status;
        this.render();
      }),
      demarc.onDidChangePhase((phase) => {
        // A stopped or restarting server has no current counts; they come back with its next report.
        if (phase !== 'running') this.last = undefined;
        this.phase = phase;
        this.render();
      }),
    );
    this.render();
    this.item.show();
  }

  get status(): StatusParams | undefined {
    return this.last;
  }

  private render(): void {
    const view = presentStatus(this.last, this.phase);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.tone ? new vscode.ThemeColor(`statusBarItem.${view.tone}Background`) : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

interface ActionPick extends vscode.QuickPickItem {
  command: CommandId;
}

/** The quick pick behind the status bar item. Account actions are left out in restricted mode. */
export async function showActions(status: StatusParams | undefined): Promise<void> {
  const trusted = vscode.workspace.isTrusted;
  const picks: ActionPick[] = [
    { label: '$(search) Scan Workspace', command: 'demarc.scanWorkspace', detail: 'Analyze every Terraform and CloudFormation file in the workspace' },
    { label: '$(table) Show Responsibility Matrix', command: 'demarc.showResponsibilityMatrix', detail: 'Who secures what, per resource and layer' },
    { label: '$(output) Show Output', command: 'demarc.showOutput' },
    ...(trusted ? [{ label: '$(plug) Connect AWS Account', command: 'demarc.connectAccount', detail: 'Check what the account already enforces' } satisfies ActionPick] : []),
    { label: '$(debug-restart) Restart Language Server', command: 'demarc.restartServer' },
  ];
  const summary = status ? presentStatus(status, 'running').tooltip.split('\n')[0] : undefined;
  const pick = await vscode.window.showQuickPick(picks, { title: 'Demarc', placeHolder: summary ?? 'Choose an action' });
  if (pick) await vscode.commands.executeCommand(pick.command);
}
