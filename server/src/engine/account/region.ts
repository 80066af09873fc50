// Which AWS Region a resource in the code deploys to, as far as the code says. The connected account's per-Region
// facts (EBS encryption by default, instance metadata defaults, snapshot block public access, GuardDuty, Config,
// Security Hub, Access Analyzer) were read in one Region; they may speak for a resource only when it deploys there.
import { providerSettings } from './conflicts';
import type { SourceResource } from '../source';

export type ResourceRegion =
  /** The code names the Region (the resource's `provider "aws"` block sets `region` to a known string). */
  | { kind: 'stated'; region: string }
  /** The code does not choose: no provider block, or one without `region` (the environment or profile decides). */
  | { kind: 'unstated' }
  /** The code chooses, but how is not known statically. */
  | { kind: 'unknown'; why: string };

const UNSTATED: ResourceRegion = { kind: 'unstated' };

/**
 * The `provider "aws"` blocks of one unit (the evaluator passes them as `provider.aws` pseudo data sources, module by
 * module), and the Region each resource gets from them. Terraform only; every CloudFormation resource is `unstated`
 * (a stack's Region is chosen when it is deployed).
 */
export class ProviderRegions {
  /** module path (`a/b`, root `''`) → alias (`''` for the default configuration) → the Region its block gives. */
  private readonly byModule = new Map<string, Map<string, ResourceRegion>>();
  /** Every aws provider block of the unit agrees on this, or undefined when they do not (or there are none). */
  private readonly common: ResourceRegion | undefined;

  constructor(resources: readonly SourceResource[]) {
    const all: ResourceRegion[] = [];
    for (const p of providerSettings(resources)) {
      const key = (p.resource.modulePath ?? []).join('/');
      let m = this.byModule.get(key);
      if (!m) this.byModule.set(key, (m = new Map()));
      const region: ResourceRegion =
        p.region !== undefined ? { kind: 'stated', region: p.region } : p.regionUnknown ? { kind: 'unknown', why: 'its provider\'s `region` is not known from the code' } : UNSTATED;
      m.set(p.alias ?? '', region);
      all.push(region);
    }
    const first = all[0];
    this.common = first && all.every((x) => same(x, first)) ? first : undefined;
  }

  /** True when the unit has no aws provider block at all. */
  get none(): boolean {
    return this.byModule.size === 0;
  }

  of(r: SourceResource): ResourceRegion {
    if (r.format !== 'terraform') return UNSTATED;
    const ref = r.provider ?? 'aws';
    if (ref === '?') return { kind: 'unknown', why: 'its `provider` is chosen by an expression' };
    const [local, alias = ''] = ref.split('.');
    if (local !== 'aws') return { kind: 'unknown', why: `it uses provider ${ref}` };
    const path = r.modulePath ?? [];
    const own = this.byModule.get(path.join('/'))?.get(alias);
    if (own) return own;
    if (path.length === 0) {
      // The root module: without a block, the default configuration comes from the environment; an alias must be
      // configured somewhere, and here it is not.
      return alias === '' ? UNSTATED : { kind: 'unknown', why: `provider aws.${alias} is not configured in the code` };
    }
    // A local module gets its providers from its caller (implicitly, or through a `providers` map this does not
    // follow): certain only when every aws provider block of the unit says the same, or there is none.
    if (this.none) return alias === '' ? UNSTATED : { kind: 'unknown', why: `provider aws.${alias} is not configured in the code` };
    return this.common ?? { kind: 'unknown', why: 'its module gets its provider from a caller whose provider blocks name different Regions' };
  }
}

/** The Regions the unit's `provider "aws"` blocks name (known values only), sorted: where to read the account too. */
export function statedRegions(resources: readonly SourceResource[]): string[] {
  return [...new Set(providerSettings(resources).flatMap((p) => (p.region !== undefined ? [p.region] : [])))].sort();
}

function same(a: ResourceRegion, b: ResourceRegion): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'stated' || a.region === (b as { region: string }).region;
}

/**
 * Why per-Region facts read in `factsRegion` do not speak for a resource in `region`, or undefined when they do
 * (the same Region, or one the code leaves to the environment, as the account connection does).
 */
export function regionMismatch(region: ResourceRegion, factsRegion: string): string | undefined {
  if (region.kind === 'unstated') return undefined;
  if (region.kind === 'stated') return region.region === factsRegion ? undefined : `its provider targets ${region.region}, and the account was read in ${factsRegion}`;
  return `${region.why}; the account was read in ${factsRegion}`;
}

/** Other Regions read at most: each costs three EC2 calls. */
export const MAX_OTHER_REGIONS = 4;

/** `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`: what a Region name looks like. */
export function isRegionName(s: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(s);
}

/** The other Regions worth reading: valid, distinct, not the main one, sorted, at most MAX_OTHER_REGIONS. */
export function otherRegionsToRead(regions: readonly string[] | undefined, main: string): string[] {
  return [...new Set((regions ?? []).filter((r) => isRegionName(r) && r !== main))].sort().slice(0, MAX_OTHER_REGIONS);
}
