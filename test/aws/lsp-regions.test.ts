// The language server with a connected account and code in several Regions: the account is read in every Region the
// analysed provider blocks name, each volume's diagnostic follows its own Region's EBS default, and a provider added
// in a new Region makes the server read the account there too. Real engine, real account handler, real SDK clients
// against the local AWS-compatible endpoint.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { AccountConnectRequest, type AccountState } from '../../server/src/aws/protocol';
import { registerWithAnalysis } from '../../server/src/handlers/account';
import { createEngine } from '../../server/src/lsp/engine';
import { pathToUri } from '../../server/src/lsp/uri';
import { startInProcess } from '../server/helpers/in-process';
import { FakeAws } from './fake-aws';
import { ACCESS_KEY, SECRET_KEY, tempAws, type TempAws } from './env';

let aws: FakeAws;
let env: TempAws;
const ws = mkdtempSync(join(tmpdir(), 'demarc-lsp-regions-')).replace(/\\/g, '/');
const volume = (name: string, provider?: string) => `resource "aws_ebs_volume" "${name}" {\n  availability_zone = "x"\n  size = 10\n${provider ? `  provider = ${provider}\n` : ''}}\n`;
const PROVIDERS = 'provider "aws" {\n  region = "eu-west-1"\n}\nprovider "aws" {\n  alias  = "east"\n  region = "us-east-1"\n}\n';
const TEXT = PROVIDERS + volume('home') + volume('east', 'aws.east');

before(async () => {
  // The main Region does not encrypt by default; us-east-1 and ap-south-1 do (the endpoint's default answer).
  aws = new FakeAws({ regionBodies: { 'eu-west-1': { 'ec2:GetEbsEncryptionByDefault': '<ebsEncryptionByDefault>false</ebsEncryptionByDefault>' } } });
  const url = await aws.start();
  env = tempAws({ AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY });
  writeFileSync(`${ws}/main.tf`, TEXT);
});
after(async () => {
  await aws.stop();
  env.cleanup();
  rmSync(ws, { recursive: true, force: true });
});

/** Informational findings (covered by the account) are hints. */
const INFO = 4;
const ebsOf = (ds: Diagnostic[], name: string) => ds.find((d) => d.code === 'aws-ec2-ebs-encryption' && (d.data as { resource?: string } | undefined)?.resource === `aws_ebs_volume.${name}`);

test('each volume follows its own Region; a provider in a new Region gets the account read there', async () => {
  const s = startInProcess(createEngine(), { settings: { analysis: { debounceMs: 0 }, aws: { region: 'eu-west-1' } } }, { extraHandlers: [registerWithAnalysis] });
  try {
    await s.client.initialize(pathToUri(ws), { trusted: true });
    await s.client.waitFor(() => s.client.progress.some((p) => p.value.kind === 'end'), 30_000, 'the workspace scan');
    const state = await s.client.request<AccountState>(AccountConnectRequest.method, {});
    assert.equal(state.status, 'connected');
    const uri = pathToUri(`${ws}/main.tf`);
    // eu-west-1 does not encrypt by default: home stays a warning; us-east-1 does: east is informational.
    const ds = await s.client.diagnosticsFor(uri, undefined, (d) => ebsOf(d, 'east')?.severity === INFO, 20_000);
    assert.notEqual(ebsOf(ds, 'home')!.severity, INFO);
    // Both Regions were read: no note that the account was read elsewhere.
    assert.ok(!ds.some((d) => d.code === 'account-region-differs'), JSON.stringify(ds.map((d) => d.message)));
    assert.deepEqual([...new Set(aws.requests.filter((r) => r.op === 'ec2:GetEbsEncryptionByDefault').map((r) => r.signingRegion))].sort(), ['eu-west-1', 'us-east-1']);

    // A provider in ap-south-1 appears in the editor: once the analysis has it, the account is read there too.
    await s.client.open(uri, TEXT + 'provider "aws" {\n  alias  = "south"\n  region = "ap-south-1"\n}\n' + volume('south', 'aws.south'));
    const after = await s.client.diagnosticsFor(uri, undefined, (d) => ebsOf(d, 'south')?.severity === INFO, 20_000);
    assert.equal(ebsOf(after, 'east')!.severity, INFO);
    assert.ok(aws.requests.some((r) => r.op === 'ec2:GetEbsEncryptionByDefault' && r.signingRegion === 'ap-south-1'));
  } finally {
    await s.stop();
  }
});
