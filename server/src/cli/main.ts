// `demarc` entry point: dispatches subcommands. Only what `--version` and `--help` need is loaded up front;
// each command (and with it the engine) is imported when it runs, to keep cold start short.
import type { CliIO, CommandRunner } from './io';
import { toolVersion } from './version';

interface CommandEntry {
  summary: string;
  load: () => Promise<CommandRunner>;
}

const COMMANDS: Record<string, CommandEntry> = {
  scan: {
    summary: 'scan Terraform and CloudFormation for AWS misconfigurations',
    load: async () => (await import('./commands/scan')).run,
  },
  rules: {
    summary: 'list every rule (id, severity, title, controls, formats, fixable)',
    load: async () => (await import('./commands/rules')).run,
  },
  explain: {
    summary: 'show the shared-responsibility card for a resource type',
    load: async () => (await import('./commands/explain')).run,
  },
  report: {
    summary: 'write the responsibility matrix as HTML, Markdown or JSON',
    load: async () => (await import('./commands/report')).run,
  },
  account: {
    summary: 'show the connected AWS account and its posture facts',
    load: async () => (await import('./commands/account')).run,
  },
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout(generalHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v' || first === 'version') {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(generalHelp());
      return 0;
    }
    if (!COMMANDS[topic]) return unknownCommand(topic, io);
    if (topic === 'scan' || topic === 'rules') {
      const mod = topic === 'scan' ? await import('./commands/scan') : await import('./commands/rules');
      io.stdout(mod.HELP);
      return 0;
    }
    // Other commands print their own help.
    return (await COMMANDS[topic]!.load())(['--help'], io);
  }
  if (first.startsWith('-')) {
    io.stderr(`demarc: unknown option ${first}; options go after a command, e.g. demarc scan ${first}\nRun demarc --help for the commands.\n`);
    return 2;
  }
  const entry = COMMANDS[first];
  if (!entry) return unknownCommand(first, io);
  try {
    return await (await entry.load())(rest, io);
  } catch (e) {
    // A bug must still end with a message and a defined exit code, not a stack dump mid-report.
    io.stderr(`demarc ${first}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

function unknownCommand(name: string, io: CliIO): number {
  const names = Object.keys(COMMANDS);
  const close = names.find((n) => n.startsWith(name.slice(0, 2)));
  io.stderr(`demarc: unknown command "${name}"${close ? `; did you mean "${close}"?` : ''}\nCommands: ${names.join(', ')}. Run demarc --help.\n`);
  return 2;
}

function generalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
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

function nodeIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd().replace(/\\/g, '/'),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  };
}

if (typeof require !== 'undefined' && require.main === module) {
  main(process.argv.slice(2), nodeIO()).then(
    (code) => {
      // Let stdout drain (large SARIF to a pipe) before exiting with the code.
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`demarc: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
