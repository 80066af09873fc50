// Credentials and endpoints from shared config files, as users have them: named profiles with endpoint_url,
// an IAM Identity Center profile whose cached token has expired, and a credential_process profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeAws, DEFAULT_IDENTITY } from './fake-aws';
import { tempAws, type TempAws } from './env';
import { loadPosture, AccountError } from '../../server/src/aws/posture';
import { parseIni, readAwsFiles, credentialProcessProfile, usesSso, profileRegion } from '../../server/src/aws/profiles';

const DEV = { account: '210987654321', arn: 'arn:aws:sts::210987654321:assumed-role/Dev/alice', userId: 'AROADEVEXAMPLE:alice' };
let aws: FakeAws;
let env: TempAws;

before(async () => {
  aws = new FakeAws({ identities: { AKIADEFAULTEXAMPLE01: DEFAULT_IDENTITY, AKIADEVPROFILEEXMPL: DEV } });
  const url = await aws.start();
  // The SDK caches parsed config files per path, so every profile is written before the first load.
  const tmpHome = mkdtempSync(join(tmpdir(), 'demarc-aws-'));
  const config = [
    '[default]',
    'region = us-east-1',
    `endpoint_url = ${url}`,
    '',
    '[profile dev]',
    'region = eu-central-1',
    `endpoint_url = ${url}`,
    '',
    '[profile sso-dev]',
    'sso_session = corp',
    'sso_account_id = 210987654321',
    'sso_role_name = ReadOnly',
    'region = eu-west-1',
    '',
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = eu-west-1',
    'sso_registration_scopes = sso:account:access',
    '',
    '[profile tool]',
    'region = eu-west-1',
    'credential_process = /usr/local/bin/fetch-creds --account prod',
    '',
    '[profile proc]',
    'region = eu-west-3',
    `endpoint_url = ${url}`,
    `credential_process = ${process.execPath} ${join(tmpHome, 'creds.js')}`,
    '',
    '[profile chained]',
    'role_arn = arn:aws:iam::210987654321:role/Dev',
    'source_profile = tool',
    '',
  ].join('\n');
  const credentials = ['[default]', 'aws_access_key_id = AKIADEFAULTEXAMPLE01', 'aws_secret_access_key = defaultSecretKeyExample0000000000000000', '', '[dev]', 'aws_access_key_id = AKIADEVPROFILEEXMPL', 'aws_secret_access_key = devSecretKeyExample11111111111111111111', ''].join('\n');
  env = tempAws({}, { config, credentials }, tmpHome);
  writeFileSync(join(tmpHome, 'creds.js'), `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'AKIADEVPROFILEEXMPL', SecretAccessKey: 'processSecretExample222222222222222222' }))`);
  // An IAM Identity Center token cache entry that expired yesterday (file name: SHA-1 of the session name).
  const cacheDir = join(env.home, '.aws', 'sso', 'cache');
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(
    join(cacheDir, `${createHash('sha1').update('corp').digest('hex')}.json`),
    JSON.stringify({ startUrl: 'https://corp.awsapps.com/start', region: 'eu-west-1', accessToken: 'aoaExpiredAccessTokenExample', expiresAt: new Date(Date.now() - 86_400_000).toISOString() }),
  );
});

after(async () => {
  await aws.stop();
  env.cleanup();
});

test('default profile: credentials file keys, endpoint_url and region from the config file', async () => {
  const before = aws.requests.length;
  const p = await loadPosture({ trusted: true });
  assert.equal(p.identity.account, DEFAULT_IDENTITY.account);
  assert.equal(p.region, 'us-east-1');
  const mine = aws.requests.slice(before);
  assert.ok(mine.length >= 11);
  assert.ok(mine.every((r) => r.accessKeyId === 'AKIADEFAULTEXAMPLE01'));
});

test('named profile: its own keys, Region and endpoint_url', async () => {
  const before = aws.requests.length;
  const p = await loadPosture({ trusted: true, profile: 'dev' });
  assert.deepEqual(p.identity, DEV);
  assert.equal(p.region, 'eu-central-1');
  assert.equal(p.profile, 'dev');
  assert.ok(aws.requests.slice(before).every((r) => r.accessKeyId === 'AKIADEVPROFILEEXMPL'));
});

test('explicit Region wins over the profile', async () => {
  const p = await loadPosture({ trusted: true, profile: 'dev', region: 'ap-southeast-2' });
  assert.equal(p.region, 'ap-southeast-2');
});

test('expired SSO token: a clear error with the aws sso login command, and no request sent', async () => {
  const before = aws.requests.length;
  await assert.rejects(loadPosture({ trusted: true, profile: 'sso-dev' }), (e: unknown) => {
    assert.ok(e instanceof AccountError, String(e));
    assert.equal(e.kind, 'sso-expired');
    assert.equal(e.command, 'aws sso login --profile sso-dev');
    assert.match(e.message, /Run: aws sso login --profile sso-dev/);
    return true;
  });
  assert.equal(aws.requests.length, before);
});

test('untrusted workspace: credential_process profiles are refused, directly or through source_profile', async () => {
  for (const profile of ['tool', 'chained']) {
    await assert.rejects(loadPosture({ trusted: false, profile }), (e: unknown) => {
      assert.ok(e instanceof AccountError);
      assert.equal(e.kind, 'untrusted');
      assert.match(e.message, /credential_process is disabled in untrusted workspaces/);
      return true;
    });
  }
  // Any other profile is refused too: an untrusted workspace never reaches AWS.
  const before = aws.requests.length;
  await assert.rejects(loadPosture({ trusted: false, profile: 'dev' }), /disabled in untrusted workspaces/);
  assert.equal(aws.requests.length, before);
});

test('trusted workspace: credential_process runs through the SDK', async () => {
  const p = await loadPosture({ trusted: true, profile: 'proc' });
  assert.equal(p.identity.account, DEV.account);
  assert.equal(p.region, 'eu-west-3');
});

test('no Region anywhere: a clear error', async () => {
  await assert.rejects(loadPosture({ trusted: true, profile: 'chained', env: { ...process.env, AWS_REGION: undefined } }), (e: unknown) => e instanceof AccountError && e.kind === 'no-region');
});

test('config parsing helpers', () => {
  const ini = parseIni('# c\n[profile a]\nregion = eu-west-1\ns3 =\n  addressing_style = path\n[default]\nregion=us-east-2\n');
  assert.deepEqual(ini.get('profile a'), { region: 'eu-west-1', s3: '', 's3.addressing_style': 'path' });
  const files = readAwsFiles(process.env);
  assert.equal(profileRegion(files, 'dev'), 'eu-central-1');
  assert.equal(credentialProcessProfile(files, 'chained'), 'tool');
  assert.equal(credentialProcessProfile(files, 'dev'), undefined);
  assert.equal(usesSso(files, 'sso-dev'), true);
  assert.equal(usesSso(files, 'dev'), false);
});

test('container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI) come through the default chain', async () => {
  const box = new FakeAws({ identities: { ASIACONTAINEREXAMPLE: DEV }, container: { token: 'container-auth-token-example', accessKeyId: 'ASIACONTAINEREXAMPLE' } });
  const url = await box.start();
  const saved = { ...process.env };
  try {
    // No profile files in play: point the config/credentials files at nothing, like a fresh container.
    process.env.AWS_CONFIG_FILE = join(env.home, 'none-config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(env.home, 'none-credentials');
    process.env.AWS_ENDPOINT_URL = url;
    process.env.AWS_REGION = 'eu-north-1';
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `${url}/container-credentials`;
    process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN = 'container-auth-token-example';
    const p = await loadPosture({ trusted: true });
    assert.equal(p.identity.account, DEV.account);
    assert.equal(box.count('container:credentials'), 1, 'credentials resolved once and shared by every client');
    assert.ok(box.requests.filter((r) => r.op !== 'container:credentials').every((r) => r.accessKeyId === 'ASIACONTAINEREXAMPLE'));
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await box.stop();
  }
});
