// The client's pure parts: the settings section the server pulls, rule page links, and the status bar text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatusParams } from '../../server/src/shared/protocol';
import { loadClientModule } from './load';

interface Inspected { defaultValue?: unknown; globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown }
interface ConfigModule {
  buildSettingsSection(reader: { get(k: string): unknown; inspect(k: string): Inspected | undefined }, trusted: boolean): Record<string, unknown>;
  ruleDocsUrl(repositoryUrl: string, ruleId: string): string;
  isRuleId(v: unknown): boolean;
}
interface StatusModule {
  presentStatus(status: StatusParams | undefined, phase: 'starting' | 'running' | 'stopped'): { text: string; tooltip: string; tone?: 'error' | 'warning' };
}

const config = loadClientModule<ConfigModule>('config.ts');
const status = loadClientModule<StatusModule>('views/status-text.ts');

/** A configuration with user (global) and workspace layers, as `WorkspaceConfiguration` exposes them. */
function reader(globals: Record<string, unknown>, workspace: Record<string, unknown>) {
  return {
    get: (k: string) => (k in workspace ? workspace[k] : globals[k]),
    inspect: (k: string): Inspected => ({ globalValue: globals[k], workspaceValue: workspace[k] }),
  };
}

test('settings are nested the way the server reads section `demarc`', async () => {
  const { buildSettingsSection } = await config;
  const s = buildSettingsSection(reader({}, { 'demarc.run': 'onSave', 'demarc.analysis.debounceMs': 50, 'demarc.severityOverrides': { 'aws-s3-versioning': 'off' } }), true);
  assert.equal(s.run, 'onSave');
  assert.deepEqual(s.analysis, { maxFileSize: 4 * 1024 * 1024, debounceMs: 50 });
  assert.deepEqual(s.severityOverrides, { 'aws-s3-versioning': 'off' });
  assert.deepEqual(s.aws, { profile: '', region: '', connect: false });
  assert.deepEqual(s.trace, { server: 'off' });
});

test('an untrusted workspace cannot choose the AWS profile, region or auto-connect; the user still can', async () => {
  const { buildSettingsSection } = await config;
  const workspace = { 'demarc.aws.profile': 'attacker', 'demarc.aws.region': 'us-east-1', 'demarc.aws.connect': true, 'demarc.run': 'onSave' };
  const untrusted = buildSettingsSection(reader({ 'demarc.aws.profile': 'mine' }, workspace), false);
  assert.deepEqual(untrusted.aws, { profile: 'mine', region: '', connect: false });
  // Non-sensitive workspace settings still apply in restricted mode.
  assert.equal(untrusted.run, 'onSave');
  const trusted = buildSettingsSection(reader({ 'demarc.aws.profile': 'mine' }, workspace), true);
  assert.deepEqual(trusted.aws, { profile: 'attacker', region: 'us-east-1', connect: true });
});

test('rule pages: links built from the repository URL, ids validated', async () => {
  const { ruleDocsUrl, isRuleId } = await config;
  assert.equal(
    ruleDocsUrl('https://github.com/demarc-dev/demarc.git', 'aws-s3-versioning'),
    'https://github.com/demarc-dev/demarc/blob/main/docs/rules/aws-s3-versioning.md',
  );
  assert.ok(isRuleId('aws-ec2-imdsv2'));
  for (const bad of ['', 'AWS-S3', '../etc/passwd', 'aws', 42, undefined, 'aws-s3-x/../../y']) assert.ok(!isRuleId(bad), String(bad));
});

const counts = { critical: 1, high: 2, medium: 0, low: 3, info: 0, total: 6 };
const base: StatusParams = { state: 'idle', counts, files: 2, problems: 0, trusted: true };

test('status bar: count, severities in the tooltip, warning tone when critical or high findings exist', async () => {
  const { presentStatus } = await status;
  const v = presentStatus(base, 'running');
  assert.equal(v.text, '$(shield) 6');
  assert.equal(v.tone, 'warning');
  assert.match(v.tooltip, /6 findings in 2 files \(1 critical, 2 high, 3 low\)/);
  assert.match(v.tooltip, /Click for Demarc actions/);
  const clean = presentStatus({ ...base, counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 }, problems: 1 }, 'running');
  assert.equal(clean.text, '$(shield) Demarc');
  assert.equal(clean.tone, undefined);
  assert.match(clean.tooltip, /No findings; 1 input problem/);
});

test('status bar: scanning progress, restricted mode, errors and the state before the first report', async () => {
  const { presentStatus } = await status;
  assert.equal(presentStatus({ ...base, state: 'scanning', percentage: 42.4 }, 'running').text, '$(sync~spin) Demarc 42%');
  assert.match(presentStatus({ ...base, trusted: false }, 'running').tooltip, /Restricted mode/);
  const err = presentStatus({ ...base, state: 'error', message: 'rule aws-s3-x threw' }, 'running');
  assert.equal(err.tone, 'error');
  assert.match(err.tooltip, /rule aws-s3-x threw/);
  assert.match(presentStatus({ ...base, state: 'disabled' }, 'running').tooltip, /demarc\.enable/);
  assert.match(presentStatus(undefined, 'starting').text, /loading~spin/);
  assert.match(presentStatus(undefined, 'running').tooltip, /waiting for the first analysis/);
  // A server that stopped (crashed past its restarts, or failed to start) is an error with the way out named.
  const stopped = presentStatus(base, 'stopped');
  assert.equal(stopped.tone, 'error');
  assert.match(stopped.tooltip, /not running[\s\S]*Restart Language Server/);
});
