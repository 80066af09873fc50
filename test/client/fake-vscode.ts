// Just enough of the `vscode` API for the command table to run under Node: every call is recorded so tests can
// assert what the user would have seen (messages, opened links, clipboard) and what was sent to the server.
export interface Call { api: string; args: unknown[] }

export const calls: Call[] = [];
export const registered = new Map<string, (...args: unknown[]) => unknown>();
const record = (api: string) => async (...args: unknown[]) => {
  calls.push({ api, args });
  return undefined;
};

export class Uri {
  private constructor(private readonly value: string) {}
  static parse(value: string): Uri {
    return new Uri(value);
  }
  static file(path: string): Uri {
    return new Uri(`file://${path}`);
  }
  toString(): string {
    return this.value;
  }
}

export const commands = {
  registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
    if (registered.has(id)) throw new Error(`command '${id}' already exists`);
    registered.set(id, fn);
    return { dispose: () => registered.delete(id) };
  },
  executeCommand: record('commands.executeCommand'),
};

export const window = {
  activeTextEditor: undefined as unknown,
  showInformationMessage: record('window.showInformationMessage'),
  showWarningMessage: record('window.showWarningMessage'),
  showErrorMessage: record('window.showErrorMessage'),
  showQuickPick: record('window.showQuickPick'),
  setStatusBarMessage: (...args: unknown[]) => {
    calls.push({ api: 'window.setStatusBarMessage', args });
    return { dispose() {} };
  },
  withProgress: async (options: unknown, task: (progress: unknown, token: unknown) => Promise<unknown>) => {
    calls.push({ api: 'window.withProgress', args: [options] });
    return task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) });
  },
};

export const env = {
  openExternal: async (uri: Uri) => {
    calls.push({ api: 'env.openExternal', args: [uri.toString()] });
    return true;
  },
  clipboard: { writeText: record('env.clipboard.writeText') },
};

export const workspace = {
  isTrusted: true,
  workspaceFolders: [{ uri: Uri.parse('file:///ws'), name: 'ws', index: 0 }] as unknown[] | undefined,
  openTextDocument: async (options: unknown) => {
    calls.push({ api: 'workspace.openTextDocument', args: [options] });
    return { uri: Uri.parse('untitled:Untitled-1') };
  },
};

export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 };
export const StatusBarAlignment = { Left: 1, Right: 2 };
export class ThemeColor {
  constructor(readonly id: string) {}
}
