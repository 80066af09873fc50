// Seeded, reproducible fuzzing of parse + analysis: byte flips, truncations, token deletion and duplication,
// indentation changes on every fixture. No throw, no hang (over 2 s per file fails), every range inside its document.
// `npm test` runs a short pass; `npm run fuzz` (FUZZ_ITERATIONS=10000) the long one. A crashing input is written to
// test/fixtures/fuzz-regressions/ and from then on runs in every pass.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/text';
import type { Range } from '../../server/src/engine/types';
import { memoryHost } from '../helpers/memory-host';
import { seededRandom } from '../helpers/random';

const root = new URL('../../', import.meta.url).pathname;
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const regressions = join(root, 'test/fixtures/fuzz-regressions');

const ALPHABET = ['{', '}', '[', ']', '"', "'", ':', '=', '$', '!', '&', '*', '#', '\n', ' ', '\t', '\\', '\u0000', 'é', '\uFFFD', '-', '|', '>', '%{', '${', '<<EOF', '!Ref', '&a', '*a'];

function mutate(text: string, rnd: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const pos = Math.floor(rnd() * (text.length + 1));
  switch (Math.floor(rnd() * 6)) {
    case 0: // byte flip
      return text.slice(0, pos) + pick(ALPHABET) + text.slice(pos + 1);
    case 1: // truncation
      return text.slice(0, pos);
    case 2: {
      // token deletion
      const tokens = text.split(/(\s+)/);
      const i = Math.floor(rnd() * tokens.length);
      tokens.splice(i, 1);
      return tokens.join('');
    }
    case 3: {
      // token duplication
      const tokens = text.split(/(\s+)/);
      const i = Math.floor(rnd() * tokens.length);
      tokens.splice(i, 0, tokens[i] ?? '');
      return tokens.join('');
    }
    case 4: {
      // indentation change on one line
      const lines = text.split('\n');
      const i = Math.floor(rnd() * lines.length);
      lines[i] = rnd() < 0.5 ? '   ' + lines[i] : lines[i]!.replace(/^\s{1,3}/, '');
      return lines.join('\n');
    }
    default: // several flips
      let t = text;
      for (let k = 0; k < 5; k++) {
        const p = Math.floor(rnd() * (t.length + 1));
        t = t.slice(0, p) + pick(ALPHABET) + t.slice(p);
      }
      return t;
  }
}

function fixtures(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.(tf|ya?ml|json|template)$/.test(e) && st.size < 64_000) out.push({ name: p.slice(root.length), text: readFileSync(p, 'utf8') });
    }
  };
  walk(join(root, 'examples'));
  walk(join(root, 'test/fixtures'));
  return out;
}

function inside(range: Range, lines: LineIndex): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineText(p.line).length + 1;
  return ok(range.start) && ok(range.end);
}

function check(name: string, text: string): void {
  const ext = extname(name) || '.tf';
  const path = `/fuzz/input${name.endsWith('.tfvars') ? '.tfvars' : ext}`;
  const t0 = performance.now();
  let result;
  try {
    result = analyze(['/fuzz'], memoryHost({ [path]: text }));
  } catch (e) {
    save(name, text);
    throw new Error(`analysis threw on a mutation of ${name}: ${(e as Error).stack}`);
  }
  const ms = performance.now() - t0;
  if (ms > 2000) {
    save(name, text);
    assert.fail(`analysis of a mutation of ${name} took ${ms.toFixed(0)} ms`);
  }
  const lines = new LineIndex(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  for (const f of result.findings) assert.ok(inside(f.range, lines), `finding range outside the document (${name}): ${JSON.stringify(f.range)}`);
  for (const p of result.problems) if (p.range && p.file === path) assert.ok(inside(p.range, lines), `problem range outside the document (${name}): ${p.message}`);
}

function save(name: string, text: string): void {
  mkdirSync(regressions, { recursive: true });
  const file = join(regressions, `${basename(name).replace(/\W+/g, '_')}-${Date.now()}${extname(name)}`);
  writeFileSync(file, text);
}

const all = fixtures();
test(`fuzz: ${ITERATIONS} seeded mutations of each of ${all.length} fixtures (seed ${SEED})`, () => {
  const rnd = seededRandom(SEED);
  for (const fx of all) {
    check(fx.name, fx.text);
    for (let i = 0; i < ITERATIONS; i++) check(fx.name, mutate(fx.text, rnd));
  }
});
