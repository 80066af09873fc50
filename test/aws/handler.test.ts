// The account handler over a real vscode-languageserver connection (in-process streams), against the fake AWS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { FakeAws } from './fake-aws';
import { ACCESS_KEY, SECRET_KEY, tempAws, type TempAws } from './env';
import { register, REGIONS_SETTLE_MS } from '../../server/src/handlers/account';
import { AccountChangedNotification, AccountConnectRequest, AccountDisconnectRequest, AccountRefreshRequest, AccountStateRequest, type AccountState } from '../../server/src/aws/protocol';
import type { AccountPosture } from '../../server/src/engine/account/types';

let aws: FakeAws;
let env: TempAws;
let client: MessageConnection;
let trusted = true;
const postures: (AccountPosture | undefined)[] = [];
const changes: AccountState[] = [];

before(async () => {
  aws = new FakeAws({ errors: { 'guardduty:ListDetectors': { status: 403, code: 'AccessDeniedException', message: 'not authorized' } } });
  const url = await aws.start();
  env = tempAws({ AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY });
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(up, down);
  register(server, { trusted: () => trusted, settings: () => ({ region: 'eu-west-1' }), onPosture: (p) => postures.push(p) });
  server.listen();
  client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  client.onNotification(AccountChangedNotification.method, (s: AccountState) => void changes.push(s));
  client.listen();
});

after(async () => {
  client.dispose();
  await aws.stop();
  env.cleanup();
});

test('connect: connecting, then connected with facts, one line per unknown fact, and the posture handed to analysis', async () => {
  const s = await client.sendRequest(AccountConnectRequest, {});
  assert.equal(s.status, 'connected');
  assert.equal(s.identity?.account, '123456789012');
  assert.equal(s.region, 'eu-west-1');
  assert.equal(s.facts.length, 11);
  assert.deepEqual(s.facts.filter((f) => !f.known).map((f) => f.text), ['unknown (AccessDeniedException: needs guardduty:ListDetectors)']);
  assert.ok(s.issues.some((i) => i.id === 'account-root-mfa'));
  assert.equal(postures.at(-1)?.identity.account, '123456789012');
  assert.deepEqual(changes.map((c) => c.status).slice(0, 2), ['connecting', 'connected']);
  assert.deepEqual(await client.sendRequest(AccountStateRequest), s);
});

test('a second connect within the TTL is served from the cache; refresh reads again', async () => {
  const n = aws.count('sts:GetCallerIdentity');
  await client.sendRequest(AccountConnectRequest, {});
  assert.equal(aws.count('sts:GetCallerIdentity'), n);
  await client.sendRequest(AccountRefreshRequest);
  assert.equal(aws.count('sts:GetCallerIdentity'), n + 1);
});

test('disconnect clears the posture; untrusted workspaces never connect', async () => {
  const d = await client.sendRequest(AccountDisconnectRequest);
  assert.equal(d.status, 'disconnected');
  assert.equal(postures.at(-1), undefined);
  trusted = false;
  const n = aws.requests.length;
  const s = await client.sendRequest(AccountConnectRequest, {});
  assert.equal(s.status, 'untrusted');
  assert.match(s.error!.message, /untrusted/);
  assert.equal(aws.requests.length, n);
  trusted = true;
});

test('credential errors come back as an error state with the fix command', async () => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIAUNKNOWNEXAMPLE00';
  try {
    const s = await client.sendRequest(AccountConnectRequest, { region: 'us-east-2' });
    assert.equal(s.status, 'error');
    assert.equal(s.error?.kind, 'invalid-credentials');
    assert.equal(postures.at(-1), undefined);
  } finally {
    process.env.AWS_ACCESS_KEY_ID = ACCESS_KEY;
  }
});

test('requests keep being answered while AWS calls are in flight', async () => {
  const slow = new FakeAws({ delayMs: 400 });
  const url = await slow.start();
  const saved = process.env.AWS_ENDPOINT_URL;
  process.env.AWS_ENDPOINT_URL = url;
  try {
    let done = false;
    const pending = client.sendRequest(AccountConnectRequest, { region: 'sa-east-1' }).then((s) => ((done = true), s));
    // Wait until the handler is really waiting on the network.
    while (slow.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    const mid = await client.sendRequest(AccountStateRequest);
    assert.equal(mid.status, 'connecting');
    assert.equal(done, false);
    const s = await pending;
    assert.equal(s.status, 'connected');
    assert.equal(s.region, 'sa-east-1');
  } finally {
    process.env.AWS_ENDPOINT_URL = saved;
    await slow.stop();
  }
});

test('code Regions: read with the account; a change re-reads it only when the Regions to read change', async () => {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(up, down);
  let regions = ['us-east-1'];
  const seen: (AccountPosture | undefined)[] = [];
  const handler = register(server, { trusted: () => true, settings: () => ({ region: 'eu-west-1' }), onPosture: (p) => seen.push(p), otherRegions: () => regions });
  server.listen();
  const c = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  c.onNotification(AccountChangedNotification.method, () => undefined);
  c.listen();
  try {
    await c.sendRequest(AccountConnectRequest, {});
    assert.deepEqual(Object.keys(seen.at(-1)!.otherRegions ?? {}), ['us-east-1']);
    const settle = () => new Promise((r) => setTimeout(r, REGIONS_SETTLE_MS + 500));
    // The main Region joins the list: nothing more to read.
    regions = ['eu-west-1', 'us-east-1'];
    handler.regionsChanged();
    await settle();
    assert.equal(seen.length, 1);
    // A new Region: the account is read again, with it.
    regions = ['ap-south-1', 'eu-west-1', 'us-east-1'];
    handler.regionsChanged();
    handler.regionsChanged();
    await settle();
    assert.equal(seen.length, 2, 'once, however many changes came in the quiet time');
    assert.deepEqual(Object.keys(seen.at(-1)!.otherRegions ?? {}), ['ap-south-1', 'us-east-1']);
  } finally {
    handler.dispose();
    c.dispose();
  }
});
