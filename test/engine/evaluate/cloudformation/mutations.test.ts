// A short, seeded mutation run over the fixtures (the long fuzzing run belongs to the robustness suite):
// byte flips, deletions, duplications, indentation changes and truncations never throw and keep every span
// inside the mutated text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allSpans, evaluate, fixture } from './helpers';

const CHARS = ['[', ']', '{', '}', ':', '-', ' ', '\n', '\t', '"', "'", '!', '&', '*', '#', '|', '>', ',', '?', '\\', 'a', '\r', '\u0000'];

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function mutate(base: string, rnd: () => number): string {
  let t = base;
  const n = 1 + Math.floor(rnd() * 4);
  for (let m = 0; m < n; m++) {
    const i = Math.floor(rnd() * t.length);
    switch (Math.floor(rnd() * 5)) {
      case 0:
        t = t.slice(0, i) + CHARS[Math.floor(rnd() * CHARS.length)] + t.slice(i + 1);
        break;
      case 1:
        t = t.slice(0, i) + t.slice(i + 1 + Math.floor(rnd() * 20));
        break;
      case 2: {
        const j = Math.min(t.length, i + Math.floor(rnd() * 40));
        t = t.slice(0, j) + t.slice(i, j) + t.slice(j);
        break;
      }
      case 3: {
        const ls = t.lastIndexOf('\n', i) + 1;
        t = t.slice(0, ls) + (rnd() < 0.5 ? '  ' : '') + t.slice(ls + (rnd() < 0.5 ? 1 : 0));
        break;
      }
      default:
        t = t.slice(0, i);
    }
  }
  return t;
}

describe('seeded mutations of the CloudFormation fixtures', () => {
  for (const [name, kind] of [
    ['realistic.yaml', 'cloudformation-yaml'],
    ['sam.yaml', 'cloudformation-yaml'],
    ['realistic.json', 'cloudformation-json'],
  ] as const) {
    it(`${name}: 300 mutations`, () => {
      const base = fixture(name);
      const rnd = rng(name.length * 7919);
      for (let k = 0; k < 300; k++) {
        const t = mutate(base, rnd);
        const r = evaluate(t, kind);
        const inside = (s: { start: number; end: number } | undefined) => !s || (s.start >= 0 && s.start <= s.end && s.end <= t.length);
        for (const p of r.problems) assert.ok(inside(p.span) && p.range, `mutation ${k}: problem ${p.message}`);
        for (const res of r.resources) {
          for (const s of [res.span, res.headerSpan, res.bodySpan, ...allSpans(res.body), ...allSpans(res.metadata)]) {
            assert.ok(inside(s), `mutation ${k}: ${res.name} span ${s?.start}-${s?.end} of ${t.length}`);
          }
        }
      }
    });
  }
});
