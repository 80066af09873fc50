// Controls that only the account can show (they have no resource in the code): root user, password policy,
// detective services. Facts we could not read produce no issue; the fact itself says it is unknown.
import { describePasswordPolicy } from './describe';
import { coveringTrail, s3BpaAllOn } from './checks';
import type { AccountIssue, AccountPosture } from './types';

export function accountIssues(posture: AccountPosture): AccountIssue[] {
  const out: AccountIssue[] = [];
  const region = posture.region;

  const summary = posture.iamAccountSummary;
  if (summary.status === 'known') {
    if (!summary.value.accountMfaEnabled)
      out.push({ id: 'account-root-mfa', severity: 'critical', title: 'The root user has no MFA', detail: 'Anyone with the root password controls the whole account. Enable MFA (preferably hardware) for the root user.', control: 'aws-fsbp:IAM.9' });
    if (summary.value.accountAccessKeysPresent)
      out.push({ id: 'account-root-access-keys', severity: 'critical', title: 'The root user has access keys', detail: 'Root access keys cannot be limited by any policy. Delete them and use IAM roles.', control: 'aws-fsbp:IAM.4' });
  }

  const pp = posture.passwordPolicy;
  if (pp.status === 'known') {
    if (!pp.value.present) {
      out.push({ id: 'account-password-policy-missing', severity: 'medium', title: 'No IAM password policy', detail: 'The account uses the AWS default policy (8 characters, no complexity requirements).', control: 'aws-fsbp:IAM.7' });
    } else {
      const v = pp.value;
      const weak: string[] = [];
      if ((v.minimumPasswordLength ?? 0) < 14) weak.push(`minimum length ${v.minimumPasswordLength ?? 'unset'} (< 14)`);
      if (!v.requireSymbols) weak.push('symbols not required');
      if (!v.requireNumbers) weak.push('numbers not required');
      if (!v.requireUppercaseCharacters) weak.push('uppercase not required');
      if (!v.requireLowercaseCharacters) weak.push('lowercase not required');
      if ((v.passwordReusePrevention ?? 0) < 24) weak.push(`reuse prevention ${v.passwordReusePrevention ?? 'unset'} (< 24)`);
      if (weak.length)
        out.push({
          id: 'account-password-policy-weak',
          severity: 'medium',
          title: 'The IAM password policy is weak',
          detail: `${weak.join('; ')}. Live policy: ${describePasswordPolicy(v)}.`,
          control: (v.minimumPasswordLength ?? 0) < 14 ? 'aws-fsbp:IAM.15' : !v.requireSymbols || !v.requireNumbers || !v.requireUppercaseCharacters || !v.requireLowercaseCharacters ? 'aws-fsbp:IAM.7' : 'aws-fsbp:IAM.16',
        });
    }
  }

  const gd = posture.guardDuty;
  if (gd.status === 'known' && !gd.value.detectors.some((d) => d.status === 'ENABLED'))
    out.push({ id: 'account-guardduty-off', severity: 'high', title: `GuardDuty is not enabled in ${region}`, detail: gd.value.detectors.length ? 'A detector exists but is suspended.' : 'No GuardDuty detector exists in this Region.', control: 'aws-fsbp:GuardDuty.1' });

  const sh = posture.securityHub;
  if (sh.status === 'known' && !sh.value.enabled)
    out.push({ id: 'account-securityhub-off', severity: 'medium', title: `Security Hub is not enabled in ${region}`, detail: 'Without Security Hub the account gets no continuous control checks.', control: 'cis-aws-v5:4.16' });

  const cfg = posture.config;
  if (cfg.status === 'known' && !cfg.value.recorders.some((r) => r.recording === true))
    out.push({ id: 'account-config-not-recording', severity: 'medium', title: `AWS Config is not recording in ${region}`, detail: cfg.value.recorders.length ? 'A configuration recorder exists but is stopped.' : 'No configuration recorder exists in this Region.', control: 'aws-fsbp:Config.1' });

  const aa = posture.accessAnalyzer;
  if (aa.status === 'known' && !aa.value.analyzers.some((a) => a.status === undefined || a.status === 'ACTIVE'))
    out.push({ id: 'account-access-analyzer-missing', severity: 'low', title: `No IAM Access Analyzer in ${region}`, detail: 'External access to resources is not being analysed in this Region.', control: 'aws-fsbp:IAM.28' });

  const ct = posture.cloudTrail;
  if (ct.status === 'known' && !coveringTrail(posture))
    out.push({ id: 'account-cloudtrail-missing', severity: 'high', title: 'No logging multi-Region trail', detail: ct.value.trails.length ? 'Trails exist, but none is multi-Region (or organization) and logging.' : 'The account has no CloudTrail trail.', control: 'aws-fsbp:CloudTrail.1' });

  const s3 = posture.s3AccountPublicAccessBlock;
  if (s3.status === 'known' && !s3BpaAllOn(posture))
    out.push({ id: 'account-s3-bpa-off', severity: 'medium', title: 'S3 Block Public Access is not fully on at account level', detail: 'Each bucket must then block public access on its own.', control: 'aws-fsbp:S3.1' });

  const ebs = posture.ebsEncryptionByDefault;
  if (ebs.status === 'known' && !ebs.value.enabled)
    out.push({ id: 'account-ebs-default-encryption-off', severity: 'medium', title: `EBS encryption by default is off in ${region}`, detail: 'New volumes are encrypted only when the code asks for it.', control: 'aws-fsbp:EC2.7' });

  return out;
}
