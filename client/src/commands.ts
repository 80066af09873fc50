// The command table: every command the manifest contributes maps to exactly one handler here. `Record<CommandId, …>`
// makes the compiler reject a missing or unknown id; test/client/manifest.test.ts checks the manifest side.
import * as vscode from 'vscode';
import {
  ExplainRequest,
  ScanWorkspaceRequest,
  type ExplainResult,
  type ScanWorkspaceResult,
} from '../../server/src/shared/protocol';
import type { DemarcClient } from './client';
import { COMMANDS, type CommandId } from './command-ids';
import { errorMessage, isRuleId, ruleDocsUrl } from './config';
import { accountCommands } from './views/account';
import { showMatrix } from './views/matrix';
import { showActions, type StatusItem } from './views/status';

type Handler = (...args: unknown[]) => unknown;

export function registerCommands(context: vscode.ExtensionContext, demarc: DemarcClient, status: StatusItem): void {
  const table: Record<CommandId, Handler> = {
    'demarc.scanWorkspace': () => scanWorkspace(demarc),
    'demarc.showOutput': () => demarc.output.show(),
    'demarc.restartServer': () => demarc.restart(),
    'demarc.showResponsibilityMatrix': async () => {
      // The matrix asks the server for its report as soon as it opens.
      await demarc.start();
      showMatrix(context, demarc.client);
    },
    'demarc.explainResource': (uri, position) => explainResource(demarc, uri, position),
    'demarc.showActions': () => showActions(status.status),
    'demarc.connectAccount': () => accountCommands()['demarc.connectAccount'](),
    'demarc.disconnectAccount': () => accountCommands()['demarc.disconnectAccount'](),
    'demarc.refreshAccount': () => accountCommands()['demarc.refreshAccount'](),
    'demarc.showRuleDocs': (ruleId, href) => showRuleDocs(context, ruleId, href),
    'demarc.copyCommand': (command) => copyCommand(command),
  };
  for (const id of Object.keys(COMMANDS) as CommandId[]) {
    const handler = table[id];
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (err) {
          demarc.output.error(`${id} failed: ${errorMessage(err)}`);
          void vscode.window.showErrorMessage(`Demarc: ${COMMANDS[id].title} failed: ${errorMessage(err)}`);
          return undefined;
        }
      }),
    );
  }
}

async function scanWorkspace(demarc: DemarcClient): Promise<ScanWorkspaceResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Demarc: open a folder to scan a workspace.');
    return undefined;
  }
  await demarc.start();
  // The server reports percentage through work-done progress; the notification adds a cancel button.
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Demarc: scanning the workspace', cancellable: true },
    (_progress, token) => demarc.client.sendRequest(ScanWorkspaceRequest, {}, token),
  );
  const summary = `${result.findings} finding${result.findings === 1 ? '' : 's'} in ${result.files} file${result.files === 1 ? '' : 's'}`
    + (result.problems > 0 ? `, ${result.problems} input problem${result.problems === 1 ? '' : 's'}` : '')
    + ` (${(result.durationMs / 1000).toFixed(1)} s)`;
  demarc.output.info(`Workspace scan ${result.completed ? 'finished' : 'cancelled'}: ${summary}`);
  for (const s of result.skipped) demarc.output.info(`  skipped ${s.uri}: ${s.reason}`);
  if (!result.completed) return result;
  const pick = await vscode.window.showInformationMessage(`Demarc: ${summary}.`, 'Show Problems');
  if (pick) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return result;
}

/** From a hover link (uri, position) or the palette (active editor's cursor): the full card as a Markdown preview. */
async function explainResource(demarc: DemarcClient, uriArg: unknown, positionArg: unknown): Promise<ExplainResult | undefined> {
  let uri: string | undefined;
  let position: { line: number; character: number } | undefined;
  if (typeof uriArg === 'string' && isPosition(positionArg)) {
    uri = uriArg;
    position = positionArg;
  } else {
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      uri = editor.document.uri.toString();
      position = { line: editor.selection.active.line, character: editor.selection.active.character };
    }
  }
  if (!uri || !position) {
    void vscode.window.showInformationMessage('Demarc: put the cursor on a resource to explain it.');
    return undefined;
  }
  await demarc.start();
  const result = await demarc.client.sendRequest(ExplainRequest, { textDocument: { uri }, position });
  if (!result.resource || !result.markdown) {
    void vscode.window.showInformationMessage('Demarc: no Terraform or CloudFormation resource at the cursor.');
    return result;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  return result;
}

function isPosition(v: unknown): v is { line: number; character: number } {
  return typeof v === 'object' && v !== null && typeof (v as { line?: unknown }).line === 'number'
    && typeof (v as { character?: unknown }).character === 'number';
}

async function showRuleDocs(context: vscode.ExtensionContext, ruleId: unknown, href: unknown): Promise<void> {
  // Diagnostics carry the exact page; only build one from the id when called without it.
  if (typeof href === 'string' && /^https:\/\//.test(href)) {
    await vscode.env.openExternal(vscode.Uri.parse(href));
    return;
  }
  if (!isRuleId(ruleId)) {
    void vscode.window.showWarningMessage('Demarc: Show Rule Documentation needs a rule id such as aws-s3-block-public-access.');
    return;
  }
  const repository = (context.extension.packageJSON as { repository?: { url?: string } | string }).repository;
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (!url) throw new Error('the extension manifest has no repository URL');
  await vscode.env.openExternal(vscode.Uri.parse(ruleDocsUrl(url, ruleId)));
}

async function copyCommand(command: unknown): Promise<void> {
  if (typeof command !== 'string' || command.trim() === '') {
    void vscode.window.showWarningMessage('Demarc: nothing to copy.');
    return;
  }
  await vscode.env.clipboard.writeText(command);
  void vscode.window.setStatusBarMessage(`Copied: ${command}`, 4000);
}
