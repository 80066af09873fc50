import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyAccountPosture, accountFactsForLayer, ACCOUNT_COVERED_RULES } from '../../../server/src/engine/account/apply';
import { CHECKED, finding, goodPosture } from './fixture';

test('account S3 BPA (all four on) turns default-origin bucket findings into info with the reason', () => {
  const input = [finding('aws-s3-block-public-access', 'default')];
  const [out] = applyAccountPosture(input, [], goodPosture());
  assert.equal(out!.severity, 'info');
  assert.equal(out!.ruleSeverity, 'high');
  assert.deepEqual(out!.notes, [`covered by the account's S3 Block Public Access (checked ${CHECKED})`]);
  assert.equal(input[0]!.severity, 'high', 'input findings are not mutated');
});

test('explicit and derived insecure values stay findings whatever the account says', () => {
  for (const origin of ['explicit', 'derived'] as const) {
    for (const rule of ACCOUNT_COVERED_RULES) {
      const f = finding(rule, origin);
      assert.deepEqual(applyAccountPosture([f], [], goodPosture())[0], f, `${rule} ${origin}`);
    }
  }
  // A finding without a known origin is left alone too.
  const noOrigin = finding('aws-s3-block-public-access', undefined);
  assert.equal(applyAccountPosture([noOrigin], [], goodPosture())[0]!.severity, 'high');
});

test('S3 BPA not fully on, unconfigured, or unknown: no downgrade (the AWS service default assumption stands)', () => {
  const partial = goodPosture();
  if (partial.s3AccountPublicAccessBlock.status === 'known') partial.s3AccountPublicAccessBlock.value.restrictPublicBuckets = false;
  const unknown = goodPosture();
  unknown.s3AccountPublicAccessBlock = { status: 'unknown', reason: 'AccessDenied: needs s3:GetAccountPublicAccessBlock' };
  const none = goodPosture();
  none.s3AccountPublicAccessBlock = { status: 'known', checkedAt: CHECKED, value: { configured: false, blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false } };
  for (const p of [partial, unknown, none]) assert.equal(applyAccountPosture([finding('aws-s3-block-public-access', 'default')], [], p)[0]!.severity, 'high');
});

test('EBS default encryption names the key; IMDS default required; org trail covers the multi-Region gap', () => {
  const p = goodPosture();
  const [ebs, imds, trail, other] = applyAccountPosture(
    [finding('aws-ec2-ebs-encryption', 'default'), finding('aws-ec2-require-imdsv2', 'default', 'medium'), finding('aws-cloudtrail-multi-region', 'default'), finding('aws-rds-encryption', 'default')],
    [],
    p,
  );
  assert.equal(ebs!.severity, 'info');
  assert.match(ebs!.notes![0]!, /EBS default in eu-west-1, key arn:aws:kms:eu-west-1:123456789012:key\/abcd/);
  assert.equal(imds!.severity, 'info');
  assert.match(imds!.notes![0]!, /IMDSv2 required by the account's instance metadata defaults/);
  assert.equal(trail!.severity, 'info');
  assert.match(trail!.notes![0]!, /organization trail org, which is logging/);
  assert.equal(other!.severity, 'high', 'rules the account cannot cover are untouched');
});

test('settings that are off or not logging do not cover', () => {
  const p = goodPosture();
  p.ebsEncryptionByDefault = { status: 'known', checkedAt: CHECKED, value: { enabled: false } };
  p.imdsDefaults = { status: 'known', checkedAt: CHECKED, value: { httpTokens: 'optional' } };
  p.cloudTrail = { status: 'known', checkedAt: CHECKED, value: { trails: [{ name: 'org', isMultiRegion: true, isOrganization: true, logging: false }, { name: 'local', isMultiRegion: false, isOrganization: false, logging: true }] } };
  const out = applyAccountPosture([finding('aws-ec2-ebs-encryption', 'default'), finding('aws-ec2-require-imdsv2', 'default'), finding('aws-cloudtrail-multi-region', 'default')], [], p);
  assert.deepEqual(out.map((f) => f.severity), ['high', 'high', 'high']);
});

test('hover facts per resource type, with relative check time and unknowns said out loud', () => {
  const p = goodPosture();
  const now = new Date(Date.parse(CHECKED) + 3 * 60_000);
  assert.deepEqual(accountFactsForLayer(p, 'aws_ebs_volume', now), [
    { layer: 'encryption-at-rest', text: "encrypted by the region's EBS default, key arn:aws:kms:eu-west-1:123456789012:key/abcd, checked 3 minutes ago", verified: true },
  ]);
  const inst = accountFactsForLayer(p, 'AWS::EC2::Instance', now);
  assert.deepEqual(inst.map((x) => x.layer), ['encryption-at-rest', 'identity-access']);
  assert.match(inst[1]!.text, /IMDSv2 required by the account default in eu-west-1, checked 3 minutes ago/);
  assert.deepEqual(inst.map((x) => x.verified), [true, true], 'positive facts verify the duty');
  p.s3AccountPublicAccessBlock = { status: 'unknown', reason: 'AccessDenied: needs s3:GetAccountPublicAccessBlock' };
  assert.deepEqual(accountFactsForLayer(p, 'aws_s3_bucket', now), [{ layer: 'identity-access', text: 'account S3 Block Public Access unknown (AccessDenied: needs s3:GetAccountPublicAccessBlock)', verified: false }]);
  assert.match(accountFactsForLayer(p, 'aws_cloudtrail', now)[0]!.text, /organization trail org/);
  assert.deepEqual(accountFactsForLayer(p, 'aws_lambda_function', now), []);
});
