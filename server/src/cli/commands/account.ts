// `demarc account`: who the credentials belong to and what the account already enforces, read-only.
import { loadAwsRuntime } from '../../aws/loader';
import { UsageError, oneOf, parseCommandArgs } from '../args';
import type { CliIO, CommandRunner } from '../io';
import type { AccountIssue, AccountPosture } from '../../engine/account/types';
import { FACT_KEYS } from '../../engine/account/types';
import { factLines } from '../../engine/account/describe';
import { accountIssues } from '../../engine/account/issues';
import { isRegionName, MAX_OTHER_REGIONS } from '../../engine/account/region';

export const HELP = `Usage: demarc account [--profile P] [--region R] [--also-region R]... [--format text|json] [--verbose]

Shows the AWS identity of your credentials and the account's security settings that change how findings read:
S3 account Block Public Access, EBS default encryption, IMDS defaults, snapshot block public access, root MFA and
access keys, password policy, CloudTrail, GuardDuty, AWS Config, Security Hub and IAM Access Analyzer.

Only read-only calls are made (Get/List/Describe). A fact your credentials may not read shows as
"unknown (AccessDenied: needs <iam action>)"; the AWS managed policy SecurityAudit covers all of them.

Credentials come from the AWS SDK default chain: environment, shared config/credentials files, --profile,
IAM Identity Center (SSO), assumed roles, web identity, container and instance metadata.
AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE> and endpoint_url in the config file are honoured.

Options:
  --profile P          named profile from ~/.aws/config (default: AWS_PROFILE or "default")
  --region R           Region for the per-Region facts (default: AWS_REGION, then the profile's region)
  --also-region R      also read EBS encryption by default and the IMDS defaults in R (repeatable, at most 4;
                       scan and report --account do this for the Regions the code's providers name)
  --format text|json   output format (default: text)
  --verbose            log each call's outcome to stderr (secrets are never printed)

Exit codes: 0 facts read; 2 usage error, or the credentials could not be used (expired SSO session, none found…).
`;

const OPTIONS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  'also-region': { type: 'string', multiple: true },
  format: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface AccountReport {
  identity: AccountPosture['identity'];
  region: string;
  profile?: string;
  checkedAt: string;
  facts: Pick<AccountPosture, (typeof FACT_KEYS)[number]>;
  lines: { key: string; title: string; known: boolean; text: string }[];
  issues: AccountIssue[];
  /** EBS and IMDS defaults read in other Regions (`--also-region`, or the code's Regions). */
  otherRegions?: AccountPosture['otherRegions'];
}

export function accountReport(posture: AccountPosture): AccountReport {
  const facts = Object.fromEntries(FACT_KEYS.map((k) => [k, posture[k]])) as AccountReport['facts'];
  const report: AccountReport = { identity: posture.identity, region: posture.region, checkedAt: posture.checkedAt, facts, lines: factLines(posture), issues: accountIssues(posture) };
  if (posture.profile) report.profile = posture.profile;
  if (posture.otherRegions) report.otherRegions = posture.otherRegions;
  return report;
}

export function formatAccountText(posture: AccountPosture): string {
  const r = accountReport(posture);
  const out: string[] = [];
  out.push(`AWS account ${r.identity.account}`);
  out.push(`  identity  ${r.identity.arn}`);
  if (r.profile) out.push(`  profile   ${r.profile}`);
  out.push(`  region    ${r.region}`);
  out.push(`  checked   ${r.checkedAt}`);
  out.push('');
  out.push('Facts');
  const width = Math.max(...r.lines.map((l) => l.title.length));
  for (const l of r.lines) out.push(`  ${l.title.padEnd(width)}  ${l.text}`);
  out.push('');
  if (r.issues.length === 0) out.push('Account issues: none among the facts that could be read');
  else {
    out.push(`Account issues (${r.issues.length})`);
    for (const i of r.issues) {
      out.push(`  ${i.severity.padEnd(8)}  ${i.title}  [${i.control}]`);
      out.push(`  ${''.padEnd(8)}  ${i.detail}`);
    }
  }
  const unknown = r.lines.filter((l) => !l.known).length;
  if (unknown) out.push('', `${unknown} fact${unknown === 1 ? '' : 's'} unknown; the AWS managed policy SecurityAudit grants every call Demarc makes.`);
  return `${out.join('\n')}\n`;
}

export const run: CommandRunner = async (args: string[], io: CliIO) => {
  let values;
  try {
    values = parseCommandArgs('account', args, OPTIONS).values;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`demarc account: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  let format: 'text' | 'json';
  let also: string[] | undefined;
  try {
    format = oneOf(values.format as string | undefined, ['text', 'json'] as const, '--format') ?? 'text';
    also = values['also-region'] as string[] | undefined;
    const bad = also?.find((r) => !isRegionName(r));
    if (bad !== undefined) throw new UsageError(`--also-region: "${bad}" is not a Region name (like us-east-1)`);
    if (new Set(also).size > MAX_OTHER_REGIONS) throw new UsageError(`--also-region: at most ${MAX_OTHER_REGIONS} Regions`);
  } catch (e) {
    io.stderr(`demarc account: ${(e as Error).message}\n`);
    return 2;
  }
  // The AWS SDK is loaded only here, so `demarc scan` without --account never pays for it.
  const runtime = loadAwsRuntime();
  if (!runtime) {
    io.stderr('demarc account: the AWS account module is not part of this build (dist/aws-posture.js is missing)\n');
    return 2;
  }
  const { loadPosture, AccountError, setAccountLogSink } = runtime;
  if (values.verbose) setAccountLogSink((m) => io.stderr(`${m}\n`));
  try {
    const opts: Parameters<typeof loadPosture>[0] = { trusted: true, env: io.env };
    if (typeof values.profile === 'string') opts.profile = values.profile;
    if (typeof values.region === 'string') opts.region = values.region;
    if (also?.length) opts.otherRegions = also;
    const posture = await loadPosture(opts);
    io.stdout(format === 'json' ? `${JSON.stringify(accountReport(posture), null, 2)}\n` : formatAccountText(posture));
    return 0;
  } catch (e) {
    if (e instanceof AccountError) {
      if (format === 'json') io.stdout(`${JSON.stringify({ error: { kind: e.kind, message: e.message, ...(e.command ? { command: e.command } : {}) } }, null, 2)}\n`);
      io.stderr(`demarc account: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    if (values.verbose) setAccountLogSink(undefined);
  }
};
