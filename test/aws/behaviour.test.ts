// Per-service endpoint settings, secrets never reaching a log, the TTL cache, and cancellation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakeAws } from './fake-aws';
import { ACCESS_KEY, SECRET_KEY, tempAws, type TempAws } from './env';
import { loadPosture, AccountError } from '../../server/src/aws/posture';
import { PostureCache } from '../../server/src/aws/cache';
import { redact, setAccountLogSink } from '../../server/src/aws/log';
import type { AccountPosture } from '../../server/src/engine/account/types';

const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENvalue0123456789abcdef';
let main: FakeAws;
let iamOnly: FakeAws;
let env: TempAws;

before(async () => {
  // The error messages echo the secrets back: the worst case a log could see.
  main = new FakeAws({
    errors: {
      'ec2:GetSnapshotBlockPublicAccessState': { status: 403, code: 'UnauthorizedOperation', message: `You are not authorized (debug: secret ${SECRET_KEY} token ${SESSION_TOKEN})` },
    },
  });
  iamOnly = new FakeAws({ errors: { 'iam:GetAccountSummary': { status: 403, code: 'AccessDenied', message: `User is not authorized; key=${SECRET_KEY}` } } });
  await main.start();
  await iamOnly.start();
  env = tempAws({
    AWS_ENDPOINT_URL: main.url,
    AWS_ENDPOINT_URL_IAM: iamOnly.url,
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    AWS_SESSION_TOKEN: SESSION_TOKEN,
    AWS_REGION: 'eu-west-1',
  });
});
after(async () => {
  await main.stop();
  await iamOnly.stop();
  env.cleanup();
});

test('AWS_ENDPOINT_URL_<SERVICE> overrides the global endpoint for that service only', async () => {
  const p = await loadPosture({ trusted: true });
  assert.equal(p.identity.account, '123456789012');
  assert.deepEqual(iamOnly.ops().sort(), ['iam:GetAccountPasswordPolicy', 'iam:GetAccountSummary']);
  assert.ok(!main.ops().some((op) => op.startsWith('iam:')));
  assert.deepEqual(p.iamAccountSummary, { status: 'unknown', reason: 'AccessDenied: needs iam:GetAccountSummary' });
  assert.deepEqual(p.snapshotBlockPublicAccess, { status: 'unknown', reason: 'UnauthorizedOperation: needs ec2:GetSnapshotBlockPublicAccessState' });
});

test('no secret reaches any log or console output during a run', async () => {
  const captured: string[] = [];
  setAccountLogSink((m) => captured.push(m));
  const origOut = process.stdout.write.bind(process.stdout);
  const origErr = process.stderr.write.bind(process.stderr);
  const methods = ['log', 'error', 'warn', 'info', 'debug'] as const;
  const origConsole = methods.map((m) => console[m]);
  // Pass-through: the test runner itself reports over this process's stdout.
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => (captured.push(String(chunk)), (origOut as (...a: unknown[]) => boolean)(chunk, ...rest))) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => (captured.push(String(chunk)), (origErr as (...a: unknown[]) => boolean)(chunk, ...rest))) as typeof process.stderr.write;
  for (const m of methods) console[m] = (...args: unknown[]) => void captured.push(args.map(String).join(' '));
  try {
    await loadPosture({ trusted: true });
    // A failing connection logs too.
    process.env.AWS_ACCESS_KEY_ID = 'AKIAUNKNOWNEXAMPLE00';
    await assert.rejects(loadPosture({ trusted: true }), AccountError);
  } finally {
    process.env.AWS_ACCESS_KEY_ID = ACCESS_KEY;
    process.stdout.write = origOut;
    process.stderr.write = origErr;
    methods.forEach((m, i) => (console[m] = origConsole[i]!));
    setAccountLogSink(undefined);
  }
  const all = captured.join('\n');
  assert.ok(captured.length > 3, 'the run logged something');
  assert.match(all, /GetSnapshotBlockPublicAccessState failed/);
  assert.ok(!all.includes(SECRET_KEY), 'secret access key leaked');
  assert.ok(!all.includes(SESSION_TOKEN), 'session token leaked');
  assert.equal(redact(`aws_secret_access_key = abc123def456ghi`), 'aws_secret_access_key = [redacted]');
});

test('cancellation stops the load with an aborted error', async () => {
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(loadPosture({ trusted: true, signal: ac.signal }), (e: unknown) => e instanceof AccountError && e.kind === 'aborted');
});

test('cache: TTL, forced refresh, and one shared load for concurrent requests', async () => {
  let clock = 0;
  let loads = 0;
  const fake = (region: string) => ({ region, identity: { account: '1', arn: 'a', userId: 'u' } }) as unknown as AccountPosture;
  const cache = new PostureCache(
    1000,
    async (opts) => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return fake(opts.region ?? '');
    },
    () => clock,
  );
  const opts = { trusted: true, region: 'eu-west-1' };
  const [a, b] = await Promise.all([cache.get(opts), cache.get(opts)]);
  assert.equal(loads, 1);
  assert.equal(a, b);
  clock = 500;
  await cache.get(opts);
  assert.equal(loads, 1, 'fresh entry served from cache');
  await cache.get(opts, true);
  assert.equal(loads, 2, 'refresh forces a load');
  clock = 5000;
  assert.equal(cache.peek(opts)?.stale, true);
  await cache.get(opts);
  assert.equal(loads, 3, 'stale entry reloaded');
  await cache.get({ ...opts, region: 'us-east-1' });
  assert.equal(loads, 4, 'another Region is another entry');
});

test('a service that never answers times out: that fact is unknown, the others are read', async () => {
  const slow = new FakeAws({ hang: ['guardduty:ListDetectors'] });
  const url = await slow.start();
  const saved = { main: process.env.AWS_ENDPOINT_URL, iam: process.env.AWS_ENDPOINT_URL_IAM };
  process.env.AWS_ENDPOINT_URL = url;
  delete process.env.AWS_ENDPOINT_URL_IAM;
  try {
    const p = await loadPosture({ trusted: true, timeoutMs: 300 });
    assert.deepEqual(p.guardDuty, { status: 'unknown', reason: 'timed out calling guardduty:ListDetectors' });
    assert.equal(p.iamAccountSummary.status, 'known');
    assert.equal(p.securityHub.status, 'known');
  } finally {
    process.env.AWS_ENDPOINT_URL = saved.main;
    process.env.AWS_ENDPOINT_URL_IAM = saved.iam;
    await slow.stop();
  }
});
