// Terraform `provider "aws"` blocks name the account and Region the code is meant for. When the connected
// identity is another account, every account fact shown next to that code would describe the wrong account,
// so the conflict is reported on the provider block itself.
import { field, type Val } from '../evaluate/value';
import type { SourceResource } from '../source';
import type { Problem, Span } from '../types';
import type { AccountIdentity } from './types';

export interface ProviderSettings {
  resource: SourceResource;
  alias?: string;
  /** Undefined when absent or not statically known. */
  region?: string;
  /** Set when `region` is written but its value is not statically known (a variable without a default…). */
  regionUnknown?: true;
  regionSpan?: Span;
  allowedAccountIds?: { ids: string[]; span?: Span };
  forbiddenAccountIds?: { ids: string[]; span?: Span };
}

/** The evaluator hands `provider "aws"` blocks over as resources of type `provider.aws`. */
export function providerSettings(resources: readonly SourceResource[]): ProviderSettings[] {
  return resources
    .filter((r) => r.type === 'provider.aws')
    .map((r) => {
      const s: ProviderSettings = { resource: r };
      const alias = field(r.body, 'alias');
      if (alias?.kind === 'string') s.alias = alias.value;
      const region = field(r.body, 'region');
      if (region?.kind === 'string') {
        s.region = region.value;
        if (region.span) s.regionSpan = region.span;
      } else if (region !== undefined && region.kind !== 'null') s.regionUnknown = true;
      const allowed = idList(field(r.body, 'allowed_account_ids'));
      if (allowed) s.allowedAccountIds = allowed;
      const forbidden = idList(field(r.body, 'forbidden_account_ids'));
      if (forbidden) s.forbiddenAccountIds = forbidden;
      return s;
    });
}

/** A list (or set) of account ids; undefined when absent or when any element is not statically known. */
function idList(v: Val | undefined): { ids: string[]; span?: Span } | undefined {
  if (!v || v.kind !== 'list') return undefined;
  const ids: string[] = [];
  for (const item of v.items) {
    if (item.kind === 'string') ids.push(item.value.trim());
    else if (item.kind === 'number') ids.push(String(item.value).padStart(12, '0'));
    else return undefined;
  }
  return v.span ? { ids, span: v.span } : { ids };
}

/**
 * Problems on provider blocks whose account constraints reject the connected identity, plus a note when the
 * provider targets another Region than the one the per-Region facts were read in.
 */
export function accountConflicts(resources: SourceResource[], identity: AccountIdentity, postureRegion?: string, otherRegions: readonly string[] = []): Problem[] {
  const out: Problem[] = [];
  for (const p of providerSettings(resources)) {
    const name = p.alias ? `provider "aws" (alias ${p.alias})` : 'provider "aws"';
    const file = p.resource.file;
    if (p.allowedAccountIds && !p.allowedAccountIds.ids.includes(identity.account)) {
      out.push({
        file,
        span: p.allowedAccountIds.span ?? p.resource.headerSpan,
        severity: 'error',
        code: 'account-not-allowed',
        message: `The connected AWS account ${identity.account} (${identity.arn}) is not in allowed_account_ids of ${name} (${p.allowedAccountIds.ids.join(', ')}); account facts do not describe the account this code targets.`,
      });
    }
    if (p.forbiddenAccountIds && p.forbiddenAccountIds.ids.includes(identity.account)) {
      out.push({
        file,
        span: p.forbiddenAccountIds.span ?? p.resource.headerSpan,
        severity: 'error',
        code: 'account-forbidden',
        message: `The connected AWS account ${identity.account} (${identity.arn}) is listed in forbidden_account_ids of ${name}.`,
      });
    }
    // The per-Region settings were read in the main Region and in otherRegions (see AccountPosture.otherRegions).
    if (postureRegion && p.region && p.region !== postureRegion && !otherRegions.includes(p.region)) {
      out.push({
        file,
        span: p.regionSpan ?? p.resource.headerSpan,
        severity: 'info',
        code: 'account-region-differs',
        message: `Account facts were read in ${[postureRegion, ...otherRegions].join(', ')}; ${name} targets ${p.region}. Per-Region facts (EBS default encryption, IMDS defaults, GuardDuty, Config, Security Hub) are not applied to the resources it deploys.`,
      });
    }
  }
  return out;
}
