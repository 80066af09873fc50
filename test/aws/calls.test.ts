// The read-only guarantee: one module sends, only allow-listed operations pass, and nothing else can reach AWS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { S3ControlClient, PutPublicAccessBlockCommand, GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { IAMClient, CreateAccessKeyCommand } from '@aws-sdk/client-iam';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { FakeAws } from './fake-aws';
import { ACCESS_KEY, SECRET_KEY, tempAws, type TempAws } from './env';
import { ALLOWED_OPERATIONS, IAM_ACTIONS, ForbiddenOperationError, classifyError, guardClient, operationOf, send, unknownReason } from '../../server/src/aws/calls';

const root = new URL('../..', import.meta.url).pathname;
let aws: FakeAws;
let env: TempAws;

before(async () => {
  aws = new FakeAws();
  const url = await aws.start();
  env = tempAws({ AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_REGION: 'eu-west-1' });
});
after(async () => {
  await aws.stop();
  env.cleanup();
});

test('the allow-list holds only Get/List/Describe operations and the credential report pair, and is frozen', () => {
  assert.ok(Object.isFrozen(ALLOWED_OPERATIONS));
  for (const op of ALLOWED_OPERATIONS) {
    const [, name] = op.split(':');
    assert.ok(/^(Get|List|Describe)/.test(name!) || name === 'GenerateCredentialReport', op);
    assert.ok(IAM_ACTIONS[op], `IAM action for ${op}`);
  }
  assert.throws(() => (ALLOWED_OPERATIONS as string[]).push('s3control:PutPublicAccessBlock'));
  assert.equal(IAM_ACTIONS['s3control:GetPublicAccessBlock'], 's3:GetAccountPublicAccessBlock');
});

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|mts|cts|js|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

test('no AWS call can bypass calls.ts: no `.send(` on SDK clients elsewhere, no Command import outside the allow-list', () => {
  const allowedNames = new Set(ALLOWED_OPERATIONS.map((op) => `${op.split(':')[1]}Command`));
  const files = [...sourceFiles(join(root, 'server/src')), ...sourceFiles(join(root, 'client/src'))];
  const offenders: string[] = [];
  for (const file of files) {
    const rel = relative(root, file);
    const text = readFileSync(file, 'utf8');
    const importsSdk = /from\s+['"]@aws-sdk\//.test(text) || /require\(\s*['"]@aws-sdk\//.test(text);
    if (!importsSdk) continue;
    if (rel !== 'server/src/aws/calls.ts' && /\.send\s*\(/.test(text)) offenders.push(`${rel}: calls .send( directly`);
    for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@aws-sdk\/client-[^'"]+['"]/g)) {
      for (const raw of m[1]!.split(',')) {
        const name = raw.trim().split(/\s+as\s+/)[0]!.replace(/^type\s+/, '');
        if (name.endsWith('Command') && !allowedNames.has(name)) offenders.push(`${rel}: imports ${name}`);
      }
    }
    if (/import\s+\*\s+as\s+\w+\s+from\s+['"]@aws-sdk\/client-/.test(text)) offenders.push(`${rel}: namespace import of an SDK client`);
  }
  assert.deepEqual(offenders, []);
});

test('a write operation is refused before any HTTP request, through send() and through a guarded client', async () => {
  const before = aws.requests.length;
  const s3 = guardClient(new S3ControlClient({ region: 'eu-west-1' }), 's3control');
  const put = new PutPublicAccessBlockCommand({ AccountId: '123456789012', PublicAccessBlockConfiguration: { BlockPublicAcls: false } });
  assert.equal(operationOf(put), 's3control:PutPublicAccessBlock');
  await assert.rejects(send(s3, put), (e: unknown) => e instanceof ForbiddenOperationError && e.operation === 's3control:PutPublicAccessBlock');
  // Even a direct client.send (as if someone skipped calls.ts) stops at the guard middleware.
  await assert.rejects(s3.send(put), (e: unknown) => e instanceof ForbiddenOperationError);
  const iam = guardClient(new IAMClient({ region: 'eu-west-1' }), 'iam');
  await assert.rejects(send(iam, new CreateAccessKeyCommand({ UserName: 'root' })), /not on the allow-list/);
  await assert.rejects(iam.send(new CreateAccessKeyCommand({ UserName: 'root' })), /not on the allow-list/);
  // A command presented to the wrong client is judged by its own schema, not by the client.
  const sts = guardClient(new STSClient({ region: 'eu-west-1' }), 'sts');
  await assert.rejects(send(sts, put), ForbiddenOperationError);
  assert.equal(aws.requests.length, before, 'no request reached the endpoint');
  for (const c of [s3, iam, sts]) c.destroy();
});

test('an allowed operation goes through', async () => {
  const sts = guardClient(new STSClient({ region: 'eu-west-1' }), 'sts');
  const out = await send(sts, new GetCallerIdentityCommand({}));
  assert.equal(out.Account, '123456789012');
  const s3 = guardClient(new S3ControlClient({ region: 'eu-west-1' }), 's3control');
  assert.equal(operationOf(new GetPublicAccessBlockCommand({ AccountId: '1' })), 's3control:GetPublicAccessBlock');
  sts.destroy();
  s3.destroy();
});

test('errors are classified and unknown facts name the IAM action', () => {
  const denied = classifyError(Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
  assert.equal(denied.kind, 'access-denied');
  assert.equal(unknownReason('s3control:GetPublicAccessBlock', denied), 'AccessDenied: needs s3:GetAccountPublicAccessBlock');
  assert.equal(unknownReason('configservice:DescribeConfigurationRecorders', classifyError(Object.assign(new Error('x'), { name: 'AccessDeniedException' }))), 'AccessDeniedException: needs config:DescribeConfigurationRecorders');
  assert.equal(unknownReason('accessanalyzer:ListAnalyzers', classifyError(Object.assign(new Error('x'), { name: 'UnauthorizedOperation' }))), 'UnauthorizedOperation: needs access-analyzer:ListAnalyzers');
  assert.equal(classifyError(Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredToken' })).kind, 'expired-token');
  assert.equal(classifyError(Object.assign(new Error('Token is expired. To refresh this SSO session run aws sso login with the corresponding profile.'), { name: 'CredentialsProviderError' })).kind, 'sso-expired');
  assert.equal(classifyError(Object.assign(new Error('Rate exceeded'), { name: 'Throttling' })).kind, 'throttled');
  assert.equal(classifyError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })).kind, 'network');
});
