import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountConflicts, providerSettings } from '../../../server/src/engine/account/conflicts';
import type { SourceResource } from '../../../server/src/engine/source';
import type { Field, ObjectVal, Val } from '../../../server/src/engine/evaluate/value';

const FILE = '/w/providers.tf';
const sp = (start: number, end: number) => ({ file: FILE, start, end });
const str = (value: string, at: number): Val => ({ kind: 'string', value, origin: 'explicit', span: sp(at, at + value.length + 2) });

function provider(fields: Record<string, Val>, alias?: string): SourceResource {
  const map = new Map<string, Field>(Object.entries(fields).map(([key, value]) => [key, { key, value }]));
  if (alias) map.set('alias', { key: 'alias', value: str(alias, 5) });
  const body: ObjectVal = { kind: 'object', origin: 'explicit', fields: map, block: true };
  return { format: 'terraform', mode: 'data', file: FILE, type: 'provider.aws', name: 'aws', address: alias ? `provider.aws.${alias}` : 'provider.aws', span: sp(0, 200), headerSpan: sp(0, 14), body };
}

const me = { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice', userId: 'AIDA' };

test('allowed_account_ids without the connected account is an error on that attribute', () => {
  const list: Val = { kind: 'list', origin: 'explicit', span: sp(40, 60), items: [str('999999999999', 41)] };
  const [p] = accountConflicts([provider({ region: str('eu-west-1', 20), allowed_account_ids: list })], me, 'eu-west-1');
  assert.equal(p!.code, 'account-not-allowed');
  assert.equal(p!.severity, 'error');
  assert.deepEqual(p!.span, sp(40, 60));
  assert.match(p!.message, /123456789012 .* not in allowed_account_ids .*999999999999/);
});

test('forbidden_account_ids with the connected account is an error; a matching allow-list is fine', () => {
  const allowed: Val = { kind: 'list', origin: 'explicit', items: [str('123456789012', 41)] };
  const forbidden: Val = { kind: 'list', origin: 'explicit', span: sp(70, 90), items: [str('123456789012', 71)] };
  const probs = accountConflicts([provider({ allowed_account_ids: allowed }), provider({ forbidden_account_ids: forbidden }, 'prod')], me);
  assert.deepEqual(probs.map((p) => p.code), ['account-forbidden']);
  assert.match(probs[0]!.message, /alias prod/);
});

test('unknown account lists are not guessed at; another Region is an info note', () => {
  const unknownList: Val = { kind: 'list', origin: 'derived', items: [{ kind: 'unknown', origin: 'unknown', reason: 'data source' }] };
  const probs = accountConflicts([provider({ region: str('us-east-1', 20), allowed_account_ids: unknownList })], me, 'eu-west-1');
  assert.deepEqual(probs.map((p) => [p.code, p.severity]), [['account-region-differs', 'info']]);
  assert.deepEqual(providerSettings([provider({ region: str('us-east-1', 20) }, 'use1')]).map((s) => [s.alias, s.region]), [['use1', 'us-east-1']]);
});

test('a provider Region the account was also read in (otherRegions) gets no note; the note names every Region read', () => {
  const east = provider({ region: str('us-east-1', 20) }, 'east');
  assert.deepEqual(accountConflicts([east], me, 'eu-west-1', ['us-east-1']), []);
  const [p] = accountConflicts([provider({ region: str('ap-south-1', 20) })], me, 'eu-west-1', ['us-east-1']);
  assert.equal(p!.code, 'account-region-differs');
  assert.match(p!.message, /^Account facts were read in eu-west-1, us-east-1; provider "aws" targets ap-south-1\./);
});
