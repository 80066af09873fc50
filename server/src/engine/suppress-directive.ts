// The `demarc:ignore` comment syntax, on its own so the language server's hover on a suppression comment can read
// it without loading the rule registry that the rest of suppress.ts needs.

export interface ParsedDemarcDirective {
  ids: string[];
  reason?: string;
  until?: string;
  error?: string;
}

/** Parses what follows `demarc:ignore`. */
export function parseDemarcDirective(rest: string): ParsedDemarcDirective {
  let body = rest;
  let reason: string | undefined;
  const sep = body.search(/(^|\s)--(\s|$)/);
  if (sep !== -1) {
    const dash = body.indexOf('--', sep);
    reason = body.slice(dash + 2).replace(/\*\/\s*$/, '').trim() || undefined;
    body = body.slice(0, dash);
  }
  let until: string | undefined;
  const ids: string[] = [];
  for (const token of body.trim().split(/[\s,]+/).filter(Boolean)) {
    const u = /^until=(.*)$/.exec(token);
    if (u) {
      if (!isValidDate(u[1]!)) return { ids, error: `until="${u[1]}" is not a valid YYYY-MM-DD date` };
      until = u[1];
    } else ids.push(token);
  }
  if (ids.length === 0) return { ids, error: 'needs at least one rule id, e.g. `demarc:ignore aws-s3-versioning -- reason`' };
  const out: ParsedDemarcDirective = { ids };
  if (reason) out.reason = reason;
  if (until) out.until = until;
  return out;
}

/** A real calendar date written YYYY-MM-DD. */
export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
