// Per-Region account facts (EBS encryption by default, instance metadata defaults) were read in one Region: they may
// cover a finding only for a resource deployed there, or whose Region the code leaves to the environment. Real
// parse, evaluation and rules over an in-memory module; the posture says eu-west-1 has both defaults on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountFactsForLayer } from '../../../server/src/engine/account/apply';
import { ProviderRegions, regionMismatch } from '../../../server/src/engine/account/region';
import { analyzeUnit, type Unit } from '../../../server/src/engine/analyze';
import type { Finding } from '../../../server/src/engine/types';
import { memoryHost } from '../../helpers/memory-host';
import { CHECKED, goodPosture } from './fixture';

const VOLUME = (name: string, extra = '') => `resource "aws_ebs_volume" "${name}" {\n  availability_zone = "eu-west-1a"\n  size = 10\n${extra}}\n`;

/** The EBS-encryption finding of each volume, by address, with the account connected. */
function ebs(files: Record<string, string>, unit: Unit = { kind: 'terraform', path: '/w', files: Object.keys(files).filter((f) => /^\/w\/[^/]+$/.test(f)).sort() }): Map<string, Finding> {
  const r = analyzeUnit(unit, memoryHost(files), { account: goodPosture(), fixes: false });
  return new Map(r.findings.filter((f) => f.ruleId === 'aws-ec2-ebs-encryption').map((f) => [f.resource!, f]));
}

const covered = (f: Finding | undefined) => {
  assert.ok(f, 'the finding exists');
  assert.equal(f.severity, 'info', JSON.stringify(f.notes));
  assert.match(f.notes!.join(' '), /encrypted by the Region's EBS default in eu-west-1/);
};
const notCovered = (f: Finding | undefined, why: RegExp) => {
  assert.ok(f, 'the finding exists');
  assert.notEqual(f.severity, 'info');
  assert.equal(f.severity, f.ruleSeverity);
  const note = f.notes?.find((n) => n.startsWith("not covered by the account's EBS encryption by default: "));
  assert.ok(note, JSON.stringify(f.notes));
  assert.match(note, why);
};

test('a provider in the Region the account was read in: covered; in another Region: the finding stays, with the reason', () => {
  covered(ebs({ '/w/main.tf': `provider "aws" {\n  region = "eu-west-1"\n}\n${VOLUME('v')}` }).get('aws_ebs_volume.v'));
  notCovered(ebs({ '/w/main.tf': `provider "aws" {\n  region = "us-east-1"\n}\n${VOLUME('v')}` }).get('aws_ebs_volume.v'), /its provider targets us-east-1, and the account was read in eu-west-1/);
});

test('the code leaves the Region to the environment (no provider block, no region, region = null): covered', () => {
  covered(ebs({ '/w/main.tf': VOLUME('v') }).get('aws_ebs_volume.v'));
  covered(ebs({ '/w/main.tf': `provider "aws" {\n  profile = "dev"\n}\n${VOLUME('v')}` }).get('aws_ebs_volume.v'));
  covered(ebs({ '/w/main.tf': `provider "aws" {\n  region = null\n}\n${VOLUME('v')}` }).get('aws_ebs_volume.v'));
});

test('a region from a variable: its default decides; without one it is unknown and nothing is covered', () => {
  covered(ebs({ '/w/main.tf': `variable "region" {\n  default = "eu-west-1"\n}\nprovider "aws" {\n  region = var.region\n}\n${VOLUME('v')}` }).get('aws_ebs_volume.v'));
  notCovered(ebs({ '/w/main.tf': `variable "region" {\n  default = "ap-south-1"\n}\nprovider "aws" {\n  region = var.region\n}\n${VOLUME('v')}` }).get('aws_ebs_volume.v'), /targets ap-south-1/);
  notCovered(ebs({ '/w/main.tf': `variable "region" {}\nprovider "aws" {\n  region = var.region\n}\n${VOLUME('v')}` }).get('aws_ebs_volume.v'), /region` is not known from the code/);
});

test('aliases: each volume follows its own provider; an alias nobody configures is unknown', () => {
  const files = {
    '/w/main.tf': `provider "aws" {\n  region = "eu-west-1"\n}\nprovider "aws" {\n  alias  = "us"\n  region = "us-east-1"\n}\n` +
      VOLUME('here') + VOLUME('there', '  provider = aws.us\n') + VOLUME('stray', '  provider = aws.nope\n') + VOLUME('plain', '  provider = aws\n'),
  };
  const f = ebs(files);
  covered(f.get('aws_ebs_volume.here'));
  covered(f.get('aws_ebs_volume.plain'));
  notCovered(f.get('aws_ebs_volume.there'), /targets us-east-1/);
  notCovered(f.get('aws_ebs_volume.stray'), /provider aws\.nope is not configured in the code/);
});

test('.tf.json: "provider": "aws.us" is the same reference', () => {
  const json = JSON.stringify({
    provider: { aws: [{ region: 'eu-west-1' }, { alias: 'us', region: 'us-east-1' }] },
    resource: { aws_ebs_volume: { here: { availability_zone: 'eu-west-1a', size: 10 }, there: { availability_zone: 'us-east-1a', size: 10, provider: 'aws.us' } } },
  });
  const f = ebs({ '/w/main.tf.json': json });
  covered(f.get('aws_ebs_volume.here'));
  notCovered(f.get('aws_ebs_volume.there'), /targets us-east-1/);
});

test('local modules: the caller\'s provider when the unit agrees on one Region; otherwise unknown', () => {
  const call = 'module "disk" {\n  source = "./disk"\n}\n';
  const mod = { '/w/disk/main.tf': VOLUME('m') };
  covered(ebs({ '/w/main.tf': `provider "aws" {\n  region = "eu-west-1"\n}\n${call}`, ...mod }).get('module.disk.aws_ebs_volume.m'));
  covered(ebs({ '/w/main.tf': call, ...mod }).get('module.disk.aws_ebs_volume.m'));
  notCovered(ebs({ '/w/main.tf': `provider "aws" {\n  region = "us-west-2"\n}\n${call}`, ...mod }).get('module.disk.aws_ebs_volume.m'), /targets us-west-2/);
  const two = `provider "aws" {\n  region = "eu-west-1"\n}\nprovider "aws" {\n  alias  = "us"\n  region = "us-east-1"\n}\n`;
  notCovered(ebs({ '/w/main.tf': two + call, ...mod }).get('module.disk.aws_ebs_volume.m'), /gets its provider from a caller whose provider blocks name different Regions/);
  // A provider block inside the module decides for its own resources.
  covered(ebs({ '/w/main.tf': two + call, '/w/disk/main.tf': `provider "aws" {\n  region = "eu-west-1"\n}\n${VOLUME('m')}` }).get('module.disk.aws_ebs_volume.m'));
});

test('instance metadata defaults are per Region too; CloudFormation leaves the Region to the deployment', () => {
  const inst = 'resource "aws_instance" "i" {\n  ami           = "ami-0123456789abcdef0"\n  instance_type = "t3.micro"\n}\n';
  const files = { '/w/main.tf': `provider "aws" {\n  region = "us-east-1"\n}\n${inst}` };
  const r = analyzeUnit({ kind: 'terraform', path: '/w', files: ['/w/main.tf'] }, memoryHost(files), { account: goodPosture(), fixes: false });
  const imds = r.findings.find((f) => f.ruleId === 'aws-ec2-require-imdsv2' && f.valueOrigin === 'default');
  assert.ok(imds, r.findings.map((f) => `${f.ruleId} ${f.valueOrigin}`).join('\n'));
  assert.equal(imds.severity, imds.ruleSeverity);
  assert.ok(imds.notes?.some((n) => n.startsWith("not covered by the account's instance metadata defaults: its provider targets us-east-1")), JSON.stringify(imds.notes));

  const tpl = 'Resources:\n  Vol:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 10\n';
  const cfn = analyzeUnit({ kind: 'cloudformation', path: '/w/t.yaml', files: ['/w/t.yaml'] }, memoryHost({ '/w/t.yaml': tpl }), { account: goodPosture(), fixes: false });
  covered(cfn.findings.find((f) => f.ruleId === 'aws-ec2-ebs-encryption'));
});

test('the hover card: per-Region facts read elsewhere are said not to apply, never shown as enforced', () => {
  const now = new Date(Date.parse(CHECKED) + 60_000);
  const p = goodPosture();
  const here = accountFactsForLayer(p, 'aws_ebs_volume', now, { kind: 'stated', region: 'eu-west-1' });
  assert.ok(here.some((f) => f.verified && /EBS default/.test(f.text)), JSON.stringify(here));
  for (const type of ['aws_ebs_volume', 'aws_instance', 'aws_guardduty_detector']) {
    const there = accountFactsForLayer(p, type, now, { kind: 'stated', region: 'us-east-1' });
    assert.equal(there.length, 1, type);
    assert.equal(there[0]!.verified, false);
    assert.equal(there[0]!.text, "the account's Region settings do not apply here: its provider targets us-east-1, and the account was read in eu-west-1");
  }
  // Account-wide facts do not depend on the Region.
  assert.ok(accountFactsForLayer(p, 'aws_s3_bucket', now, { kind: 'stated', region: 'us-east-1' }).some((f) => f.verified));
});

test('ProviderRegions and regionMismatch on their own', () => {
  assert.equal(regionMismatch({ kind: 'unstated' }, 'eu-west-1'), undefined);
  assert.equal(regionMismatch({ kind: 'stated', region: 'eu-west-1' }, 'eu-west-1'), undefined);
  assert.equal(regionMismatch({ kind: 'unknown', why: 'x' }, 'eu-west-1'), 'x; the account was read in eu-west-1');
  const text = `provider "aws" {\n  region = "eu-west-1"\n}\n${VOLUME('v', '  provider = aws.x.y\n')}${VOLUME('g', '  provider = google.eu\n')}`;
  const r = analyzeUnit({ kind: 'terraform', path: '/w', files: ['/w/main.tf'] }, memoryHost({ '/w/main.tf': text }), { fixes: false });
  const regions = new ProviderRegions(r.sourceResources);
  const v = r.sourceResources.find((s) => s.address === 'aws_ebs_volume.v')!;
  assert.equal(v.provider, '?');
  assert.deepEqual(regions.of(v), { kind: 'unknown', why: 'its `provider` is chosen by an expression' });
  const g = r.sourceResources.find((s) => s.address === 'aws_ebs_volume.g')!;
  assert.equal(g.provider, 'google.eu');
  assert.deepEqual(regions.of(g), { kind: 'unknown', why: 'it uses provider google.eu' });
});

test('other Regions the account was read in: their own EBS and IMDS defaults decide, in the finding and the card', () => {
  const posture = goodPosture();
  const known = <T>(value: T) => ({ status: 'known' as const, value, checkedAt: CHECKED });
  posture.otherRegions = {
    'us-east-1': { ebsEncryptionByDefault: known({ enabled: true, kmsKeyId: 'alias/east' }), imdsDefaults: known({ httpTokens: 'optional' as const }) },
    'ap-south-1': { ebsEncryptionByDefault: known({ enabled: false }), imdsDefaults: known({}) },
  };
  const files = {
    '/w/main.tf': `provider "aws" {\n  alias  = "east"\n  region = "us-east-1"\n}\nprovider "aws" {\n  alias  = "south"\n  region = "ap-south-1"\n}\nprovider "aws" {\n  alias  = "west2"\n  region = "us-west-2"\n}\n` +
      VOLUME('east', '  provider = aws.east\n') + VOLUME('south', '  provider = aws.south\n') + VOLUME('west2', '  provider = aws.west2\n'),
  };
  const r = analyzeUnit({ kind: 'terraform', path: '/w', files: ['/w/main.tf'] }, memoryHost(files), { account: posture, fixes: false });
  const f = new Map(r.findings.filter((x) => x.ruleId === 'aws-ec2-ebs-encryption').map((x) => [x.resource!, x]));
  const east = f.get('aws_ebs_volume.east')!;
  assert.equal(east.severity, 'info');
  assert.deepEqual(east.notes, [`encrypted by the Region's EBS default in us-east-1, key alias/east (checked ${CHECKED})`]);
  // Read there, and off there: an ordinary finding, no note about Regions.
  const south = f.get('aws_ebs_volume.south')!;
  assert.equal(south.severity, south.ruleSeverity);
  assert.equal(south.notes, undefined);
  notCovered(f.get('aws_ebs_volume.west2'), /targets us-west-2, and the account was read in eu-west-1, us-east-1, ap-south-1/);

  const now = new Date(Date.parse(CHECKED) + 60_000);
  const card = accountFactsForLayer(posture, 'aws_instance', now, { kind: 'stated', region: 'us-east-1' });
  assert.deepEqual(card.map((c) => [c.text.replace(/, checked .*/, ''), c.verified]), [
    ["encrypted by the region's EBS default in us-east-1, key alias/east", true],
    ['no account default requires IMDSv2 in us-east-1 (HttpTokens optional)', false],
  ]);
  // Snapshot block public access was read in eu-west-1 only.
  assert.match(accountFactsForLayer(posture, 'aws_ebs_snapshot', now, { kind: 'stated', region: 'us-east-1' })[0]!.text, /do not apply here/);
});
