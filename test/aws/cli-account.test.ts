import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakeAws } from './fake-aws';
import { ACCESS_KEY, SECRET_KEY, tempAws, type TempAws } from './env';
import { run } from '../../server/src/cli/commands/account';
import type { CliIO } from '../../server/src/cli/io';

let aws: FakeAws;
let env: TempAws;

before(async () => {
  aws = new FakeAws({ errors: { 's3control:GetPublicAccessBlock': { status: 403, code: 'AccessDenied', message: 'Access Denied' } } });
  const url = await aws.start();
  env = tempAws(
    { AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_REGION: 'eu-west-1' },
    { config: '[profile gone]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\nregion = eu-west-1\n' },
  );
});
after(async () => {
  await aws.stop();
  env.cleanup();
});

function io(): CliIO & { out: string; err: string } {
  const o = { out: '', err: '', cwd: '/', env: process.env, isTTY: false, stdout: (t: string) => void (o.out += t), stderr: (t: string) => void (o.err += t) };
  return o;
}

test('text: identity, one line per fact (unknown with the IAM action), account issues', async () => {
  const o = io();
  assert.equal(await run([], o), 0);
  assert.match(o.out, /^AWS account 123456789012\n {2}identity {2}arn:aws:iam::123456789012:user\/alice\n {2}region {4}eu-west-1/);
  assert.match(o.out, /S3 account Block Public Access +unknown \(AccessDenied: needs s3:GetAccountPublicAccessBlock\)/);
  assert.match(o.out, /EBS encryption by default +on in eu-west-1, key arn:aws:kms:eu-west-1:123456789012:key\//);
  assert.match(o.out, /CloudTrail trails +org-trail \(organization, multi-Region; logging\)/);
  assert.match(o.out, /critical {2}The root user has no MFA {2}\[aws-fsbp:IAM\.9\]/);
  assert.match(o.out, /AWS Config is not recording in eu-west-1 {2}\[aws-fsbp:Config\.1\]/);
  assert.match(o.out, /1 fact unknown/);
  assert.equal(o.err, '');
});

test('json: the facts, their lines and the issues', async () => {
  const o = io();
  assert.equal(await run(['--format', 'json', '--region', 'us-west-2'], o), 0);
  const r = JSON.parse(o.out);
  assert.equal(r.identity.account, '123456789012');
  assert.equal(r.region, 'us-west-2');
  assert.deepEqual(r.facts.s3AccountPublicAccessBlock, { status: 'unknown', reason: 'AccessDenied: needs s3:GetAccountPublicAccessBlock' });
  assert.equal(r.facts.iamAccountSummary.value.accountMfaEnabled, false);
  assert.equal(r.lines.length, 11);
  assert.ok(r.issues.some((i: { id: string }) => i.id === 'account-root-access-keys'));
});

test('credential errors exit 2 with the fix; usage errors exit 2', async () => {
  const o = io();
  assert.equal(await run(['--profile', 'gone'], o), 2);
  assert.match(o.err, /Run: aws sso login --profile gone/);
  const u = io();
  assert.equal(await run(['--format', 'xml'], u), 2);
  assert.match(u.err, /--format must be one of text, json/);
  const h = io();
  assert.equal(await run(['--help'], h), 0);
  assert.match(h.out, /Usage: demarc account/);
});

test('--verbose logs calls to stderr without secrets', async () => {
  const o = io();
  assert.equal(await run(['--verbose'], o), 0);
  assert.match(o.err, /\[account\] s3control:GetPublicAccessBlock failed: AccessDenied/);
  assert.ok(!o.err.includes(SECRET_KEY));
});

test('--also-region: EBS and IMDS defaults in more Regions, in the lines and the JSON; bad names are usage errors', async () => {
  const o = io();
  assert.equal(await run(['--also-region', 'us-east-1', '--also-region', 'ap-south-1'], o), 0, o.err);
  assert.match(o.out, /EBS encryption by default +on in eu-west-1, key [^\n]*; ap-south-1: on, key [^\n]*; us-east-1: on, key /);
  const j = io();
  assert.equal(await run(['--format', 'json', '--also-region', 'us-east-1'], j), 0, j.err);
  const r = JSON.parse(j.out);
  assert.deepEqual(Object.keys(r.otherRegions), ['us-east-1']);
  assert.equal(r.otherRegions['us-east-1'].imdsDefaults.value.httpTokens, 'required');
  const bad = io();
  assert.equal(await run(['--also-region', 'us-east-1a'], bad), 2);
  assert.match(bad.err, /--also-region: "us-east-1a" is not a Region name/);
  const many = io();
  assert.equal(await run(['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1'].flatMap((x) => ['--also-region', x]), many), 2);
  assert.match(many.err, /at most 4 Regions/);
});
