// Runs inside a real VS Code (Extension Development Host) opened on a copy of test/fixtures/vscode-workspace.
// Entry point for @vscode/test-electron: `run()` resolves when every test passed and throws otherwise.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runAll, test } from './harness';

const EXTENSION_ID = 'demarc.demarc';

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

function demarcDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'demarc');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/** Waits until `predicate` holds for the document's Demarc diagnostics (checked on every diagnostics change). */
async function waitForDiagnostics(uri: vscode.Uri, predicate: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 45_000): Promise<vscode.Diagnostic[]> {
  const current = demarcDiagnostics(uri);
  if (predicate(current)) return current;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${JSON.stringify(demarcDiagnostics(uri).map((d) => [codeOf(d), d.range.start.line]))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const ds = demarcDiagnostics(uri);
      if (predicate(ds)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(ds);
      }
    });
  });
}

/** Line ranges of the named resources in a document: Terraform `resource "t" "name" {` or a CloudFormation logical id. */
function resourceBlocks(doc: vscode.TextDocument): { name: string; start: number; end: number }[] {
  const lines = doc.getText().split(/\r?\n/);
  const headers: { name: string; line: number }[] = [];
  lines.forEach((text, line) => {
    const tf = /^resource\s+"[^"]+"\s+"([^"]+)"/.exec(text);
    const cfn = /^ {2}([A-Za-z0-9]+):\s*$/.exec(text);
    if (tf) headers.push({ name: tf[1]!, line });
    else if (cfn && doc.languageId === 'yaml') headers.push({ name: cfn[1]!, line });
  });
  return headers.map((h, i) => ({ name: h.name, start: h.line, end: (headers[i + 1]?.line ?? lines.length) - 1 }));
}

function within(d: vscode.Diagnostic, block: { start: number; end: number }): boolean {
  return d.range.start.line >= block.start && d.range.start.line <= block.end;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

test('the extension activates when a Terraform file opens, and registers every contributed command', async () => {
  const doc = await vscode.workspace.openTextDocument(fixture('main.tf'));
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'terraform');
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded`);
  await ext.activate();
  assert.ok(ext.isActive);
  const contributed = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
  const registered = new Set(await vscode.commands.getCommands(true));
  for (const id of contributed) assert.ok(registered.has(id), `command ${id} is registered`);
});

test('Terraform: every fail_* resource gets a Demarc diagnostic with a rule id and a documentation link', async () => {
  const uri = fixture('main.tf');
  const doc = await vscode.workspace.openTextDocument(uri);
  const blocks = resourceBlocks(doc);
  const failing = blocks.filter((b) => b.name.startsWith('fail_'));
  assert.ok(failing.length >= 3);
  const ds = await waitForDiagnostics(uri, (all) => failing.every((b) => all.some((d) => within(d, b))), 'a diagnostic on every fail_* resource');
  for (const d of ds) {
    assert.match(codeOf(d), /^aws-[a-z0-9]+(-[a-z0-9]+)+$/, 'code is a rule id');
    assert.ok(typeof d.code === 'object' && d.code.target.scheme === 'https', 'code links to the rule page');
  }
  // The rule that flags the unencrypted volume does not flag its encrypted twin.
  const failData = blocks.find((b) => b.name === 'fail_data')!;
  const passData = blocks.find((b) => b.name === 'pass_data')!;
  const rulesOnFail = new Set(ds.filter((d) => within(d, failData)).map(codeOf));
  const rulesOnPass = ds.filter((d) => within(d, passData)).map(codeOf);
  assert.ok(rulesOnPass.every((r) => !rulesOnFail.has(r)), `pass_data flagged by ${rulesOnPass.join(', ')}`);
});

test('CloudFormation: the failing volume is flagged, and a YAML file that is not a template is left alone', async () => {
  const uri = fixture('template.yaml');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const fail = resourceBlocks(doc).find((b) => b.name === 'FailVolume')!;
  await waitForDiagnostics(uri, (all) => all.some((d) => within(d, fail)), 'a diagnostic on FailVolume');

  const notes = fixture('notes.yaml');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
  // Give the server time to analyze; a non-template must stay without Demarc diagnostics.
  await new Promise((r) => setTimeout(r, 2_000));
  assert.deepEqual(demarcDiagnostics(notes).map(codeOf), []);
});

test('hover on a flagged resource shows its findings and the responsibility line', async () => {
  const uri = fixture('main.tf');
  const doc = await vscode.workspace.openTextDocument(uri);
  const block = resourceBlocks(doc).find((b) => b.name === 'fail_web')!;
  const ds = await waitForDiagnostics(uri, (all) => all.some((d) => within(d, block)), 'a diagnostic on fail_web');
  const typeAt = doc.lineAt(block.start).text.indexOf('aws_instance') + 3;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(block.start, typeAt));
  const text = hoverText(hovers ?? []);
  assert.ok(text.length > 0, 'a hover is shown');
  const rules = ds.filter((d) => within(d, block)).map(codeOf);
  assert.ok(rules.some((r) => text.includes(r)), `hover names a finding (${rules.join(', ')}):\n${text}`);
  assert.match(text, /\bAWS\b/, 'hover draws the responsibility line (what AWS secures)');
});

test('a quick fix edits the file and its diagnostic goes away', async () => {
  const uri = fixture('main.tf');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const failing = resourceBlocks(doc).filter((b) => b.name.startsWith('fail_'));
  const ds = await waitForDiagnostics(uri, (all) => failing.every((b) => all.some((d) => within(d, b))), 'diagnostics on fail_* resources');

  let chosen: { diagnostic: vscode.Diagnostic; action: vscode.CodeAction } | undefined;
  for (const diagnostic of ds) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 10,
    );
    const fix = (actions ?? []).find((a) => a.isPreferred && a.diagnostics?.some((x) => codeOf(x) === codeOf(diagnostic)));
    if (fix) {
      chosen = { diagnostic, action: fix };
      break;
    }
  }
  assert.ok(chosen, `a preferred quick fix for one of: ${ds.map(codeOf).join(', ')}`);
  const before = doc.getText();
  const { diagnostic, action } = chosen;
  const rule = codeOf(diagnostic);
  const owner = failing.find((b) => within(diagnostic, b))?.name;
  assert.ok(owner, `${rule} sits on a fail_* resource`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'the edit applies');
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  assert.notEqual(doc.getText(), before, 'the fix changed the document');
  // Lines moved: find the resource again by name in the edited text.
  await waitForDiagnostics(
    uri,
    (all) => {
      const block = resourceBlocks(doc).find((b) => b.name === owner)!;
      return !all.some((d) => codeOf(d) === rule && within(d, block));
    },
    `${rule} gone from ${owner} after the fix`,
  );
  // Leave the fixture as it was for any later test (the copy is thrown away anyway).
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

export function run(): Promise<void> {
  return runAll();
}
