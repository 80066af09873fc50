// The Regions a workspace's Terraform deploys to, read before any analysis so the account can be read there too
// (`demarc scan --account`): `provider "aws"` blocks whose `region` is a literal or a variable with a literal
// default in the same folder. A Region this misses (a tfvars value, a computed name) is simply not read; the analysis
// then keeps the finding and says the account was not read there. The language server uses the analysis's own view
// (ProviderRegions) instead.
import { parentDir } from '../analyze';
import { attributeOf, parseHcl, staticString } from '../parse/hcl';
import type * as A from '../parse/hcl/ast';
import { parseTerraformJson } from '../parse/hcl/json';
import type { Host } from '../source';

/** Regions named by the `provider "aws"` blocks of these Terraform files (.tf, .tf.json), sorted. */
export function providerRegionsInFiles(paths: readonly string[], host: Host): string[] {
  const regions = new Set<string>();
  // Per folder: variable defaults, and provider regions still to resolve against them.
  const defaults = new Map<string, Map<string, string>>();
  const pending: { dir: string; variable: string }[] = [];
  for (const path of paths) {
    const json = path.endsWith('.tf.json');
    if (!json && !path.endsWith('.tf')) continue;
    const text = host.readFile(path);
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
  for (const p of pending) {
    const v = defaults.get(p.dir)?.get(p.variable);
    if (v !== undefined) regions.add(v);
  }
  return [...regions].sort();
}

/** A non-empty string with no interpolation. */
function literal(e: A.Expr | undefined): string | undefined {
  return e ? staticString(e) || undefined : undefined;
}
