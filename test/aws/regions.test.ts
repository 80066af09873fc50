// `demarc scan --account` on code that deploys to several Regions: the account's per-Region settings are read in
// each Region the providers name, and each volume is judged by its own Region's. The real SDK clients talk to the
// local AWS-compatible endpoint, which answers per Region (from the request's signature).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { providerRegionsInFiles } from '../../server/src/engine/account/code-regions';
import { runScan } from '../../server/src/cli/commands/scan';
import type { CliIO } from '../../server/src/cli/io';
import { createNodeHost } from '../../server/src/host/node-host';
import { FakeAws } from './fake-aws';
import { ACCESS_KEY, SECRET_KEY, tempAws, type TempAws } from './env';

let aws: FakeAws;
let env: TempAws;
const dir = mkdtempSync(join(tmpdir(), 'demarc-regions-')).replace(/\\/g, '/');

const volume = (name: string, provider?: string) =>
  `resource "aws_ebs_volume" "${name}" {\n  availability_zone = "x"\n  size = 10\n${provider ? `  provider = ${provider}\n` : ''}}\n`;

before(async () => {
  // eu-west-1 (the main Region) and us-east-1 encrypt by default; ap-south-1 does not.
  aws = new FakeAws({ regionBodies: { 'ap-south-1': { 'ec2:GetEbsEncryptionByDefault': '<ebsEncryptionByDefault>false</ebsEncryptionByDefault>' } } });
  const url = await aws.start();
  env = tempAws({ AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_REGION: 'eu-west-1' });
  writeFileSync(
    `${dir}/main.tf`,
    `variable "south" {\n  default = "ap-south-1"\n}\nprovider "aws" {\n  region = "eu-west-1"\n}\nprovider "aws" {\n  alias  = "east"\n  region = "us-east-1"\n}\nprovider "aws" {\n  alias  = "south"\n  region = var.south\n}\n` +
      volume('home') + volume('east', 'aws.east') + volume('south', 'aws.south'),
  );
  mkdirSync(`${dir}/json`);
  writeFileSync(`${dir}/json/main.tf.json`, JSON.stringify({ provider: { aws: { region: 'sa-east-1' } } }));
});
after(async () => {
  await aws.stop();
  env.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function io(): CliIO & { out: string; err: string } {
  const o = { out: '', err: '', cwd: dir, env: process.env, isTTY: false, stdout: (t: string) => void (o.out += t), stderr: (t: string) => void (o.err += t) };
  return o;
}

test('the Regions the providers name: literals, variable defaults, .tf.json', () => {
  assert.deepEqual(providerRegionsInFiles([`${dir}/main.tf`, `${dir}/json/main.tf.json`, `${dir}/missing.tf`], createNodeHost()), ['ap-south-1', 'eu-west-1', 'sa-east-1', 'us-east-1']);
});

test('a Region in a variables file: the last file that sets the variable wins over the default', () => {
  const host = createNodeHost();
  const sub = `${dir}/vars-${Math.random().toString(36).slice(2)}`;
  mkdirSync(sub);
  try {
    writeFileSync(`${sub}/main.tf`, 'variable "region" {\n  default = "us-west-2"\n}\nprovider "aws" {\n  region = var.region\n}\n');
    const regions = (varFiles: string[] = []) => providerRegionsInFiles([`${sub}/main.tf`], host, varFiles);
    assert.deepEqual(regions(), ['us-west-2'], 'no variables file: the default');
    writeFileSync(`${sub}/terraform.tfvars`, 'region = "eu-north-1"\n');
    assert.deepEqual(regions(), ['eu-north-1'], 'terraform.tfvars over the default');
    writeFileSync(`${sub}/terraform.tfvars.json`, '{"region": "eu-central-1"}');
    assert.deepEqual(regions(), ['eu-central-1'], 'terraform.tfvars.json after terraform.tfvars');
    writeFileSync(`${sub}/b.auto.tfvars`, 'region = "ca-central-1"\n');
    writeFileSync(`${sub}/a.auto.tfvars`, 'region = "af-south-1"\n');
    assert.deepEqual(regions(), ['ca-central-1'], '*.auto.tfvars in name order, the last one wins');
    writeFileSync(`${sub}/prod.tfvars`, 'region = "me-south-1"\n');
    assert.deepEqual(regions([`${sub}/prod.tfvars`]), ['me-south-1'], '--var-file last');
    writeFileSync(`${sub}/computed.tfvars`, 'region = "${local.x}-1"\n');
    assert.deepEqual(regions([`${sub}/computed.tfvars`]), [], 'a value that is not a literal is unknown, not the default');
    writeFileSync(`${sub}/broken.tfvars.json`, '{"region": ');
    assert.deepEqual(regions([`${sub}/broken.tfvars.json`]), ['ca-central-1'], 'malformed JSON sets nothing');
    writeFileSync(`${sub}/broken.tfvars`, 'region = "\n{{{');
    assert.deepEqual(regions([`${sub}/broken.tfvars`]), [], 'an unterminated string is not a Region');
  } finally {
    rmSync(sub, { recursive: true, force: true });
  }
});

test('scan --account reads each Region once and judges every volume by its own Region', async () => {
  const o = io();
  assert.equal(await runScan(['--format', 'json', '--account', '--no-config', '--jobs', '1', '--severity', 'info', '--rule', 'aws-ec2-ebs-encryption', '.'], o, {}), 1, o.err);
  const findings = (JSON.parse(o.out) as { findings: { resource: string; severity: string; notes?: string[] }[] }).findings;
  const by = new Map(findings.map((f) => [f.resource, f]));
  assert.equal(by.get('aws_ebs_volume.home')!.severity, 'info');
  assert.equal(by.get('aws_ebs_volume.east')!.severity, 'info');
  assert.match(by.get('aws_ebs_volume.east')!.notes!.join(' '), /EBS default in us-east-1/);
  assert.equal(by.get('aws_ebs_volume.south')!.severity, 'medium', 'ap-south-1 does not encrypt by default');
  const regions = aws.requests.filter((r) => r.op === 'ec2:GetEbsEncryptionByDefault').map((r) => r.signingRegion).sort();
  assert.deepEqual(regions, ['ap-south-1', 'eu-west-1', 'sa-east-1', 'us-east-1']);
});

test('scan --account --var-file reads the Region the variables file names', async () => {
  const sub = `${dir}/tfvars-stack`;
  mkdirSync(sub);
  try {
    writeFileSync(`${sub}/main.tf`, 'variable "region" {}\nprovider "aws" {\n  region = var.region\n}\n' + volume('data'));
    writeFileSync(`${sub}/prod.tfvars`, 'region = "ap-south-1"\n');
    const o = io();
    const before = aws.requests.length;
    const code = await runScan(['--format', 'json', '--account', '--no-config', '--jobs', '1', '--severity', 'info', '--rule', 'aws-ec2-ebs-encryption', '--var-file', `${sub}/prod.tfvars`, sub], o, {});
    assert.equal(code, 1, o.err);
    const finding = (JSON.parse(o.out) as { findings: { resource: string; severity: string; notes?: string[] }[] }).findings.find((f) => f.resource === 'aws_ebs_volume.data');
    // ap-south-1 was read (it does not encrypt by default), so the finding is judged there, without a "not read" note.
    assert.equal(finding?.severity, 'medium');
    assert.doesNotMatch((finding?.notes ?? []).join(' '), /not covered by the account/);
    const signed = aws.requests.slice(before).filter((r) => r.op === 'ec2:GetEbsEncryptionByDefault').map((r) => r.signingRegion).sort();
    assert.deepEqual(signed, ['ap-south-1', 'eu-west-1']);
  } finally {
    rmSync(sub, { recursive: true, force: true });
  }
});
