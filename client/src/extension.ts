// Entry point. Activation events already limit this to Terraform/CloudFormation workspaces and documents; activate
// only wires the client, its views and commands, and starts the server without waiting for it.
import * as vscode from 'vscode';
import { DemarcClient } from './client';
import { registerCommands } from './commands';
import { registerAccountViews } from './views/account';
import { StatusItem } from './views/status';

let demarc: DemarcClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Demarc', { log: true });
  demarc = new DemarcClient(context, output);
  const status = new StatusItem(demarc);
  context.subscriptions.push(output, demarc, status);
  const started = demarc;
  context.subscriptions.push(...registerAccountViews(context, demarc.client, () => started.start()));
  registerCommands(context, demarc, status);
  // Failures are reported by start() itself (output + one notification); activation must not fail with them.
  demarc.start().catch(() => undefined);
}

export async function deactivate(): Promise<void> {
  await demarc?.stop();
  demarc = undefined;
}
