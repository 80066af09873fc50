// ANSI styling that turns itself off when output is not a terminal, NO_COLOR is set, or --no-color was given.
import type { Severity } from '../engine/types';

export interface Style {
  enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  magenta(s: string): string;
  cyan(s: string): string;
  underline(s: string): string;
  severity(s: Severity | 'error' | 'warning' | 'info', text?: string): string;
}

export function makeStyle(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  const bold = wrap(1, 22);
  const dim = wrap(2, 22);
  const red = wrap(31, 39);
  const yellow = wrap(33, 39);
  const blue = wrap(34, 39);
  const magenta = wrap(35, 39);
  const cyan = wrap(36, 39);
  const underline = wrap(4, 24);
  return {
    enabled,
    bold,
    dim,
    red,
    yellow,
    blue,
    magenta,
    cyan,
    underline,
    severity(s, text = s) {
      switch (s) {
        case 'critical':
          return bold(magenta(text));
        case 'high':
        case 'error':
          return red(text);
        case 'medium':
        case 'warning':
          return yellow(text);
        case 'low':
          return blue(text);
        default:
          return dim(text);
      }
    },
  };
}

export function colorWanted(isTTY: boolean, env: Record<string, string | undefined>, noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  // https://no-color.org: any non-empty value disables color.
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}
