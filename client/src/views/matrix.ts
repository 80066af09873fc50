// "Demarc: Show Responsibility Matrix": the workspace's resources × security duties in a webview that follows the
// VS Code theme, loads nothing remote (CSP with a nonce) and opens the code or the finding behind each cell.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest } from '../../../server/src/shared/protocol';
import type { MatrixData } from '../../../server/src/report/matrix';
import { matrixFromReport } from '../../../server/src/report/from-report';
import { WEBVIEW_SCRIPT, esc, renderMatrixFragment } from '../../../server/src/report/table';

let current: { panel: vscode.WebviewPanel; data?: MatrixData } | undefined;

/** A fresh, unguessable nonce per render: the CSP lets only our own script run. */
function nonce(): string {
  return randomBytes(18).toString('base64');
}

function page(webview: vscode.Webview, media: vscode.Uri, body: string): string {
  const n = nonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'matrix.css'));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}'; img-src ${webview.cspSource} data:; font-src ${webview.cspSource}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${css}"><title>Responsibility matrix</title></head>
<body><header class="bar"><h1>Responsibility matrix</h1><button type="button" id="refresh" data-action="refresh">Refresh</button></header>
<main>${body}</main>
<script nonce="${n}">${WEBVIEW_SCRIPT}</script></body></html>`;
}

async function load(client: LanguageClient, panel: vscode.WebviewPanel, media: vscode.Uri): Promise<void> {
  panel.webview.html = page(panel.webview, media, '<p role="status">Analyzing the workspace…</p>');
  try {
    const result = await client.sendRequest(ReportRequest, {});
    const data = matrixFromReport(result, (uri) => {
      try {
        return vscode.workspace.asRelativePath(vscode.Uri.parse(uri), true);
      } catch {
        return uri;
      }
    });
    if (current && current.panel === panel) current.data = data;
    panel.webview.html = page(panel.webview, media, renderMatrixFragment(data, { interactive: 'webview' }));
  } catch (err) {
    panel.webview.html = page(panel.webview, media, `<p role="alert">The matrix could not be built: ${esc(err instanceof Error ? err.message : String(err))}</p>`);
  }
}

interface CellMessage {
  type: 'open' | 'finding' | 'refresh';
  row?: number;
  layer?: string;
}

async function reveal(data: MatrixData | undefined, msg: CellMessage): Promise<void> {
  const row = data && typeof msg.row === 'number' ? data.rows[msg.row] : undefined;
  if (!row) return;
  let range = row.range;
  if (msg.type === 'finding') {
    const cell = row.cells.find((c) => c.layer === msg.layer);
    const first = cell?.findings[0];
    if (first) range = first.range;
  }
  const uri = row.file.includes('://') ? vscode.Uri.parse(row.file) : vscode.Uri.file(row.file);
  const doc = await vscode.workspace.openTextDocument(uri);
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  await vscode.window.showTextDocument(doc, { selection: r, viewColumn: vscode.ViewColumn.One, preserveFocus: false });
}

export function showMatrix(context: vscode.ExtensionContext, client: LanguageClient): void {
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  if (current) {
    current.panel.reveal();
    void load(client, current.panel, media);
    return;
  }
  const panel = vscode.window.createWebviewPanel('demarc.matrix', 'Demarc: Responsibility Matrix', vscode.ViewColumn.Beside, {
    enableScripts: true,
    localResourceRoots: [media],
    retainContextWhenHidden: false,
  });
  current = { panel };
  panel.onDidDispose(() => (current = undefined), undefined, context.subscriptions);
  panel.webview.onDidReceiveMessage(
    (msg: CellMessage) => {
      if (msg?.type === 'refresh') void load(client, panel, media);
      else if (msg?.type === 'open' || msg?.type === 'finding') void reveal(current?.data, msg);
    },
    undefined,
    context.subscriptions,
  );
  void load(client, panel, media);
}
