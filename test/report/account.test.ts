// `demarc report --account`: the matrix gets the account row, and duties the account enforces read "verified".
// The real AWS SDK clients talk to the local AWS-compatible endpoint of the account tests.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runReport } from '../../server/src/cli/commands/report';
import type { CliIO } from '../../server/src/cli/io';
import { FakeAws } from '../aws/fake-aws';
import { ACCESS_KEY, SECRET_KEY, tempAws, type TempAws } from '../aws/env';

let aws: FakeAws;
let env: TempAws;
const dir = mkdtempSync(join(tmpdir(), 'demarc-report-account-'));
writeFileSync(join(dir, 'main.tf'), 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 10\n}\n');

before(async () => {
  aws = new FakeAws({});
  const url = await aws.start();
  env = tempAws({ AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_REGION: 'eu-west-1' });
});
after(async () => {
  await aws.stop();
  env.cleanup();
});

function io(): CliIO & { out: string; err: string } {
  const o = { out: '', err: '', cwd: dir, env: process.env, isTTY: false, stdout: (t: string) => void (o.out += t), stderr: (t: string) => void (o.err += t) };
  return o;
}

test('report --account adds the account row and verifies what the account enforces', async () => {
  const o = io();
  assert.equal(await runReport(['--format', 'json', '--account', '--no-config'], o, {}), 0, o.err);
  const data = JSON.parse(o.out);
  assert.equal(data.account.account, '123456789012');
  assert.ok(data.account.facts.some((f: { title: string; known: boolean }) => /EBS/.test(f.title) && f.known));
  assert.ok(data.account.issues.length > 0);
  const row = data.rows.find((r: { address: string }) => r.address === 'aws_ebs_volume.data');
  const cell = row.cells.find((c: { layer: string }) => c.layer === 'encryption-at-rest');
  assert.equal(cell.status, 'verified');
});

test('without --account the same duty is a finding', async () => {
  const o = io();
  assert.equal(await runReport(['--format', 'json', '--no-config'], o, {}), 0, o.err);
  const data = JSON.parse(o.out);
  assert.equal(data.account, undefined);
  const row = data.rows.find((r: { address: string }) => r.address === 'aws_ebs_volume.data');
  assert.equal(row.cells.find((c: { layer: string }) => c.layer === 'encryption-at-rest').status, 'finding');
});
