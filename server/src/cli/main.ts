// `demarc` dispatcher (bundled as dist/cli-main.js, loaded by the small entry dist/cli.js): each command (and with
// it the engine) is imported when it runs, to keep start-up short.
import { once } from 'node:events';
import { generalHelp, quickAnswer } from './help';
import type { CliIO, CommandRunner } from './io';

const COMMANDS: Record<string, () => Promise<CommandRunner>> = {
  scan: async () => (await import('./commands/scan')).run,
  rules: async () => (await import('./commands/rules')).run,
  explain: async () => (await import('./commands/explain')).run,
  report: async () => (await import('./commands/report')).run,
  account: async () => (await import('./commands/account')).run,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const quick = quickAnswer(argv);
  if (quick) {
    io.stdout(quick.stdout);
    return quick.code;
  }
  const [first = '', ...rest] = argv;
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
    return (await COMMANDS[topic]!())(['--help'], io);
  }
  if (first.startsWith('-')) {
    io.stderr(`demarc: unknown option ${first}; options go after a command, e.g. demarc scan ${first}\nRun demarc --help for the commands.\n`);
    return 2;
  }
  const load = COMMANDS[first];
  if (!load) return unknownCommand(first, io);
  try {
    return await (await load())(rest, io);
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

function nodeIO(): CliIO {
  // A reader that goes away early (`demarc scan … | head`) closes the pipe: stop writing and finish quietly with the
  // scan's own exit code, as command-line tools do, rather than failing on EPIPE.
  let closed = false;
  const isEpipe = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
  process.stdout.on('error', (e) => {
    if (isEpipe(e)) closed = true;
    else process.stderr.write(`demarc: cannot write to standard output: ${e.message}\n`);
  });
  return {
    stdout: (t) => {
      if (!closed) process.stdout.write(t);
    },
    writeStdout: async (chunk) => {
      if (closed || process.stdout.write(chunk)) return;
      try {
        await once(process.stdout, 'drain');
      } catch (e) {
        if (!isEpipe(e)) throw e;
        closed = true;
      }
    },
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd().replace(/\\/g, '/'),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** Runs the CLI as the process: its exit code becomes the process's. */
export function runFromProcess(argv: string[]): void {
  main(argv, nodeIO()).then(
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

if (typeof require !== 'undefined' && require.main === module) runFromProcess(process.argv.slice(2));
