// The command table's keys and how each command appears in the manifest. No `vscode` import: the manifest script
// and the manifest test read it under plain Node. commands.ts maps every id to a handler (checked by the compiler).

export interface CommandInfo {
  title: string;
  /** Codicon shown where the command appears in a title bar. */
  icon?: string;
  /**
   * `when` clause for the Command Palette. `false` hides commands that only make sense with arguments (they are
   * invoked from hovers, diagnostics and notifications).
   */
  palette?: string | false;
}

export const COMMANDS = {
  'demarc.scanWorkspace': { title: 'Scan Workspace', icon: '$(search)' },
  'demarc.showOutput': { title: 'Show Output' },
  'demarc.restartServer': { title: 'Restart Language Server', icon: '$(debug-restart)' },
  'demarc.showResponsibilityMatrix': { title: 'Show Responsibility Matrix', icon: '$(table)' },
  'demarc.explainResource': { title: 'Explain Resource at Cursor', palette: 'editorIsOpen' },
  'demarc.showActions': { title: 'Show Actions' },
  // Account access needs the workspace's trust: credential processes and profiles can run arbitrary programs.
  'demarc.connectAccount': { title: 'Connect AWS Account', icon: '$(plug)', palette: 'isWorkspaceTrusted' },
  'demarc.disconnectAccount': { title: 'Disconnect AWS Account', palette: 'isWorkspaceTrusted' },
  'demarc.refreshAccount': { title: 'Refresh AWS Account Checks', icon: '$(refresh)', palette: 'isWorkspaceTrusted' },
  'demarc.showRuleDocs': { title: 'Show Rule Documentation', palette: false },
  'demarc.copyCommand': { title: 'Copy Command to Clipboard', palette: false },
} as const satisfies Record<string, CommandInfo>;

export type CommandId = keyof typeof COMMANDS;

export const COMMAND_CATEGORY = 'Demarc';
