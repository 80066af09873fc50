import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakeAws } from './fake-aws';
import { ACCESS_KEY, SECRET_KEY, tempAws, type TempAws } from './env';
import { loadPosture, AccountError } from '../../server/src/aws/posture';
import { isRegionName, otherRegionsToRead } from '../../server/src/engine/account/region';

let aws: FakeAws;
let env: TempAws;

before(async () => {
  aws = new FakeAws({
    errors: {
      // One fact the principal may not read: the naming trap (API GetPublicAccessBlock, IAM action s3:GetAccountPublicAccessBlock).
      's3control:GetPublicAccessBlock': { status: 403, code: 'AccessDenied', message: 'Access Denied' },
      'iam:GetAccountPasswordPolicy': { status: 404, code: 'NoSuchEntity', message: 'The Password Policy with domain name 123456789012 cannot be found.' },
    },
    throttle: { 'ec2:GetInstanceMetadataDefaults': 2, 'iam:GetAccountSummary': 1, 'cloudtrail:DescribeTrails': 1 },
  });
  const url = await aws.start();
  env = tempAws({ AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_REGION: 'eu-west-1' });
});

after(async () => {
  await aws.stop();
  env.cleanup();
});

test('reads identity and every fact through the real SDK clients and wire protocols', async () => {
  const p = await loadPosture({ trusted: true });
  assert.deepEqual(p.identity, { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice', userId: 'AIDAJQABLZS4A3QDU576Q' });
  assert.equal(p.region, 'eu-west-1');
  assert.ok(!Number.isNaN(Date.parse(p.checkedAt)));

  assert.deepEqual(p.s3AccountPublicAccessBlock, { status: 'unknown', reason: 'AccessDenied: needs s3:GetAccountPublicAccessBlock' });
  assert.equal(p.ebsEncryptionByDefault.status, 'known');
  if (p.ebsEncryptionByDefault.status === 'known')
    assert.deepEqual(p.ebsEncryptionByDefault.value, { enabled: true, kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' });
  assert.equal(p.imdsDefaults.status, 'known');
  if (p.imdsDefaults.status === 'known') assert.deepEqual(p.imdsDefaults.value, { httpTokens: 'required', httpPutResponseHopLimit: 2, httpEndpoint: 'enabled', instanceMetadataTags: 'disabled' });
  assert.equal(p.snapshotBlockPublicAccess.status === 'known' && p.snapshotBlockPublicAccess.value.state, 'block-all-sharing');
  assert.equal(p.iamAccountSummary.status, 'known');
  if (p.iamAccountSummary.status === 'known') assert.deepEqual(p.iamAccountSummary.value, { accountMfaEnabled: false, accountAccessKeysPresent: true });
  assert.equal(p.passwordPolicy.status, 'known');
  if (p.passwordPolicy.status === 'known') assert.deepEqual(p.passwordPolicy.value, { present: false });
  assert.equal(p.cloudTrail.status, 'known');
  if (p.cloudTrail.status === 'known')
    assert.deepEqual(p.cloudTrail.value.trails, [
      { name: 'org-trail', arn: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail', homeRegion: 'us-east-1', isMultiRegion: true, isOrganization: true, logging: true },
    ]);
  assert.equal(p.guardDuty.status, 'known');
  if (p.guardDuty.status === 'known') assert.deepEqual(p.guardDuty.value.detectors, [{ id: '12abc34d567e8fa901bc2d34e56789f0', status: 'ENABLED' }]);
  assert.equal(p.config.status, 'known');
  if (p.config.status === 'known') {
    assert.equal(p.config.value.recorders.length, 1);
    assert.equal(p.config.value.recorders[0]!.recording, false);
    assert.equal(p.config.value.recorders[0]!.allSupported, true);
  }
  assert.equal(p.securityHub.status, 'known');
  if (p.securityHub.status === 'known') {
    assert.equal(p.securityHub.value.enabled, true);
    assert.deepEqual(p.securityHub.value.standards, [{ arn: 'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0', status: 'READY' }]);
  }
  assert.equal(p.accessAnalyzer.status, 'known');
  if (p.accessAnalyzer.status === 'known') assert.equal(p.accessAnalyzer.value.analyzers[0]!.status, 'ACTIVE');

  // Throttled twice, then answered: the SDK retried with backoff (3 attempts in all).
  assert.equal(aws.count('ec2:GetInstanceMetadataDefaults'), 3);
  // Query protocol (400 Throttling) and JSON protocol (ThrottlingException) are retried the same way.
  assert.equal(aws.count('iam:GetAccountSummary'), 2);
  assert.equal(aws.count('cloudtrail:DescribeTrails'), 2);
  // S3 Control: no account-id host prefix on a loopback endpoint; the account goes in the header; signed as s3.
  const s3 = aws.requests.find((r) => r.op === 's3control:GetPublicAccessBlock')!;
  assert.equal(s3.headers['x-amz-account-id'], '123456789012');
  assert.equal(s3.signingService, 's3');
  assert.equal(s3.method, 'GET');
  // Every request was a read.
  for (const r of aws.requests) assert.match(r.op, /^[a-z0-9]+:(Get|List|Describe)/, r.op);
});

test('expired session token fails the connection with a clear error', async () => {
  const expired = new FakeAws({ expiredKeys: ['ASIAEXPIREDEXAMPLE01'] });
  const url = await expired.start();
  try {
    process.env.AWS_ENDPOINT_URL = url;
    process.env.AWS_ACCESS_KEY_ID = 'ASIAEXPIREDEXAMPLE01';
    process.env.AWS_SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN';
    await assert.rejects(loadPosture({ trusted: true }), (e: unknown) => {
      assert.ok(e instanceof AccountError);
      assert.equal(e.kind, 'expired-token');
      assert.match(e.message, /expired/);
      return true;
    });
    // Only GetCallerIdentity was tried: no storm of calls with dead credentials.
    assert.deepEqual(expired.ops(), ['sts:GetCallerIdentity']);
  } finally {
    process.env.AWS_ENDPOINT_URL = aws.url;
    process.env.AWS_ACCESS_KEY_ID = ACCESS_KEY;
    delete process.env.AWS_SESSION_TOKEN;
    await expired.stop();
  }
});

test('other Regions: EBS and IMDS defaults read with an EC2 client per Region, and nothing else there', async () => {
  const regional = new FakeAws({
    regionBodies: {
      'us-east-1': { 'ec2:GetEbsEncryptionByDefault': '<ebsEncryptionByDefault>false</ebsEncryptionByDefault>' },
      'ap-south-1': { 'ec2:GetInstanceMetadataDefaults': '<accountLevel><httpTokens>optional</httpTokens></accountLevel>' },
    },
    errors: { 's3control:GetPublicAccessBlock': { status: 403, code: 'AccessDenied', message: 'Access Denied' } },
  });
  const url = await regional.start();
  const saved = process.env.AWS_ENDPOINT_URL;
  process.env.AWS_ENDPOINT_URL = url;
  try {
    // The main Region, an invalid name and a duplicate are left out.
    const p = await loadPosture({ trusted: true, otherRegions: ['us-east-1', 'ap-south-1', 'eu-west-1', 'not a region', 'us-east-1'] });
    assert.equal(p.region, 'eu-west-1');
    assert.deepEqual(Object.keys(p.otherRegions ?? {}), ['ap-south-1', 'us-east-1']);
    const east = p.otherRegions!['us-east-1']!;
    assert.deepEqual(east.ebsEncryptionByDefault.status === 'known' && east.ebsEncryptionByDefault.value, { enabled: false });
    assert.equal(east.imdsDefaults.status === 'known' && east.imdsDefaults.value.httpTokens, 'required');
    const south = p.otherRegions!['ap-south-1']!;
    assert.equal(south.ebsEncryptionByDefault.status === 'known' && south.ebsEncryptionByDefault.value.enabled, true);
    assert.equal(south.imdsDefaults.status === 'known' && south.imdsDefaults.value.httpTokens, 'optional');
    // Signed for each Region; only EC2's three reads went anywhere but the main Region.
    const elsewhere = regional.requests.filter((r) => r.signingRegion !== 'eu-west-1');
    assert.deepEqual([...new Set(elsewhere.map((r) => r.signingRegion))].sort(), ['ap-south-1', 'us-east-1']);
    assert.deepEqual([...new Set(elsewhere.map((r) => r.op))].sort(), ['ec2:GetEbsDefaultKmsKeyId', 'ec2:GetEbsEncryptionByDefault', 'ec2:GetInstanceMetadataDefaults']);
    assert.equal(elsewhere.filter((r) => r.signingRegion === 'us-east-1' && r.op === 'ec2:GetEbsDefaultKmsKeyId').length, 0, 'no key asked where the default is off');
  } finally {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = saved;
    await regional.stop();
  }
});

test('other Regions: at most four are read', async () => {
  assert.deepEqual(otherRegionsToRead(['us-west-2', 'us-east-1', 'eu-central-1', 'ap-south-1', 'sa-east-1', 'eu-west-1'], 'eu-west-1'), ['ap-south-1', 'eu-central-1', 'sa-east-1', 'us-east-1']);
  for (const ok of ['us-gov-west-1', 'cn-north-1', 'eu-central-2', 'ap-southeast-4']) assert.ok(isRegionName(ok), ok);
  for (const bad of ['', 'EU-WEST-1', 'eu-west', 'us-east-1a', '${var.region}', 'eu_west_1']) assert.ok(!isRegionName(bad), bad);
});
