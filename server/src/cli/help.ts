// The general help text, shared by the small `demarc` entry (entry.ts, which answers --help without loading the
// CLI bundle) and the dispatcher (main.ts). Strings only: nothing here may pull in the engine.
import { toolVersion } from './version';

/** Command names and their one-line summaries, in the order `demarc --help` lists them. */
export const COMMAND_SUMMARIES: Record<string, string> = {
  scan: 'scan Terraform and CloudFormation for AWS misconfigurations',
  rules: 'list every rule (id, severity, title, controls, formats, fixable)',
  explain: 'show the shared-responsibility card for a resource type',
  report: 'write the responsibility matrix as HTML, Markdown or JSON',
  account: 'show the connected AWS account and its posture facts',
};

export function generalHelp(): string {
  const width = Math.max(...Object.keys(COMMAND_SUMMARIES).map((n) => n.length));
  const lines = Object.entries(COMMAND_SUMMARIES).map(([n, summary]) => `  ${n.padEnd(width)}  ${summary}`);
  return [
    `demarc ${toolVersion()}: where AWS's security duties end and yours begin, for Terraform and CloudFormation`,
    '',
    'Usage: demarc <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --version   print the version',
    '  --help      this text; demarc help <command> for a command',
    '',
    'Exit codes: 0 nothing at or above the threshold, 1 findings, 2 usage error or unreadable input.',
    '',
  ].join('\n');
}

/** Whether the arguments ask only for the version or the general help, which need nothing else. */
export function quickAnswer(argv: readonly string[]): { stdout: string; code: number } | undefined {
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h') return { stdout: generalHelp(), code: first === undefined ? 2 : 0 };
  if (first === '--version' || first === '-v' || first === 'version') return { stdout: `${toolVersion()}\n`, code: 0 };
  return undefined;
}
