// One-line descriptions of account facts, shared by the CLI, the Account tree view and hovers.
import { FACT_KEYS, FACT_TITLES, type AccountPosture, type EbsEncryptionByDefault, type Fact, type FactKey, type PasswordPolicy } from './types';

export interface FactLine {
  key: FactKey;
  title: string;
  known: boolean;
  /** "all four flags on", or "unknown (AccessDenied: needs s3:GetAccountPublicAccessBlock)". */
  text: string;
}

/** "3 minutes ago"; the hover wording the issue asks for. */
export function ago(iso: string, now: Date = new Date()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return `at ${iso}`;
  const s = Math.max(0, Math.round((now.getTime() - then) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return m === 1 ? '1 minute ago' : `${m} minutes ago`;
  const h = Math.round(m / 60);
  if (h < 48) return h === 1 ? '1 hour ago' : `${h} hours ago`;
  const d = Math.round(h / 24);
  return `${d} days ago`;
}

export function factLines(posture: AccountPosture): FactLine[] {
  return FACT_KEYS.map((key) => {
    const fact = posture[key] as Fact<unknown>;
    const elsewhere = key === 'ebsEncryptionByDefault' || key === 'imdsDefaults' ? otherRegionsText(posture, key) : '';
    if (fact.status === 'unknown') return { key, title: FACT_TITLES[key], known: false, text: `unknown (${fact.reason})${elsewhere}` };
    return { key, title: FACT_TITLES[key], known: true, text: describeKnown(key, posture) + elsewhere };
  });
}

/** `; us-east-1: off; ap-south-1: on, key …` for the other Regions the setting was read in, or ''. */
function otherRegionsText(p: AccountPosture, key: 'ebsEncryptionByDefault' | 'imdsDefaults'): string {
  let out = '';
  for (const [region, facts] of Object.entries(p.otherRegions ?? {})) {
    const e = facts.ebsEncryptionByDefault;
    const m = facts.imdsDefaults;
    let text: string;
    if (key === 'ebsEncryptionByDefault')
      text = e.status === 'unknown' ? `unknown (${e.reason})` : e.value.enabled ? `on, key ${ebsKeyText(e.value)}` : 'off';
    else text = m.status === 'unknown' ? `unknown (${m.reason})` : `HttpTokens ${m.value.httpTokens ?? 'no-preference'}`;
    out += `; ${region}: ${text}`;
  }
  return out;
}

/** The EBS default key, or why it is not known. */
function ebsKeyText(f: EbsEncryptionByDefault): string {
  return f.kmsKeyId ?? `unknown (${f.kmsKeyUnknownReason ?? 'not reported'})`;
}

function onOff(b: boolean | undefined): string {
  return b === undefined ? '?' : b ? 'on' : 'off';
}

function describeKnown(key: FactKey, p: AccountPosture): string {
  switch (key) {
    case 's3AccountPublicAccessBlock': {
      const f = known(p.s3AccountPublicAccessBlock);
      if (!f.configured) return 'not configured (no account-level block)';
      const flags = [f.blockPublicAcls, f.ignorePublicAcls, f.blockPublicPolicy, f.restrictPublicBuckets];
      if (flags.every(Boolean)) return 'all four settings on';
      return `BlockPublicAcls ${onOff(f.blockPublicAcls)}, IgnorePublicAcls ${onOff(f.ignorePublicAcls)}, BlockPublicPolicy ${onOff(f.blockPublicPolicy)}, RestrictPublicBuckets ${onOff(f.restrictPublicBuckets)}`;
    }
    case 'ebsEncryptionByDefault': {
      const f = known(p.ebsEncryptionByDefault);
      if (!f.enabled) return `off in ${p.region}`;
      return `on in ${p.region}, key ${ebsKeyText(f)}`;
    }
    case 'imdsDefaults': {
      const f = known(p.imdsDefaults);
      const parts: string[] = [`HttpTokens ${f.httpTokens ?? 'no-preference'}`];
      if (f.httpPutResponseHopLimit !== undefined) parts.push(`hop limit ${f.httpPutResponseHopLimit}`);
      if (f.httpEndpoint) parts.push(`endpoint ${f.httpEndpoint}`);
      if (f.instanceMetadataTags) parts.push(`tags ${f.instanceMetadataTags}`);
      if (f.managedBy) parts.push(`managed by ${f.managedBy}`);
      return `${parts.join(', ')} (${p.region})`;
    }
    case 'snapshotBlockPublicAccess':
      return `${known(p.snapshotBlockPublicAccess).state} (${p.region})`;
    case 'iamAccountSummary': {
      const f = known(p.iamAccountSummary);
      return `root MFA ${onOff(f.accountMfaEnabled)}, root access keys ${f.accountAccessKeysPresent ? 'present' : 'none'}`;
    }
    case 'passwordPolicy':
      return describePasswordPolicy(known(p.passwordPolicy));
    case 'cloudTrail': {
      const trails = known(p.cloudTrail).trails;
      if (trails.length === 0) return 'no trails';
      return trails
        .map((t) => {
          const scope = [t.isOrganization ? 'organization' : '', t.isMultiRegion ? 'multi-Region' : 'single-Region'].filter(Boolean).join(', ');
          const logging = t.logging === undefined ? `logging unknown${t.loggingUnknownReason ? ` (${t.loggingUnknownReason})` : ''}` : t.logging ? 'logging' : 'not logging';
          return `${t.name} (${scope}; ${logging})`;
        })
        .join('; ');
    }
    case 'guardDuty': {
      const d = known(p.guardDuty).detectors;
      if (d.length === 0) return `no detector in ${p.region}`;
      return d.map((x) => `detector ${x.id} ${x.status ?? 'status unknown'}`).join('; ');
    }
    case 'config': {
      const r = known(p.config).recorders;
      if (r.length === 0) return `no recorder in ${p.region}`;
      return r
        .map((x) => `${x.name}: ${x.recording === undefined ? 'recording unknown' : x.recording ? 'recording' : 'not recording'}${x.allSupported ? ', all resource types' : ''}`)
        .join('; ');
    }
    case 'securityHub': {
      const f = known(p.securityHub);
      if (!f.enabled) return `not enabled in ${p.region}`;
      const standards = f.standards.map((s) => standardName(s.arn)).join(', ');
      return `enabled in ${p.region}${standards ? `; standards: ${standards}` : '; no standards enabled'}`;
    }
    case 'accessAnalyzer': {
      const a = known(p.accessAnalyzer).analyzers;
      if (a.length === 0) return `no analyzer in ${p.region}`;
      return a.map((x) => `${x.name} (${x.type ?? '?'}, ${x.status ?? '?'})`).join('; ');
    }
  }
}

export function describePasswordPolicy(pp: PasswordPolicy): string {
  if (!pp.present) return 'none (AWS default policy applies)';
  const parts = [`min length ${pp.minimumPasswordLength ?? '?'}`];
  const req = [pp.requireSymbols && 'symbols', pp.requireNumbers && 'numbers', pp.requireUppercaseCharacters && 'uppercase', pp.requireLowercaseCharacters && 'lowercase'].filter(Boolean);
  parts.push(req.length ? `requires ${req.join(', ')}` : 'no character requirements');
  if (pp.passwordReusePrevention) parts.push(`prevents reuse of last ${pp.passwordReusePrevention}`);
  if (pp.maxPasswordAge) parts.push(`max age ${pp.maxPasswordAge} days`);
  return parts.join(', ');
}

/** `arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0` → `aws-foundational-security-best-practices v1.0.0`. */
export function standardName(arn: string): string {
  const m = /standards\/([^/]+)\/v\/([^/]+)$/.exec(arn);
  return m ? `${m[1]} v${m[2]}` : arn;
}

function known<T>(f: Fact<T>): T {
  if (f.status !== 'known') throw new Error('fact is not known');
  return f.value;
}
