// Every rule's metadata examples run as tests: each bad example is found, each good one is silent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allRules } from '../../../server/src/engine/rules/registry';
import { findingsFor, workspace } from '../../helpers/rule-tester';

for (const rule of allRules().filter((r) => !r.meta.requiresConfig)) {
  describe(`${rule.meta.id} examples`, () => {
    for (const format of rule.meta.formats) {
      const ex = rule.meta.examples[format];
      test(`${format} examples exist`, () => {
        assert.ok(ex && ex.bad.length > 0 && ex.good.length > 0, 'each format needs a bad and a good example');
      });
      for (const [i, bad] of (ex?.bad ?? []).entries()) {
        test(`${format} bad #${i + 1}`, () => {
          const ws = workspace({ format, code: bad.code });
          const r = findingsFor(ws.files, ws.root, rule.meta.id);
          assert.deepEqual(r.problems, []);
          assert.ok(r.findings.length > 0, 'the bad example must be found');
        });
      }
      for (const [i, good] of (ex?.good ?? []).entries()) {
        test(`${format} good #${i + 1}`, () => {
          const ws = workspace({ format, code: good.code });
          const r = findingsFor(ws.files, ws.root, rule.meta.id);
          assert.deepEqual(r.problems, []);
          assert.deepEqual(r.findings.map((f) => f.message), []);
        });
      }
    }
  });
}
