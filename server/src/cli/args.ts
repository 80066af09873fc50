// Argument parsing shared by the subcommands: node:util parseArgs, with messages that say what to do.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: string, args: string[], options: OptionSpec): ParsedArgs {
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: { ...r.values } as ParsedArgs['values'], positionals: r.positionals };
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const opt = /'([^']+)'/.exec(err.message)?.[1] ?? '';
      const name = opt.replace(/^-+/, '').split('=')[0] ?? '';
      const hint = suggest(name, Object.keys(options));
      throw new UsageError(`unknown option ${opt}${hint ? `; did you mean --${hint}?` : ''} (see: demarc help ${command})`);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const opt = /(--[a-z-]+)/.exec(err.message)?.[1];
      if (opt && options[opt.slice(2)]?.type === 'boolean') throw new UsageError(`option ${opt} takes no value (see: demarc help ${command})`);
      throw new UsageError(`option ${opt ?? ''} needs a value (see: demarc help ${command})`);
    }
    if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`unexpected argument (see: demarc help ${command})`);
    throw new UsageError(err.message);
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** Bytes, with an optional K/M/G suffix (powers of 1024): `50M`, `4194304`. */
export function parseByteSize(value: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`${option} must be a size in bytes, optionally with K, M or G (got "${value}")`);
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const n = Math.round(Number(m[1]) * mult);
  if (!(n > 0)) throw new UsageError(`${option} must be greater than zero`);
  return n;
}

export function suggest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = t;
    }
  }
  return row[b.length]!;
}

/** `--jobs N`: a whole number of analysis threads, 1 or more. */
export function parseJobs(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < 1) throw new UsageError(`--jobs: expected a whole number of threads (1 or more), got "${raw}"`);
  return n;
}
