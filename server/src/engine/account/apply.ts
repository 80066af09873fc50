// How live account settings change code findings. Precedence: a value written in code (explicit or derived)
// always decides; when the code is silent, an account setting that is on replaces the AWS service default
// the rule assumed, and the finding drops to `info` with a note saying what covers it and when it was read.
import type { Layer } from '../responsibility/types';
import type { SourceResource } from '../source';
import type { Finding } from '../types';
import { ago } from './describe';
import { coveringTrail, s3BpaAllOn } from './checks';
import { ProviderRegions, regionMismatch, type ResourceRegion } from './region';
import type { AccountPosture, RegionFacts } from './types';

export { accountIssues } from './issues';
export { accountConflicts, providerSettings } from './conflicts';
export { coveringTrail, s3BpaAllOn } from './checks';

/** Where the per-Region settings were read: `eu-west-1` or `eu-west-1, us-east-1`. */
function readIn(posture: AccountPosture): string {
  return [posture.region, ...Object.keys(posture.otherRegions ?? {})].join(', ');
}

/** The per-Region settings in force where a resource deploys, and the Region's name. */
interface InRegion {
  region: string;
  facts: RegionFacts;
}

/**
 * Why an account setting covers a rule's default-origin finding, or undefined when it does not. `at`: the per-Region
 * settings of the resource's Region (the main Region's when the code leaves it to the environment).
 */
type Coverage = (posture: AccountPosture, at: InRegion) => string | undefined;

/**
 * The per-Region settings that apply to a resource in `region`: the main Region's, those of another Region that was
 * read, or undefined when the account was not read there (or the Region is unknown).
 */
export function settingsInRegion(posture: AccountPosture, region: ResourceRegion): InRegion | undefined {
  if (region.kind === 'unstated' || (region.kind === 'stated' && region.region === posture.region))
    return { region: posture.region, facts: { ebsEncryptionByDefault: posture.ebsEncryptionByDefault, imdsDefaults: posture.imdsDefaults } };
  if (region.kind !== 'stated') return undefined;
  const other = posture.otherRegions?.[region.region];
  return other ? { region: region.region, facts: other } : undefined;
}

function ebsDefaultKey(facts: RegionFacts): string | undefined {
  const f = facts.ebsEncryptionByDefault;
  if (f.status !== 'known' || !f.value.enabled) return undefined;
  return f.value.kmsKeyId ?? 'the default key (not readable)';
}

const COVERAGE: Record<string, Coverage> = {
  'aws-s3-block-public-access': (p) =>
    s3BpaAllOn(p) ? `covered by the account's S3 Block Public Access (checked ${p.s3AccountPublicAccessBlock.status === 'known' ? p.s3AccountPublicAccessBlock.checkedAt : p.checkedAt})` : undefined,
  'aws-ec2-ebs-encryption': (_p, at) => {
    const key = ebsDefaultKey(at.facts);
    const f = at.facts.ebsEncryptionByDefault;
    if (key === undefined || f.status !== 'known') return undefined;
    return `encrypted by the Region's EBS default in ${at.region}, key ${key} (checked ${f.checkedAt})`;
  },
  'aws-ec2-require-imdsv2': (_p, at) => {
    const f = at.facts.imdsDefaults;
    if (f.status !== 'known' || f.value.httpTokens !== 'required') return undefined;
    return `IMDSv2 required by the account's instance metadata defaults in ${at.region} (checked ${f.checkedAt})`;
  },
  'aws-cloudtrail-multi-region': (p) => {
    const t = coveringTrail(p);
    if (!t || p.cloudTrail.status !== 'known') return undefined;
    const kind = t.isOrganization ? 'organization trail' : 'multi-Region trail';
    return `covered by the ${kind} ${t.name}, which is logging (checked ${p.cloudTrail.checkedAt})`;
  },
};

/** Rule ids whose default-origin findings an account setting can cover. */
export const ACCOUNT_COVERED_RULES: readonly string[] = Object.freeze(Object.keys(COVERAGE));

/** Coverage read from a per-Region setting: it holds only for resources deployed to the Region it was read in. */
const REGIONAL: Record<string, string> = {
  'aws-ec2-ebs-encryption': 'EBS encryption by default',
  'aws-ec2-require-imdsv2': 'instance metadata defaults',
};

/**
 * Downgrades findings that the account already covers. Only findings whose triggering value is absent from
 * the code (`valueOrigin === 'default'`) are touched: a value the user wrote, even an insecure one, stays a finding,
 * because it is what the next apply will send. A per-Region setting covers only resources whose provider deploys to
 * the Region it was read in (or leaves the Region to the environment); for the others the finding stays, with a note
 * saying why. `sources`: the unit's evaluated resources, provider blocks included. Findings are copied, never mutated.
 */
export function applyAccountPosture(findings: Finding[], sources: readonly SourceResource[], posture: AccountPosture): Finding[] {
  let regions: ProviderRegions | undefined;
  let byAddress: Map<string, SourceResource> | undefined;
  const main = settingsInRegion(posture, { kind: 'unstated' })!;
  return findings.map((f) => {
    if (f.valueOrigin !== 'default') return f;
    const cover = COVERAGE[f.ruleId];
    if (!cover) return f;
    let at: InRegion | undefined = main;
    const regional = REGIONAL[f.ruleId];
    if (regional !== undefined) {
      byAddress ??= new Map(sources.map((r) => [r.address, r]));
      const source = f.resource !== undefined ? byAddress.get(f.resource) : undefined;
      regions ??= new ProviderRegions(sources);
      const region: ResourceRegion = source ? regions.of(source) : { kind: 'unstated' };
      at = settingsInRegion(posture, region);
      // Not read where the resource goes: the AWS default the rule assumed stands.
      if (!at) return { ...f, notes: [...(f.notes ?? []), `not covered by the account's ${regional}: ${regionMismatch(region, readIn(posture)) ?? 'not read there'}`] };
    }
    const note = cover(posture, at);
    if (note === undefined) return f;
    return { ...f, severity: 'info', notes: [...(f.notes ?? []), note] };
  });
}

/** Families whose account facts are read per Region. */
const PER_REGION_FAMILIES = new Set(['ebs', 'instance', 'snapshot', 'guardduty', 'config', 'securityhub', 'accessanalyzer']);

/** Families of resource types an account fact speaks about. Accepts Terraform, CloudFormation and model kinds. */
function family(resourceType: string): string | undefined {
  const t = resourceType.toLowerCase();
  if (/^aws_s3_bucket|^aws::s3::bucket|^aws\.s3\.bucket|^aws_s3_account_public_access_block/.test(t)) return 's3';
  if (/^aws_ebs_volume|^aws::ec2::volume|^aws\.ec2\.volume|^aws_ebs_encryption_by_default|^aws_ebs_default_kms_key/.test(t)) return 'ebs';
  if (/^aws_instance$|^aws_launch_template$|^aws::ec2::instance$|^aws::ec2::launchtemplate$|^aws\.ec2\.(instance|launch-?template)/.test(t)) return 'instance';
  if (/^aws_ebs_snapshot|^aws_snapshot_create_volume_permission|^aws\.ec2\.snapshot/.test(t)) return 'snapshot';
  if (/^aws_cloudtrail$|^aws::cloudtrail::trail$|^aws\.cloudtrail/.test(t)) return 'cloudtrail';
  if (/^aws_iam_account_password_policy|^aws\.iam\.password-?policy/.test(t)) return 'password';
  if (/^aws_guardduty|^aws::guardduty|^aws\.guardduty/.test(t)) return 'guardduty';
  if (/^aws_config_|^aws::config::|^aws\.config\./.test(t)) return 'config';
  if (/^aws_securityhub|^aws::securityhub|^aws\.securityhub/.test(t)) return 'securityhub';
  if (/^aws_accessanalyzer|^aws::accessanalyzer|^aws\.accessanalyzer/.test(t)) return 'accessanalyzer';
  return undefined;
}

/**
 * Account facts that bear on one resource type, worded for a hover next to the responsibility card:
 * `{ layer: 'encryption-at-rest', text: "encrypted by the region's EBS default, key …, checked 3 minutes ago" }`.
 * Unknown facts are said to be unknown (with the reason) rather than left out, so a hover never implies coverage.
 */
export function accountFactsForLayer(posture: AccountPosture, resourceType: string, now: Date = new Date(), region: ResourceRegion = { kind: 'unstated' }): { layer: Layer; text: string; verified: boolean }[] {
  // `verified`: the account itself enforces the duty; other facts are shown for context only.
  const out: { layer: Layer; text: string; verified: boolean }[] = [];
  const checked = (iso: string) => `checked ${ago(iso, now)}`;
  const family_ = family(resourceType);
  // Per-Region facts read elsewhere say nothing about this resource: said so, never shown as enforced.
  // EBS and IMDS defaults may have been read in the resource's Region too (posture.otherRegions); the rest only in
  // the main Region.
  const ebsOrImds = family_ === 'ebs' || family_ === 'instance';
  const elsewhere = regionMismatch(region, ebsOrImds ? readIn(posture) : posture.region);
  const at = settingsInRegion(posture, region);
  const readThere = at !== undefined && ebsOrImds;
  if (elsewhere !== undefined && family_ !== undefined && PER_REGION_FAMILIES.has(family_) && !readThere) {
    const layer: Layer = family_ === 'ebs' ? 'encryption-at-rest' : family_ === 'instance' || family_ === 'snapshot' ? 'identity-access' : 'logging-monitoring';
    out.push({ layer, text: `the account's Region settings do not apply here: ${elsewhere}`, verified: false });
    return out;
  }
  switch (family_) {
    case 's3': {
      const f = posture.s3AccountPublicAccessBlock;
      if (f.status === 'unknown') out.push({ layer: 'identity-access', text: `account S3 Block Public Access unknown (${f.reason})`, verified: false });
      else if (s3BpaAllOn(posture)) out.push({ layer: 'identity-access', text: `public access blocked by the account's S3 Block Public Access (all four settings), ${checked(f.checkedAt)}`, verified: true });
      else out.push({ layer: 'identity-access', text: `the account's S3 Block Public Access is not fully on; only this bucket's own settings apply, ${checked(f.checkedAt)}`, verified: false });
      break;
    }
    case 'ebs':
    case 'instance': {
      const { facts, region: name } = at!;
      const e = facts.ebsEncryptionByDefault;
      if (e.status === 'unknown') out.push({ layer: 'encryption-at-rest', text: `EBS default encryption unknown (${e.reason})`, verified: false });
      else if (e.value.enabled) out.push({ layer: 'encryption-at-rest', text: `encrypted by the region's EBS default${name === posture.region ? '' : ` in ${name}`}, key ${ebsDefaultKey(facts)}, ${checked(e.checkedAt)}`, verified: true });
      else out.push({ layer: 'encryption-at-rest', text: `EBS default encryption is off in ${name}; volumes are encrypted only when the code says so, ${checked(e.checkedAt)}`, verified: false });
      if (family_ === 'instance') {
        const m = facts.imdsDefaults;
        if (m.status === 'unknown') out.push({ layer: 'identity-access', text: `instance metadata defaults unknown (${m.reason})`, verified: false });
        else if (m.value.httpTokens === 'required') out.push({ layer: 'identity-access', text: `IMDSv2 required by the account default in ${name}, ${checked(m.checkedAt)}`, verified: true });
        else out.push({ layer: 'identity-access', text: `no account default requires IMDSv2 in ${name} (HttpTokens ${m.value.httpTokens ?? 'no-preference'}), ${checked(m.checkedAt)}`, verified: false });
      }
      break;
    }
    case 'snapshot': {
      const s = posture.snapshotBlockPublicAccess;
      if (s.status === 'unknown') out.push({ layer: 'identity-access', text: `snapshot block public access unknown (${s.reason})`, verified: false });
      else out.push({ layer: 'identity-access', text: `snapshot block public access is ${s.value.state} in ${posture.region}, ${checked(s.checkedAt)}`, verified: s.value.state !== 'unblocked' });
      break;
    }
    case 'cloudtrail': {
      const c = posture.cloudTrail;
      const t = coveringTrail(posture);
      if (c.status === 'unknown') out.push({ layer: 'logging-monitoring', text: `CloudTrail trails unknown (${c.reason})`, verified: false });
      else if (t) out.push({ layer: 'logging-monitoring', text: `account activity is recorded by the ${t.isOrganization ? 'organization' : 'multi-Region'} trail ${t.name}, ${checked(c.checkedAt)}`, verified: true });
      else out.push({ layer: 'logging-monitoring', text: `no logging multi-Region or organization trail in the account, ${checked(c.checkedAt)}`, verified: false });
      break;
    }
    case 'password': {
      const p = posture.passwordPolicy;
      if (p.status === 'unknown') out.push({ layer: 'identity-access', text: `live password policy unknown (${p.reason})`, verified: false });
      else out.push({ layer: 'identity-access', text: p.value.present ? `live password policy: min length ${p.value.minimumPasswordLength ?? '?'}, ${checked(p.checkedAt)}` : `the account has no password policy today, ${checked(p.checkedAt)}`, verified: false });
      break;
    }
    case 'guardduty':
    case 'config':
    case 'securityhub':
    case 'accessanalyzer': {
      const key = ({ guardduty: 'guardDuty', config: 'config', securityhub: 'securityHub', accessanalyzer: 'accessAnalyzer' } as const)[family(resourceType) as 'guardduty'];
      const f = posture[key];
      if (f.status === 'unknown') out.push({ layer: 'logging-monitoring', text: `${key} unknown (${f.reason})`, verified: false });
      else out.push({ layer: 'logging-monitoring', text: `${liveSummary(posture, key)}, ${checked(f.checkedAt)}`, verified: false });
      break;
    }
  }
  return out;
}

function liveSummary(p: AccountPosture, key: 'guardDuty' | 'config' | 'securityHub' | 'accessAnalyzer'): string {
  switch (key) {
    case 'guardDuty': {
      const f = p.guardDuty;
      return f.status === 'known' && f.value.detectors.some((d) => d.status === 'ENABLED') ? `GuardDuty is on in ${p.region}` : `GuardDuty is off in ${p.region}`;
    }
    case 'config': {
      const f = p.config;
      return f.status === 'known' && f.value.recorders.some((r) => r.recording) ? `AWS Config is recording in ${p.region}` : `AWS Config is not recording in ${p.region}`;
    }
    case 'securityHub': {
      const f = p.securityHub;
      return f.status === 'known' && f.value.enabled ? `Security Hub is on in ${p.region}` : `Security Hub is off in ${p.region}`;
    }
    case 'accessAnalyzer': {
      const f = p.accessAnalyzer;
      return f.status === 'known' && f.value.analyzers.some((a) => a.status === 'ACTIVE') ? `an IAM Access Analyzer is active in ${p.region}` : `no active IAM Access Analyzer in ${p.region}`;
    }
  }
}
