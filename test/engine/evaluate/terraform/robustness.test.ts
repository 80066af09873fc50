import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Val } from '../../../../server/src/engine/evaluate/value';
import type { Span } from '../../../../server/src/engine/types';
import { evaluateDir, fixture } from './helpers';

// Small seeded PRNG so failures reproduce.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  switch (Math.floor(r() * 5)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 20));
    case 2: {
      const len = Math.floor(r() * 30);
      return text.slice(0, at) + text.slice(at, at + len) + text.slice(at);
    }
    case 3:
      return text.slice(0, at) + '{}[]()"${%~<<EOF\n=.*,:?'[Math.floor(r() * 22)] + text.slice(at);
    default:
      return text.slice(0, at) + String.fromCharCode(Math.floor(r() * 128)) + text.slice(at + 1);
  }
}

function checkSpans(v: Val, lengths: Map<string, number>, depth = 0): void {
  if (depth > 300) return;
  const check = (s: Span | undefined) => {
    if (!s) return;
    const len = lengths.get(s.file);
    if (len === undefined) return;
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= len, `span ${JSON.stringify(s)} outside ${len}`);
  };
  check(v.span);
  v.via?.forEach(check);
  if (v.kind === 'list') v.items.forEach((i) => checkSpans(i, lengths, depth + 1));
  if (v.kind === 'object') for (const f of v.fields.values()) {
    check(f.keySpan);
    checkSpans(f.value, lengths, depth + 1);
  }
  if (v.kind === 'string' && v.json) checkSpans(v.json, lengths, depth + 1);
}

test('mutated fixtures never make the evaluator throw, and every span stays inside its file', () => {
  const r = rng(20261123);
  for (const name of ['variables', 'modules', 'policies']) {
    const base = fixture(name);
    const dir = `/ws/${name}`;
    const paths = [...base.keys()];
    for (let i = 0; i < 80; i++) {
      const files = new Map(base);
      const victim = paths[Math.floor(r() * paths.length)]!;
      let t = files.get(victim)!;
      for (let k = 0; k < 1 + Math.floor(r() * 3); k++) t = mutate(t, r);
      files.set(victim, t);
      const e = evaluateDir(files, dir);
      const lengths = new Map([...files].map(([p, text]) => [p, text.length]));
      for (const res of e.result.resources) {
        checkSpans(res.body, lengths);
        for (const s of [res.span, res.headerSpan, res.bodySpan]) if (s) assert.ok(s.start <= s.end && s.end <= lengths.get(s.file)!, `${victim}: ${res.address}`);
      }
      const internal = e.result.problems.find((p) => p.code === 'evaluation-error');
      assert.equal(internal, undefined, `internal error on a mutation of ${victim}: ${internal?.message}`);
      for (const p of e.result.problems) if (p.span) assert.ok(p.span.end <= (lengths.get(p.span.file) ?? Infinity));
    }
  }
});
