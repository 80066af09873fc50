// Hand-made postures and findings for the account interpretation tests.
import type { AccountPosture } from '../../../server/src/engine/account/types';
import type { Finding } from '../../../server/src/engine/types';

export const CHECKED = '2026-11-23T15:00:00.000Z';

/** A well-run account: every control on. Tests change one fact at a time. */
export function goodPosture(): AccountPosture {
  const k = <T>(value: T) => ({ status: 'known' as const, value, checkedAt: CHECKED });
  return {
    identity: { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice', userId: 'AIDAEXAMPLE' },
    checkedAt: CHECKED,
    region: 'eu-west-1',
    s3AccountPublicAccessBlock: k({ configured: true, blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }),
    ebsEncryptionByDefault: k({ enabled: true, kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/abcd' }),
    imdsDefaults: k({ httpTokens: 'required' as const, httpPutResponseHopLimit: 2 }),
    snapshotBlockPublicAccess: k({ state: 'block-all-sharing' }),
    iamAccountSummary: k({ accountMfaEnabled: true, accountAccessKeysPresent: false }),
    passwordPolicy: k({ present: true as const, minimumPasswordLength: 14, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true, requireLowercaseCharacters: true, passwordReusePrevention: 24 }),
    cloudTrail: k({ trails: [{ name: 'org', isMultiRegion: true, isOrganization: true, logging: true }] }),
    guardDuty: k({ detectors: [{ id: 'd1', status: 'ENABLED' }] }),
    config: k({ recorders: [{ name: 'default', recording: true, allSupported: true }] }),
    securityHub: k({ enabled: true, standards: [{ arn: 'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0', status: 'READY' }] }),
    accessAnalyzer: k({ analyzers: [{ name: 'a', type: 'ACCOUNT', status: 'ACTIVE' }] }),
  };
}

export function finding(ruleId: string, valueOrigin: Finding['valueOrigin'], severity: Finding['severity'] = 'high'): Finding {
  const f: Finding = {
    ruleId,
    severity,
    ruleSeverity: severity,
    message: `${ruleId} finding`,
    file: '/w/main.tf',
    span: { file: '/w/main.tf', start: 0, end: 10 },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
    resource: 'aws_thing.x',
    related: [],
  };
  if (valueOrigin) f.valueOrigin = valueOrigin;
  return f;
}
