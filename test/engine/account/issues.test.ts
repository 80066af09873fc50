import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountIssues } from '../../../server/src/engine/account/issues';
import { factLines } from '../../../server/src/engine/account/describe';
import { CHECKED, goodPosture } from './fixture';

test('a well-run account has no issues', () => {
  assert.deepEqual(accountIssues(goodPosture()), []);
});

test('each account-only control yields one issue with its control id', () => {
  const p = goodPosture();
  p.iamAccountSummary = { status: 'known', checkedAt: CHECKED, value: { accountMfaEnabled: false, accountAccessKeysPresent: true } };
  p.passwordPolicy = { status: 'known', checkedAt: CHECKED, value: { present: false } };
  p.guardDuty = { status: 'known', checkedAt: CHECKED, value: { detectors: [{ id: 'd', status: 'DISABLED' }] } };
  p.securityHub = { status: 'known', checkedAt: CHECKED, value: { enabled: false, standards: [] } };
  p.config = { status: 'known', checkedAt: CHECKED, value: { recorders: [{ name: 'default', recording: false }] } };
  p.accessAnalyzer = { status: 'known', checkedAt: CHECKED, value: { analyzers: [] } };
  const ids = accountIssues(p).map((i) => `${i.id} ${i.severity} ${i.control}`);
  assert.deepEqual(ids, [
    'account-root-mfa critical aws-fsbp:IAM.9',
    'account-root-access-keys critical aws-fsbp:IAM.4',
    'account-password-policy-missing medium aws-fsbp:IAM.7',
    'account-guardduty-off high aws-fsbp:GuardDuty.1',
    'account-securityhub-off medium cis-aws-v5:4.16',
    'account-config-not-recording medium aws-fsbp:Config.1',
    'account-access-analyzer-missing low aws-fsbp:IAM.28',
  ]);
});

test('a weak password policy says what is weak', () => {
  const p = goodPosture();
  p.passwordPolicy = { status: 'known', checkedAt: CHECKED, value: { present: true, minimumPasswordLength: 8, requireSymbols: false, requireNumbers: true, requireUppercaseCharacters: true, requireLowercaseCharacters: true } };
  const [issue] = accountIssues(p);
  assert.equal(issue!.id, 'account-password-policy-weak');
  assert.equal(issue!.control, 'aws-fsbp:IAM.15');
  assert.match(issue!.detail, /minimum length 8 \(< 14\); symbols not required; reuse prevention unset \(< 24\)/);
});

test('unknown facts produce no issue, and show as one line each', () => {
  const p = goodPosture();
  p.iamAccountSummary = { status: 'unknown', reason: 'AccessDenied: needs iam:GetAccountSummary' };
  p.guardDuty = { status: 'unknown', reason: 'AccessDeniedException: needs guardduty:ListDetectors' };
  assert.deepEqual(accountIssues(p), []);
  const lines = factLines(p).filter((l) => !l.known);
  assert.deepEqual(lines.map((l) => l.text), ['unknown (AccessDenied: needs iam:GetAccountSummary)', 'unknown (AccessDeniedException: needs guardduty:ListDetectors)']);
});

test('no trail, account BPA off and EBS default off are account issues too', () => {
  const p = goodPosture();
  p.cloudTrail = { status: 'known', checkedAt: CHECKED, value: { trails: [] } };
  p.s3AccountPublicAccessBlock = { status: 'known', checkedAt: CHECKED, value: { configured: false, blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false } };
  p.ebsEncryptionByDefault = { status: 'known', checkedAt: CHECKED, value: { enabled: false } };
  assert.deepEqual(accountIssues(p).map((i) => i.control), ['aws-fsbp:CloudTrail.1', 'aws-fsbp:S3.1', 'aws-fsbp:EC2.7']);
});

test('fact lines name what EBS and IMDS defaults are in the other Regions read', () => {
  const p = goodPosture();
  const known = <T>(value: T) => ({ status: 'known' as const, value, checkedAt: CHECKED });
  p.otherRegions = {
    'us-east-1': { ebsEncryptionByDefault: known({ enabled: false }), imdsDefaults: known({ httpTokens: 'optional' as const }) },
    'ap-south-1': { ebsEncryptionByDefault: known({ enabled: true, kmsKeyId: 'alias/s' }), imdsDefaults: { status: 'unknown' as const, reason: 'AccessDenied: needs ec2:GetInstanceMetadataDefaults' } },
  };
  const by = new Map(factLines(p).map((l) => [l.key, l.text]));
  assert.match(by.get('ebsEncryptionByDefault')!, /^on in eu-west-1, key .*; us-east-1: off; ap-south-1: on, key alias\/s$/);
  assert.match(by.get('imdsDefaults')!, /\(eu-west-1\); us-east-1: HttpTokens optional; ap-south-1: unknown \(AccessDenied: needs ec2:GetInstanceMetadataDefaults\)$/);
  assert.doesNotMatch(by.get('snapshotBlockPublicAccess')!, /us-east-1/, 'read in the main Region only');
});
