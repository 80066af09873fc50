// What a CLI command needs from the outside world, so commands are testable in-process.
export interface CliIO {
  stdout(text: string): void;
  /**
   * Raw report bytes to standard output, resolving when the stream can take more (large reports are written a
   * chunk at a time). Without it, reports go through `stdout` as text.
   */
  writeStdout?(chunk: Uint8Array): void | Promise<void>;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Colors and progress only when true (and NO_COLOR / --no-color not given). */
  isTTY: boolean;
}

/** A subcommand: parses its own arguments, returns the process exit code (0 ok, 1 findings, 2 usage/input error). */
export type CommandRunner = (args: string[], io: CliIO) => Promise<number>;
