// The resource card shown in hovers and the matrix reflects the analysis context: account facts (verified only when
// the account really enforces the duty), the owning team from .demarc.yaml, and the downgraded finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeUnit, discover } from '../../../server/src/engine/analyze';
import { emptyProjectConfig } from '../../../server/src/engine/config';
import { createEngine } from '../../../server/src/lsp/engine';
import { memoryHost } from '../../helpers/memory-host';
import { goodPosture } from './fixture';

const files = { '/w/main.tf': 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 10\n}\n' };

function card(account?: ReturnType<typeof goodPosture>) {
  const host = memoryHost(files);
  const unit = discover(['/w'], host).units[0]!;
  const config = { ...emptyProjectConfig('/w'), owners: [{ path: '**/*.tf', team: 'storage-team' }] };
  const result = analyzeUnit(unit, host, { config, ...(account ? { account } : {}) });
  const resource = result.sourceResources[0]!;
  const findings = result.findings.filter((f) => f.resource === resource.address);
  const md = createEngine().explain!.resourceMarkdown(resource, findings, (p) => result.files.find((f) => f.path === p)?.lines, { unit: result, commandLinks: false })!;
  return { md, findings };
}

test('without an account the unencrypted volume is a finding and the card names the team', () => {
  const { md, findings } = card();
  assert.equal(findings.find((f) => f.ruleId === 'aws-ec2-ebs-encryption')?.severity, 'medium');
  assert.match(md, /storage-team/);
  assert.doesNotMatch(md, /EBS default/);
});

test("with the Region's EBS default encryption on, the card shows the verified fact and the finding is informational", () => {
  const { md, findings } = card(goodPosture());
  const f = findings.find((x) => x.ruleId === 'aws-ec2-ebs-encryption')!;
  assert.equal(f.severity, 'info');
  assert.ok(f.notes?.some((n) => /default/i.test(n)));
  assert.match(md, /encrypted by the region's EBS default, key arn:aws:kms:eu-west-1:123456789012:key\/abcd/);
});
