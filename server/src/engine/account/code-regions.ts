// The Regions a workspace's Terraform deploys to, read before any analysis so the account can be read there too
// (`demarc scan --account`): `provider "aws"` blocks whose `region` is a literal, or a variable whose value is a
// literal, in the same folder. A variable's value comes from the variables files the analysis applies
// (terraform.tfvars, *.auto.tfvars, --var-file; the last one that sets it wins), else from its default. A Region this
// misses (a computed name, a value passed in from a calling module) is simply not read; the analysis then keeps the
// finding and says the account was not read there. The language server uses the analysis's own view
// (ProviderRegions) instead.
import { parentDir } from '../analyze';
import { tfvarsFiles } from '../evaluate/terraform';
import { DEFAULT_MAX_FILE_SIZE } from '../files';
import { attributeOf, parseHcl, staticString } from '../parse/hcl';
import type * as A from '../parse/hcl/ast';
import { parseTerraformJson } from '../parse/hcl/json';
import type { Host } from '../source';

/** What a variables file sets: the literal text, or null where the value is not a literal string. */
type Assignments = Map<string, string | null>;

/**
 * Regions named by the `provider "aws"` blocks of these Terraform files (.tf, .tf.json), sorted. `varFiles`: the
 * --var-file paths, applied to every folder after its own terraform.tfvars and *.auto.tfvars, as the analysis does.
 */
export function providerRegionsInFiles(paths: readonly string[], host: Host, varFiles: readonly string[] = []): string[] {
  const regions = new Set<string>();
  // Per folder: variable defaults, and provider regions still to resolve against them.
  const defaults = new Map<string, Map<string, string>>();
  const pending: { dir: string; variable: string }[] = [];
  for (const path of paths) {
    const json = path.endsWith('.tf.json');
    if (!json && !path.endsWith('.tf')) continue;
    const text = readSmall(host, path);
    // Only files that can hold a provider block or a variable are parsed.
    if (text === undefined || !(text.includes('provider') || text.includes('variable'))) continue;
    let body: A.Body;
    try {
      body = (json ? parseTerraformJson(text) : parseHcl(text)).body;
    } catch {
      continue; // the analysis reports what is wrong with the file
    }
    const dir = parentDir(path);
    for (const item of body.items) {
      if (item.type !== 'Block') continue;
      if (item.blockType.name === 'variable' && item.labels[0]) {
        const d = literal(attributeOf(item.body, 'default')?.expr);
        if (d !== undefined) {
          let m = defaults.get(dir);
          if (!m) defaults.set(dir, (m = new Map()));
          m.set(item.labels[0].value, d);
        }
      } else if (item.blockType.name === 'provider' && item.labels[0]?.value === 'aws') {
        const expr = attributeOf(item.body, 'region')?.expr;
        const value = literal(expr);
        if (value !== undefined) regions.add(value);
        else if (expr?.type === 'GetAttr' && expr.object.type === 'Variable' && expr.object.name === 'var') pending.push({ dir, variable: expr.name.name });
      }
    }
  }
  const assignments = new Map<string, Assignments>();
  const fileAssignments = (path: string): Assignments => {
    let a = assignments.get(path);
    if (!a) assignments.set(path, (a = readAssignments(host, path)));
    return a;
  };
  for (const p of pending) {
    // The last variables file that sets the variable decides, even when its value is not a literal.
    let set: string | null | undefined;
    for (const file of tfvarsFiles(host, p.dir, varFiles)) {
      const a = fileAssignments(file);
      if (a.has(p.variable)) set = a.get(p.variable)!;
    }
    const v = set === undefined ? defaults.get(p.dir)?.get(p.variable) : (set ?? undefined);
    if (v !== undefined) regions.add(v);
  }
  return [...regions].sort();
}

/** The variables one .tfvars or .tfvars.json file sets; an unreadable or malformed file sets nothing. */
function readAssignments(host: Host, path: string): Assignments {
  const out: Assignments = new Map();
  const text = readSmall(host, path);
  if (text === undefined) return out;
  if (path.endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      return out;
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [k, v] of Object.entries(parsed)) out.set(k, typeof v === 'string' && v !== '' ? v : null);
    }
    return out;
  }
  try {
    for (const item of parseHcl(text).body.items) if (item.type === 'Attribute') out.set(item.name.name, literal(item.expr) ?? null);
  } catch {
    // the analysis reports what is wrong with the file
  }
  return out;
}

/** The file's text, unless it is missing, unreadable or over the analysis's default size limit. */
function readSmall(host: Host, path: string): string | undefined {
  const size = host.fileSize?.(path);
  if (size !== undefined && size > DEFAULT_MAX_FILE_SIZE) return undefined;
  try {
    return host.readFile(path);
  } catch {
    return undefined;
  }
}

/** A non-empty string with no interpolation. */
function literal(e: A.Expr | undefined): string | undefined {
  return e ? staticString(e) || undefined : undefined;
}
