// Reads the account posture: who the credentials belong to, then every fact in parallel. Each fact is isolated:
// a missing permission or a failing service makes that one fact unknown with a reason, never the whole load.
// Only credential problems (expired, missing, invalid) fail the load, because then nothing can be read.
import { otherRegionsToRead } from '../engine/account/region';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { S3ControlClient, GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import {
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetInstanceMetadataDefaultsCommand,
  GetSnapshotBlockPublicAccessStateCommand,
} from '@aws-sdk/client-ec2';
import { IAMClient, GetAccountSummaryCommand, GetAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { GuardDutyClient, ListDetectorsCommand, GetDetectorCommand } from '@aws-sdk/client-guardduty';
import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand } from '@aws-sdk/client-config-service';
import { SecurityHubClient, DescribeHubCommand, GetEnabledStandardsCommand } from '@aws-sdk/client-securityhub';
import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import type { AccountPosture, Fact } from '../engine/account/types';
import { classifyError, guardClient, isCredentialError, send, unknownReason, type CallError, type OutputOf, type SendingClient } from './calls';
import { logAccount, registerEnvSecrets, registerSecret } from './log';
import { credentialProcessProfile, profileName, profileRegion, readAwsFiles, usesSso } from './profiles';

export interface LoadPostureOptions {
  profile?: string;
  region?: string;
  /** Workspace trust. Untrusted workspaces never reach AWS (a workspace setting could pick a profile that runs a program). */
  trusted: boolean;
  /** Environment for profile/Region/config-file resolution; defaults to process.env. The SDK itself reads process.env. */
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Per-attempt connection and response timeout; 5 s unless a test needs otherwise. */
  timeoutMs?: number;
  /**
   * More Regions to read the per-Region settings that cover findings in (EBS encryption by default, IMDS defaults):
   * the Regions the code's providers name. Invalid names and the main Region are left out; at most MAX_OTHER_REGIONS.
   */
  otherRegions?: readonly string[];
}

export type AccountErrorKind = 'untrusted' | 'no-region' | 'no-credentials' | 'sso-expired' | 'expired-token' | 'invalid-credentials' | 'network' | 'aborted' | 'other';

/** Why the account could not be read at all. `command` is a shell command that fixes it, when there is one. */
export class AccountError extends Error {
  constructor(
    readonly kind: AccountErrorKind,
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

const DEFAULT_TIMEOUT_MS = 5000;
/** Per fact, across retries: 3 attempts × timeout plus backoff, so one slow service cannot hold the rest forever. */
const FACT_DEADLINE_FACTOR = 3.5;
const MAX_PAGES = 20;

export async function loadPosture(opts: LoadPostureOptions): Promise<AccountPosture> {
  const env = opts.env ?? process.env;
  registerEnvSecrets(env);
  const files = readAwsFiles(env);
  const profile = profileName(opts.profile, env);

  if (!opts.trusted) {
    const proc = credentialProcessProfile(files, profile);
    if (proc)
      throw new AccountError('untrusted', `credential_process is disabled in untrusted workspaces (profile "${proc}" uses one). Trust the workspace to connect the AWS account.`);
    throw new AccountError('untrusted', 'AWS account access is disabled in untrusted workspaces. Trust the workspace to connect the AWS account.');
  }

  const region = opts.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || profileRegion(files, profile);
  if (!region) throw new AccountError('no-region', `No AWS Region: set demarc.aws.region, --region, AWS_REGION, or region in profile "${profile}" of ${files.configPath}.`);

  // The SDK prints a multi-line notice about its own future Node.js support on every Node 20 process; it says
  // nothing about Demarc and would land in the CLI's stderr. A user who set the variable keeps their choice.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const explicitProfile = opts.profile || undefined;
  const base = {
    region,
    ...(explicitProfile ? { profile: explicitProfile } : {}),
    maxAttempts: 3,
    retryMode: 'standard',
    // Without throwOnRequestTimeout the Node handler only warns when a response is late, and waits on.
    requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs, throwOnRequestTimeout: true },
  };
  logAccount(`connecting: profile ${explicitProfile ?? `${profile} (default chain)`}, region ${region}`);

  const sts = guardClient(new STSClient(base), 'sts');
  const ssoHint = () => `aws sso login --profile ${profile}`;
  let identity: AccountPosture['identity'];
  try {
    const out = await send(sts, new GetCallerIdentityCommand({}), withSignal(opts.signal, timeoutMs));
    identity = { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  } catch (e) {
    throw toAccountError(e, profile, usesSso(files, profile), ssoHint(), opts.signal);
  }
  // Scrub the resolved secret from every later log line, whatever provider produced it.
  try {
    const creds = await (sts.config.credentials as unknown as () => Promise<{ secretAccessKey?: string; sessionToken?: string }>)();
    registerSecret(creds.secretAccessKey);
    registerSecret(creds.sessionToken);
  } catch {
    // Already resolved once for GetCallerIdentity; a second failure changes nothing here.
  }
  logAccount(`identity: account ${identity.account}, ${identity.arn}`);

  // One credential resolution shared by every client: SSO, role assumption or a process runs once, not ten times.
  const shared = { ...base, credentials: sts.config.credentials };
  const s3control = guardClient(new S3ControlClient(shared), 's3control');
  loopbackWithoutAccountPrefix(s3control);
  const ec2 = guardClient(new EC2Client(shared), 'ec2');
  const iam = guardClient(new IAMClient(shared), 'iam');
  const cloudtrail = guardClient(new CloudTrailClient(shared), 'cloudtrail');
  const guardduty = guardClient(new GuardDutyClient(shared), 'guardduty');
  const config = guardClient(new ConfigServiceClient(shared), 'configservice');
  const securityhub = guardClient(new SecurityHubClient(shared), 'securityhub');
  const analyzer = guardClient(new AccessAnalyzerClient(shared), 'accessanalyzer');

  const call = <C extends { schema?: unknown }>(client: SendingClient, command: C): Promise<OutputOf<C>> =>
    send(client, command, withSignal(opts.signal, timeoutMs * FACT_DEADLINE_FACTOR));
  const now = () => new Date().toISOString();
  const fact = async <T>(operation: string, read: () => Promise<T>): Promise<Fact<T>> => {
    try {
      const value = await read();
      return { status: 'known', value, checkedAt: now() };
    } catch (e) {
      const failedOp = e instanceof FactCallError ? e.operation : operation;
      const c = classifyError(e instanceof FactCallError ? e.cause : e);
      logAccount(`${failedOp} failed: ${c.code}: ${c.message.split('\n')[0]}`);
      return { status: 'unknown', reason: unknownReason(failedOp, c) };
    }
  };
  /** Runs one call and tags its failure with the operation, so a fact built from several calls names the right one. */
  const op = async <Out>(operation: string, run: () => Promise<Out>): Promise<Out> => {
    try {
      return await run();
    } catch (e) {
      throw new FactCallError(operation, e);
    }
  };
  const errorCode = (e: unknown) => classifyError(e instanceof FactCallError ? e.cause : e).code;

  const readEbs = (client: SendingClient) =>
    fact('ec2:GetEbsEncryptionByDefault', async () => {
      const out = await call(client, new GetEbsEncryptionByDefaultCommand({}));
      const enabled = out.EbsEncryptionByDefault === true;
      if (!enabled) return { enabled };
      try {
        const key = await call(client, new GetEbsDefaultKmsKeyIdCommand({}));
        return key.KmsKeyId ? { enabled, kmsKeyId: key.KmsKeyId } : { enabled, kmsKeyUnknownReason: 'not reported' };
      } catch (e) {
        return { enabled, kmsKeyUnknownReason: unknownReason('ec2:GetEbsDefaultKmsKeyId', classifyError(e)) };
      }
    });
  const readImds = (client: SendingClient) =>
    fact('ec2:GetInstanceMetadataDefaults', async () => {
      const out = await call(client, new GetInstanceMetadataDefaultsCommand({}));
      const a = out.AccountLevel ?? {};
      const v: AccountPosture['imdsDefaults'] extends Fact<infer T> ? T : never = {};
      if (a.HttpTokens) v.httpTokens = a.HttpTokens as 'optional' | 'required';
      if (a.HttpPutResponseHopLimit !== undefined) v.httpPutResponseHopLimit = a.HttpPutResponseHopLimit;
      if (a.HttpEndpoint) v.httpEndpoint = a.HttpEndpoint as 'enabled' | 'disabled';
      if (a.InstanceMetadataTags) v.instanceMetadataTags = a.InstanceMetadataTags as 'enabled' | 'disabled';
      const managedBy = (a as { ManagedBy?: string }).ManagedBy;
      if (managedBy && managedBy !== 'account') v.managedBy = managedBy;
      return v;
    });
  // The Regions the code also deploys to: only the settings that can cover a finding, with one EC2 client each.
  const others = otherRegionsToRead(opts.otherRegions, region);
  const otherClients = others.map((r) => guardClient(new EC2Client({ ...shared, region: r }), 'ec2'));
  if (others.length) logAccount(`also reading EBS and IMDS defaults in ${others.join(', ')}`);
  const otherFacts = Promise.all(otherClients.map(async (c) => { const [e, m] = await Promise.all([readEbs(c), readImds(c)]); return { ebsEncryptionByDefault: e, imdsDefaults: m }; }));

  const [s3Bpa, ebs, imds, snapshot, summary, passwordPolicy, trails, guardDuty, recorders, hub, analyzers] = await Promise.all([
    fact('s3control:GetPublicAccessBlock', async () => {
      try {
        const out = await call(s3control, new GetPublicAccessBlockCommand({ AccountId: identity.account }));
        const c = out.PublicAccessBlockConfiguration ?? {};
        return {
          configured: true,
          blockPublicAcls: c.BlockPublicAcls === true,
          ignorePublicAcls: c.IgnorePublicAcls === true,
          blockPublicPolicy: c.BlockPublicPolicy === true,
          restrictPublicBuckets: c.RestrictPublicBuckets === true,
        };
      } catch (e) {
        // The account never configured a block: a fact in itself (all four off), not an unknown.
        if (errorCode(e) === 'NoSuchPublicAccessBlockConfiguration')
          return { configured: false, blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
        throw e;
      }
    }),
    readEbs(ec2),
    readImds(ec2),
    fact('ec2:GetSnapshotBlockPublicAccessState', async () => {
      const out = await call(ec2, new GetSnapshotBlockPublicAccessStateCommand({}));
      return { state: out.State ?? 'unblocked' };
    }),
    fact('iam:GetAccountSummary', async () => {
      const out = await call(iam, new GetAccountSummaryCommand({}));
      const m = out.SummaryMap ?? {};
      return { accountMfaEnabled: (m.AccountMFAEnabled ?? 0) > 0, accountAccessKeysPresent: (m.AccountAccessKeysPresent ?? 0) > 0 };
    }),
    fact('iam:GetAccountPasswordPolicy', async () => {
      try {
        const p = (await call(iam, new GetAccountPasswordPolicyCommand({}))).PasswordPolicy ?? {};
        return {
          present: true as const,
          minimumPasswordLength: p.MinimumPasswordLength,
          requireSymbols: p.RequireSymbols,
          requireNumbers: p.RequireNumbers,
          requireUppercaseCharacters: p.RequireUppercaseCharacters,
          requireLowercaseCharacters: p.RequireLowercaseCharacters,
          allowUsersToChangePassword: p.AllowUsersToChangePassword,
          expirePasswords: p.ExpirePasswords,
          maxPasswordAge: p.MaxPasswordAge,
          passwordReusePrevention: p.PasswordReusePrevention,
          hardExpiry: p.HardExpiry,
        };
      } catch (e) {
        // IAM answers NoSuchEntity when no custom policy exists: a known "none", not an unknown.
        if (errorCode(e) === 'NoSuchEntity' || errorCode(e) === 'NoSuchEntityException') return { present: false as const };
        throw e;
      }
    }),
    fact('cloudtrail:DescribeTrails', async () => {
      const list = (await call(cloudtrail, new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [];
      const trails = await Promise.all(
        list.map(async (t) => {
          const trail = { name: t.Name ?? t.TrailARN ?? '?', arn: t.TrailARN, homeRegion: t.HomeRegion, isMultiRegion: t.IsMultiRegionTrail === true, isOrganization: t.IsOrganizationTrail === true } as AccountPostureTrail;
          try {
            const s = await call(cloudtrail, new GetTrailStatusCommand({ Name: t.TrailARN ?? t.Name }));
            trail.logging = s.IsLogging === true;
          } catch (e) {
            trail.loggingUnknownReason = unknownReason('cloudtrail:GetTrailStatus', classifyError(e));
          }
          return trail;
        }),
      );
      return { trails };
    }),
    fact('guardduty:ListDetectors', async () => {
      const ids: string[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await op('guardduty:ListDetectors', () => call(guardduty, new ListDetectorsCommand(token ? { NextToken: token } : {})));
        ids.push(...(out.DetectorIds ?? []));
        token = out.NextToken || undefined;
        if (!token) break;
      }
      const detectors = await Promise.all(
        ids.map(async (id) => {
          const d = await op('guardduty:GetDetector', () => call(guardduty, new GetDetectorCommand({ DetectorId: id })));
          return { id, status: d.Status };
        }),
      );
      return { detectors };
    }),
    fact('configservice:DescribeConfigurationRecorders', async () => {
      const rec = (await op('configservice:DescribeConfigurationRecorders', () => call(config, new DescribeConfigurationRecordersCommand({})))).ConfigurationRecorders ?? [];
      const statuses = rec.length
        ? ((await op('configservice:DescribeConfigurationRecorderStatus', () => call(config, new DescribeConfigurationRecorderStatusCommand({})))).ConfigurationRecordersStatus ?? [])
        : [];
      return {
        recorders: rec.map((r) => {
          const s = statuses.find((x) => x.name === r.name);
          return {
            name: r.name ?? 'default',
            allSupported: r.recordingGroup?.allSupported,
            includeGlobalResourceTypes: r.recordingGroup?.includeGlobalResourceTypes,
            roleArn: r.roleARN,
            recording: s?.recording,
            lastStatus: s?.lastStatus,
          };
        }),
      };
    }),
    fact('securityhub:DescribeHub', async () => {
      let hub;
      try {
        hub = await op('securityhub:DescribeHub', () => call(securityhub, new DescribeHubCommand({})));
      } catch (e) {
        // Security Hub answers InvalidAccessException ("not subscribed") when it is off: a known "off".
        const c = classifyError(e instanceof FactCallError ? e.cause : e);
        if (c.code === 'InvalidAccessException' || c.code === 'ResourceNotFoundException') return { enabled: false, standards: [] };
        throw e;
      }
      const standards: { arn: string; status?: string }[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await op('securityhub:GetEnabledStandards', () => call(securityhub, new GetEnabledStandardsCommand(token ? { NextToken: token } : {})));
        for (const s of out.StandardsSubscriptions ?? []) standards.push({ arn: s.StandardsArn ?? '?', status: s.StandardsStatus });
        token = out.NextToken || undefined;
        if (!token) break;
      }
      return { enabled: true, hubArn: hub.HubArn, subscribedAt: hub.SubscribedAt, standards };
    }),
    fact('accessanalyzer:ListAnalyzers', async () => {
      const analyzers: { name: string; arn?: string; type?: string; status?: string }[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await call(analyzer, new ListAnalyzersCommand(token ? { nextToken: token } : {}));
        for (const a of out.analyzers ?? []) analyzers.push({ name: a.name ?? '?', arn: a.arn, type: a.type, status: a.status });
        token = out.nextToken || undefined;
        if (!token) break;
      }
      return { analyzers };
    }),
  ]);

  const byRegion = await otherFacts;
  for (const c of [sts, s3control, ec2, iam, cloudtrail, guardduty, config, securityhub, analyzer, ...otherClients]) c.destroy();

  const posture: AccountPosture = {
    identity,
    checkedAt: now(),
    region,
    s3AccountPublicAccessBlock: s3Bpa,
    ebsEncryptionByDefault: ebs,
    imdsDefaults: imds,
    snapshotBlockPublicAccess: snapshot,
    iamAccountSummary: summary,
    passwordPolicy: stripUndefined(passwordPolicy),
    cloudTrail: trails,
    guardDuty,
    config: recorders,
    securityHub: hub,
    accessAnalyzer: analyzers,
  };
  if (explicitProfile) posture.profile = explicitProfile;
  if (others.length) posture.otherRegions = Object.fromEntries(others.map((r, i) => [r, byRegion[i]!]));
  const unknown = Object.values(posture).filter((f) => typeof f === 'object' && f && (f as { status?: string }).status === 'unknown').length;
  logAccount(`posture read: ${11 - unknown} facts known, ${unknown} unknown`);
  return posture;
}

type AccountPostureTrail = { name: string; arn?: string; homeRegion?: string; isMultiRegion: boolean; isOrganization: boolean; logging?: boolean; loggingUnknownReason?: string };

class FactCallError extends Error {
  constructor(
    readonly operation: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'FactCallError';
  }
}

function stripUndefined<T>(f: Fact<T>): Fact<T> {
  if (f.status !== 'known' || typeof f.value !== 'object' || f.value === null) return f;
  const v = Object.fromEntries(Object.entries(f.value as Record<string, unknown>).filter(([, x]) => x !== undefined)) as T;
  return { ...f, value: v };
}

function withSignal(signal: AbortSignal | undefined, deadlineMs: number): { signal: AbortSignal } {
  const timeout = AbortSignal.timeout(Math.max(1, Math.round(deadlineMs)));
  return { signal: signal ? AbortSignal.any([signal, timeout]) : timeout };
}

function toAccountError(e: unknown, profile: string, sso: boolean, ssoCommand: string, signal?: AbortSignal): AccountError {
  if (signal?.aborted) return new AccountError('aborted', 'Connecting to the AWS account was cancelled.');
  const c: CallError = classifyError(e);
  logAccount(`GetCallerIdentity failed: ${c.code}: ${c.message.split('\n')[0]}`);
  if (c.kind === 'sso-expired' || ((c.kind === 'expired-token' || c.kind === 'no-credentials') && sso))
    return new AccountError('sso-expired', `The IAM Identity Center (SSO) session for profile "${profile}" has expired or is missing. Run: ${ssoCommand}`, ssoCommand);
  if (c.kind === 'expired-token')
    return new AccountError('expired-token', `The AWS credentials for profile "${profile}" have expired (${c.code}). Refresh them${sso ? `: ${ssoCommand}` : ' and reconnect.'}`, sso ? ssoCommand : undefined);
  if (c.kind === 'invalid-credentials') return new AccountError('invalid-credentials', `AWS rejected the credentials (${c.code}): ${c.message.split('\n')[0]}`);
  if (c.kind === 'no-credentials')
    return new AccountError('no-credentials', `No AWS credentials found (profile "${profile}"). Configure a profile (aws configure / aws configure sso) or set demarc.aws.profile.`);
  if (c.kind === 'network' || c.kind === 'timeout') return new AccountError('network', `Cannot reach AWS STS: ${c.message.split('\n')[0]}`);
  if (isCredentialError(c)) return new AccountError('invalid-credentials', c.message);
  return new AccountError('other', `GetCallerIdentity failed (${c.code}): ${c.message.split('\n')[0]}`);
}

/**
 * S3 Control puts the account id in front of the endpoint host (`123456789012.host`). For a custom endpoint on
 * an IP literal or `localhost` (a local emulator, a test server) that name cannot resolve, and for an IP literal
 * it is not even a valid URL; there the account travels in the `x-amz-account-id` header alone, which is what
 * emulators expect. Real AWS and hostname endpoints keep the SDK's behaviour.
 */
function loopbackWithoutAccountPrefix(client: S3ControlClient): void {
  const config = client.config as unknown as { endpointProvider: (params: Record<string, unknown>, ctx?: unknown) => unknown };
  const original = config.endpointProvider;
  config.endpointProvider = (params, ctx) => {
    const endpoint = typeof params.Endpoint === 'string' ? params.Endpoint : undefined;
    if (endpoint && isLocalHost(endpoint)) return original({ ...params, RequiresAccountId: false, AccountId: undefined }, ctx);
    return original(params, ctx);
  };
}

function isLocalHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
  } catch {
    return false;
  }
}
