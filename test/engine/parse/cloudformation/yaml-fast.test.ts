// The fast CloudFormation YAML reader against the general (`yaml`-package) path. The property throughout: the
// fast path either declines (undefined) or returns exactly what the general path returns — same tree, offsets,
// values, comments, no diagnostics. Inputs: every template on disk, YAML embedded in tests and rule examples,
// randomly generated templates using every construct the fast path reads, and thousands of seeded mutations of
// all of those. Acceptance floors make sure the fast path keeps reading real templates rather than declining.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, it } from 'node:test';
import { parseYamlTemplateSlow } from '../../../../server/src/engine/parse/cloudformation/yaml';
import { fastPathFaults, parseYamlFast } from '../../../../server/src/engine/parse/cloudformation/yaml-fast';
import { parseTemplate, type MappingNode, type ScalarNode, type SequenceNode } from '../../../../server/src/engine/parse/cloudformation';
import { allRules } from '../../../../server/src/engine/rules/registry';
import { cfnTemplate } from '../../../../bench/workspace';
import { seededRandom } from '../../../helpers/random';

const root = new URL('../../../../', import.meta.url).pathname;
const MUTATIONS = Number(process.env.YAML_FAST_MUTATIONS ?? 6000);
const GENERATED = Number(process.env.YAML_FAST_GENERATED ?? 600);
const SEED = Number(process.env.YAML_FAST_SEED ?? 20261123);

// ---- comparison ----------------------------------------------------------------------------------------------

type Outcome = 'declined' | 'same' | { diff: string };

/** Path and values of the first difference between two parse results (for readable failures). */
function firstDiff(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path || '.'}: fast ${JSON.stringify(a)}, general ${JSON.stringify(b)}`;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(k in a) || !(k in b)) return `${path}.${k}: present in fast ${k in a}, in general ${k in b}`;
    const d = firstDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

function compare(text: string): Outcome {
  const fast = parseYamlFast(text);
  if (fast === undefined) return 'declined';
  const slow = parseYamlTemplateSlow(text);
  if (isDeepStrictEqual(fast, slow)) return 'same';
  return { diff: firstDiff(fast, slow) ?? 'differs' };
}

/** Runs `compare` on every input; fails listing the first few differences with their input. */
function assertNeverDiffers(inputs: { name: string; text: string }[]): { same: number; declined: number } {
  let same = 0;
  let declined = 0;
  const failures: string[] = [];
  for (const { name, text } of inputs) {
    const r = compare(text);
    if (r === 'same') same++;
    else if (r === 'declined') declined++;
    else if (failures.length < 5) failures.push(`${name}: ${r.diff}\n--- input ---\n${JSON.stringify(text)}`);
    else failures.push(name);
  }
  assert.equal(failures.length, 0, `${failures.length} inputs read differently by the fast path:\n${failures.slice(0, 6).join('\n\n')}`);
  assert.equal(fastPathFaults(), 0, 'the fast path never fails unexpectedly (it would fall back silently)');
  return { same, declined };
}

/** Asserts the fast path reads `text` and agrees with the general path. */
function assertReads(text: string): void {
  const fast = parseYamlFast(text);
  assert.ok(fast, `the fast path declined ${JSON.stringify(text)}`);
  const slow = parseYamlTemplateSlow(text);
  assert.deepEqual(slow.diagnostics, [], 'the general path reports no problem');
  const d = firstDiff(fast, slow);
  assert.equal(d, undefined, `differs on ${JSON.stringify(text)}: ${d}`);
  assert.deepStrictEqual(fast, slow);
}

// ---- inputs --------------------------------------------------------------------------------------------------

function diskTemplates(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const e of entries) {
      if (e === 'node_modules' || e.startsWith('.')) continue;
      const p = join(dir, e);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.(ya?ml|template)$/.test(e) && st.size < 2_000_000) out.push({ name: p.slice(root.length), text: readFileSync(p, 'utf8') });
    }
  };
  for (const d of ['test', 'examples', 'bench/workspace']) walk(join(root, d));
  // Generated bench workspaces repeat the same template hundreds of times; each distinct text is checked once.
  const seen = new Set<string>();
  return out.filter((f) => !seen.has(f.text) && seen.add(f.text));
}

function ruleExamples(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const rule of allRules()) {
    const ex = rule.meta.examples.cloudformation;
    if (!ex) continue;
    for (const [kind, list] of [['bad', ex.bad], ['good', ex.good]] as const) {
      list.forEach((e, i) => out.push({ name: `${rule.meta.id} ${kind} #${i + 1}`, text: e.code }));
    }
  }
  return out;
}

/**
 * String and template literals in the test sources that look like YAML (a line break and a `: `). The escape
 * handling is rough on purpose: whatever text comes out is a valid input for the property.
 */
function embeddedYaml(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const unescape = (s: string) =>
    s.replace(/\\(u\{?[0-9a-fA-F]{4}\}?|.)/g, (_m, e: string) => {
      if (e.startsWith('u')) return String.fromCharCode(parseInt(e.replace(/[u{}]/g, ''), 16));
      return ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
    });
  const walk = (dir: string) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (e === 'fixtures' || e === 'node_modules') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.ts')) {
        const src = readFileSync(p, 'utf8');
        // Template literals: interpolations are replaced by a word, which keeps the YAML shape.
        for (const m of src.matchAll(/`((?:[^`\\]|\\[\s\S])*)`/g)) {
          const body = unescape(m[1]!.replace(/\$\{[^}]*\}/g, 'x'));
          if (body.includes('\n') && body.includes(': ')) out.push({ name: `${p.slice(root.length)}@${m.index}`, text: body });
        }
        for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*\\n(?:[^'\\\n]|\\.)*)'/g)) {
          const body = unescape(m[1]!);
          if (body.includes(':')) out.push({ name: `${p.slice(root.length)}@${m.index}`, text: body });
        }
      }
    }
  };
  walk(join(root, 'test'));
  return out;
}

/**
 * Random templates built from everything the fast path claims to read (and a few things it must decline):
 * nested and compact block collections, same-indentation sequences, every scalar style and core-schema value,
 * block scalars with chomping, blank and more-indented lines, tags in every position, flow collections,
 * comments everywhere, varying indentation widths, CRLF, BOM and `---`.
 */
function generateTemplate(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number) => rnd() < p;
  const step = pick([2, 2, 2, 4, 1, 3]);
  // Most documents avoid the constructs the fast path declines, so that what it reads is well exercised.
  const clean = chance(0.7);
  const declined = (s: string) => /^(\*|&|%|@|!Bogus|<<|\|2|"bad|ends:|[-:?]$|\?)/.test(s);
  const pickClean = <T extends string>(xs: readonly T[]): T => {
    for (;;) {
      const x = pick(xs);
      if (!clean || !declined(x)) return x;
    }
  };
  const pad = (n: number) => ' '.repeat(n);
  const comment = () => (chance(0.15) ? pick([' # note', '  #', ' # key: value', ' #  spaced  ']) : '') + (chance(0.05) ? '  ' : '');
  const PLAIN = [
    'value', 'AWS::S3::Bucket', 'arn:aws:s3:::bucket/*', 'a#b', 'with spaces', 'x:y', 'http://x.example/p?q=1', '12', '-3',
    '0x1F', '0o17', '017', '1.5', '1e3', '-2.5E-3', '.5', '+1', '-0', '0.0', '1_000', '.inf', '-.Inf', '.NaN', 'true',
    'False', 'TRUE', 'null', 'Null', '~', 'yes', 'no', 'on', '2010-09-09', '${AWS::Region}', 'a,b', 'a[0]', 'a{b}', '-x',
    'é ünïcode 🚀', 'a "quoted" word', "it's", 'ends:', 'x :y', '0b101', '1.2.3', '10.0.0.0/8', '*.js', '&x', '%x', '@x', '::/0', ':x', '?x', '-', ':', '?',
  ] as const;
  const QUOTED = [
    "'it''s'", "''", "'#'", "'a: b'", "'12'", '"\\u00e9 \\n \\t \\" \\\\ \\x41 \\/"', '""', '"a: b # c"', '"\\U0001F600"',
    '"tab\\there"', '"bad \\q escape"', "'  spaced  '", '"${Env}-x"', '"null"', '"\\_\\N\\L\\P\\0\\a\\b\\e\\f\\v\\r\\ "',
  ] as const;
  const KEYS = ['Key', 'Type', 'Fn::If', 'key with spaces', '"quoted key"', "'single'", '12', 'true', 'null', 'a-b', 'x.y', 'Ref', 'Value', 'Name', '<<', '-k', 'k#', ':k', '?k'];
  const TAGS = ['!Ref', '!Sub', '!GetAtt', '!If', '!Join', '!Equals', '!Select', '!GetAZs', '!Base64', '!Bogus'];
  const scalar = (): string => (chance(0.7) ? pickClean(PLAIN) : pickClean(QUOTED));
  // Inside flow collections `[]{},` end a plain scalar, so only scalars without them are used there.
  const flowScalar = (): string => {
    for (;;) {
      const x = scalar();
      if (!/[[\]{},]/.test(x)) return x;
    }
  };
  // Flow collections written over several lines when `ind` (the owning block's indentation) is given.
  let flowInd = -1;
  const flowSep = (sep: string): string => {
    if (flowInd < 0 || !chance(0.25)) return sep;
    const comment = chance(0.2) ? ' # in flow' : '';
    return `${sep.trimEnd()}${comment}\n${chance(0.1) ? '\n' : ''}${pad(flowInd + (clean ? 1 : 0) + Math.floor(rnd() * 4))}`;
  };
  const flowClose = (d: number, bracket: string): string =>
    flowInd >= 0 && d === 0 && chance(0.2) ? `\n${pad(flowInd + (chance(0.5) ? 0 : 2))}${bracket}` : bracket;
  const flowItem = (d: number): string => {
    const r = rnd();
    if (d > 2 || r < 0.3) return flowScalar();
    if (r < 0.45) return `${pickClean(TAGS)} ${chance(0.7) ? flowScalar() : flow(d + 1)}`;
    return flow(d + 1);
  };
  const flow = (d: number): string => {
    const n = Math.floor(rnd() * 4);
    if (chance(0.5)) {
      const items = Array.from({ length: n }, () => (chance(0.1) ? `${flowScalar()}: ${flowItem(d)}` : flowItem(d)));
      return `[${flowSep('')}${items.map((x, i) => (i > 0 ? flowSep(pick([', ', ',', ' , '])) : '') + x).join('')}${n > 0 && chance(0.1) ? ', ' : ''}${flowClose(d, ']')}`;
    }
    const used = new Set<string>();
    const pairs: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = pickClean(KEYS);
      if (used.has(k) && (clean || chance(0.9))) continue;
      used.add(k);
      pairs.push(`${k}: ${flowItem(d)}`);
    }
    const body = pairs.map((x, i) => (i > 0 ? flowSep(', ') : '') + x).join('');
    return chance(0.5) ? `{ ${body} ${flowClose(d, '}')}` : `{${flowSep('')}${body}${flowClose(d, '}')}`;
  };
  const blockScalar = (ind: number): string[] => {
    const header = pickClean(['|', '|', '>', '|-', '|+', '>-', '>+', '|2']) + (chance(0.1) ? ' # header' : '');
    const body: string[] = [];
    const n = 1 + Math.floor(rnd() * 5);
    if (chance(0.1)) body.push('');
    // The first line sets the indentation; later ones may be empty, whitespace-only or more indented.
    body.push(pad(ind) + pick(['first line', '#!/bin/bash', '{"a": 1}', 'x']));
    for (let i = 0; i < n; i++) {
      const r = rnd();
      if (r < 0.15) body.push(chance(0.5) ? '' : pad(ind + Math.floor(rnd() * 4) - 1));
      else if (r < 0.3) body.push(pad(ind + 2) + 'more indented');
      else if (r < 0.35) body.push(pad(ind) + '# not a comment');
      else body.push(pad(ind) + pick(['line one', 'x: y', 'echo "${Var}"', 'trailing  ', '- item', '{"json": true}']));
    }
    if (chance(0.3)) body.push('');
    if (chance(0.1)) body.push(pad(ind + 1));
    return [header, ...body];
  };
  const lines: string[] = [];
  // A quoted scalar over several lines: folded lines, empty lines, escapes, spaces around line breaks.
  const multiLineQuoted = (head: string, ind: number) => {
    const q = pick(['"', "'"]);
    const part = () => pick(['text', '\\u00e9', "it''s", '  spaced  ', '#x', 'a: b', '\\n', '', '\\"', '\\', "''"]);
    lines.push(`${head}${chance(0.2) ? pickClean(TAGS) + ' ' : ''}${q}${part()}${pick(['', ' ', '  '])}`);
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      if (chance(0.3)) lines.push(pick(['', ' ', pad(ind + 1)]));
      lines.push(pad(ind + pick(clean ? [1, 1, 2, 3] : [0, 1, 2])) + part() + (i === n - 1 ? q + comment() : pick(['', ' '])));
    }
  };
  // Lines continuing a plain scalar (multi-line plain scalars), sometimes after empty lines.
  const continuation = (ind: number) => {
    if (!chance(0.12)) return;
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      if (chance(0.3)) lines.push(pick(['', '  ']));
      const words = ['more words', 'x', '12', 'a#b', 'trailing  ', 'end # comment', 'x :y'];
      const w = pick(clean ? words : [...words, 'k: v', '- dash', '"q"']);
      lines.push(pad(ind + 1 + Math.floor(rnd() * 4)) + w);
      if (w.includes(' #')) break; // a comment ends the scalar
    }
  };
  const emitExtra = (ind: number) => {
    if (chance(0.05)) lines.push('');
    if (chance(0.05)) lines.push(pad(Math.max(0, ind + pick([-2, 0, 0, 2]))) + '# between');
  };
  // `prefix` replaces the indentation of the first line (compact `- key: v` / `- - a`).
  const emitMap = (ind: number, depth: number, prefix?: string) => {
    const n = 1 + Math.floor(rnd() * 4);
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      let k = pickClean(KEYS);
      if (used.has(k) && (clean || chance(0.95))) k = `K${i}`;
      used.add(k);
      const lead = i === 0 && prefix !== undefined ? prefix : pad(ind);
      const r = depth > 5 ? rnd() * 0.4 : rnd();
      if (r < 0.2) {
        const v = scalar();
        const c = comment();
        lines.push(`${lead}${k}: ${v}${c}`);
        if (/^[^'"]/.test(v) && !c.includes('#')) continuation(ind);
      } else if (r < 0.25) multiLineQuoted(`${lead}${k}: `, ind);
      else if (r < 0.3) {
        lines.push(`${lead}${k}:${pick(['', ' ', '  # empty'])}`);
        // Sometimes the value follows on the next line.
        if (chance(0.4)) {
          if (chance(0.3)) multiLineQuoted(pad(ind + step), ind);
          else {
            lines.push(pad(ind + step) + scalar());
            continuation(ind);
          }
        }
      }
      else if (r < 0.35) lines.push(`${lead}${k}: ${pickClean(TAGS)}${pick(['', ' ', ' # c'])}`);
      else if (r < 0.45) lines.push(`${lead}${k}: ${pickClean(TAGS)} ${chance(0.5) ? scalar() : flow(0)}${comment()}`);
      else if (r < 0.55) {
        flowInd = ind;
        lines.push(`${lead}${k}: ${flow(0)}${comment()}`);
        flowInd = -1;
      }
      else if (r < 0.62) {
        const [h, ...body] = blockScalar(ind + step);
        lines.push(`${lead}${k}: ${chance(0.2) ? '!Sub ' : ''}${h}`, ...body);
      } else if (r < 0.8) {
        lines.push(`${lead}${k}:${comment()}`);
        emitExtra(ind + step);
        emitMap(ind + step, depth + 1);
      } else if (r < 0.93) {
        lines.push(`${lead}${k}:${chance(0.3) ? ' ' + pick(['!If', '!Join', '!Sub', '!GetAZs']) : ''}${comment()}`);
        emitSeq(chance(0.25) ? ind : ind + step, depth + 1);
      } else {
        lines.push(`${lead}${k}: ${pick(['!If', '!Sub', '!Equals'])}${comment()}`);
        emitMap(ind + step, depth + 1);
      }
      emitExtra(ind);
    }
  };
  const emitSeq = (ind: number, depth: number, prefix?: string) => {
    const n = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) {
      const lead = (i === 0 && prefix !== undefined ? prefix : pad(ind)) + '-';
      const r = depth > 5 ? rnd() * 0.4 : rnd();
      if (r < 0.25) {
        const v = chance(0.8) ? scalar() : flow(0);
        const c = comment();
        lines.push(`${lead} ${chance(0.2) ? pickClean(TAGS) + ' ' : ''}${v}${c}`);
        if (/^[^'"[{]/.test(v) && !c.includes('#')) continuation(ind);
      } else if (r < 0.3) multiLineQuoted(`${lead} `, ind);
      else if (r < 0.35) {
        lines.push(`${lead}${pick(['', ' ', ' # empty item'])}`);
        if (chance(0.3)) lines.push(pad(ind + step) + scalar());
      }
      else if (r < 0.55) emitMap(ind + 2, depth + 1, `${lead} `);
      else if (r < 0.65) emitSeq(ind + 2, depth + 1, `${lead} `);
      else if (r < 0.75) {
        const [h, ...body] = blockScalar(ind + 2);
        lines.push(`${lead} ${h}`, ...body);
      } else if (r < 0.85) {
        lines.push(`${lead}${chance(0.5) ? ' ' + pick(['!If', '!Join', '!Select']) : ''}${comment()}`);
        if (chance(0.5)) emitSeq(ind + step, depth + 1);
        else emitMap(ind + step, depth + 1);
      } else {
        emitMap(ind + 4, depth + 1, `${lead}   `);
      }
      emitExtra(ind);
    }
  };
  if (chance(0.1)) lines.push('# leading comment');
  if (chance(0.1)) lines.push('---' + (chance(0.3) ? ' # start' : ''));
  if (chance(0.85)) emitMap(0, 0);
  else emitSeq(0, 0);
  let text = lines.join('\n') + (chance(0.9) ? '\n' : '');
  if (chance(0.1)) text = text.replace(/\n/g, '\r\n');
  if (chance(0.05)) text = '\uFEFF' + text;
  return text;
}

const MUTATION_ALPHABET = [
  ' ', '  ', '\n', '\r\n', '\t', ':', ': ', '- ', '-', '#', ' #', '"', "'", '\\', '[', ']', '{', '}', ',', '!', '!Ref ', '!!str ',
  '&a ', '*a', '?', '|', '>', '|-', '>+', '%', '@', '`', '~', '0', 'x', 'é', '\u2028', '\u0000', '\uFEFF', '---', '...', '\\u00',
];

/** One seeded edit of the kinds that break YAML in interesting ways (structure, indentation, quoting). */
function mutate(text: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const pos = Math.floor(rnd() * (text.length + 1));
  const lines = text.split('\n');
  const li = Math.floor(rnd() * lines.length);
  switch (Math.floor(rnd() * 13)) {
    case 0:
      return text.slice(0, pos) + pick(MUTATION_ALPHABET) + text.slice(pos + 1);
    case 1:
      return text.slice(0, pos) + pick(MUTATION_ALPHABET) + text.slice(pos);
    case 2:
      return text.slice(0, pos) + text.slice(pos + 1 + Math.floor(rnd() * 3));
    case 3:
      return text.slice(0, pos);
    case 4:
      lines.splice(li, 1);
      return lines.join('\n');
    case 5:
      lines.splice(li, 0, lines[li] ?? '');
      return lines.join('\n');
    case 6: {
      const delta = pick([-3, -2, -1, 1, 2, 3]);
      const line = lines[li] ?? '';
      lines[li] = delta > 0 ? ' '.repeat(delta) + line : line.replace(new RegExp(`^ {1,${-delta}}`), '');
      return lines.join('\n');
    }
    case 7:
      if (li + 1 < lines.length) [lines[li], lines[li + 1]] = [lines[li + 1]!, lines[li]!];
      return lines.join('\n');
    case 8:
      return text.replace(/\r?\n/g, rnd() < 0.5 ? '\r\n' : '\n');
    case 9: {
      // Trailing spaces or a comment at the end of a line.
      lines[li] = (lines[li] ?? '') + pick(['  ', ' # c', '#c', ' ', '\t']);
      return lines.join('\n');
    }
    case 10: {
      // Join a line with the next one, or split one.
      if (rnd() < 0.5 && li + 1 < lines.length) {
        lines.splice(li, 2, `${lines[li]} ${lines[li + 1]!.trimStart()}`);
        return lines.join('\n');
      }
      return text.slice(0, pos) + '\n' + ' '.repeat(Math.floor(rnd() * 8)) + text.slice(pos);
    }
    case 11:
      // A comment line or an empty line at some indentation.
      lines.splice(li, 0, ' '.repeat(Math.floor(rnd() * 7)) + pick(['# c', '#', '']));
      return lines.join('\n');
    default: {
      // Replace one token (a run of non-space characters) by another from the same text.
      const tokens = text.split(/( +)/);
      const i = Math.floor(rnd() * tokens.length);
      tokens[i] = tokens[Math.floor(rnd() * tokens.length)] ?? '';
      return tokens.join('');
    }
  }
}

// ---- tests ---------------------------------------------------------------------------------------------------

const disk = diskTemplates();
const rnd0 = seededRandom(SEED);
const generated = Array.from({ length: GENERATED }, (_, i) => ({ name: `generated #${i}`, text: generateTemplate(rnd0) }));

describe('fast YAML path: differential against the general path', () => {
  it('agrees on every template on disk and reads all real ones', () => {
    const { same, declined } = assertNeverDiffers(disk);
    console.log(`templates on disk: ${same} read by the fast path, ${declined} declined, of ${disk.length}`);
    const must = disk.filter((f) => /^(examples\/|bench\/workspace\/|test\/fixtures\/cloudformation\/)/.test(f.name));
    const readCount = must.filter((f) => parseYamlFast(f.text) !== undefined).length;
    assert.ok(must.length > 0);
    assert.equal(readCount, must.length, 'every example, bench and CloudFormation fixture template is read by the fast path');
    assert.ok(same >= Math.floor(disk.length * 0.9), `the fast path reads at least 90% of the templates on disk (${same}/${disk.length})`);
  });

  it('agrees on rule examples and YAML embedded in tests', () => {
    const examples = ruleExamples();
    const embedded = embeddedYaml();
    const ex = assertNeverDiffers(examples);
    const em = assertNeverDiffers(embedded);
    console.log(`rule examples: ${ex.same}/${examples.length} read; YAML in tests: ${em.same}/${embedded.length} read`);
    assert.ok(ex.same >= examples.length * 0.95, `rule examples read: ${ex.same}/${examples.length}`);
  });

  it('agrees on the benchmark generator output and reads it', () => {
    for (const n of [1, 7, 60, 400]) assertReads(cfnTemplate(n));
  });

  it(`agrees on ${GENERATED} generated templates using every supported construct`, () => {
    const { same, declined } = assertNeverDiffers(generated);
    console.log(`generated templates: ${same} read, ${declined} declined`);
    // Some generated constructs are meant to be declined (unknown tags, `<<`, aliases, indentation
    // indicators...), so not all are read; but most are.
    assert.ok(same >= GENERATED * 0.5, `generated templates read: ${same}/${GENERATED}`);
  });

  it(`agrees on ${MUTATIONS} seeded mutations of all of the above`, () => {
    const rnd = seededRandom(SEED ^ 0x5eed);
    const pool = [...disk.filter((f) => f.text.length < 20_000), ...ruleExamples(), ...generated.slice(0, 200)];
    const inputs: { name: string; text: string }[] = [];
    for (let i = 0; i < MUTATIONS; i++) {
      const base = pool[Math.floor(rnd() * pool.length)]!;
      let text = base.text;
      const edits = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < edits; k++) text = mutate(text, rnd);
      inputs.push({ name: `mutation #${i} of ${base.name}`, text });
    }
    const { same, declined } = assertNeverDiffers(inputs);
    console.log(`mutations: ${same} read by the fast path (all identical), ${declined} declined`);
    assert.ok(same > MUTATIONS * 0.2, 'many mutations stay readable, so the comparison is exercised');
  });
});

describe('fast YAML path: constructs it reads exactly', () => {
  const cases: [string, string][] = [
    ['plain values and core-schema resolution', 'a: true\nb: 12\nc: ~\nd: yes\ne: 0x1F\nf: 0o17\ng: 1.5e3\nh: .inf\ni: -.Inf\nj: .nan\nk: 2010-09-09\nl: -0\nm: 017\nn: NULL\n'],
    ['a trailing comment', 'Type: AWS::S3::Bucket # comment\nNext: 1\n'],
    ['single-quoted with an escaped quote', "Name: 'it''s'\n"],
    ['double-quoted escapes', 'Text: "\\u00e9 \\n \\t \\x41 \\" \\\\ \\/ \\U0001F600"\n'],
    ['nested sequences', 'Seq:\n  - - a\n    - b\n  - - c\n'],
    ['compact mappings in a sequence', 'Tags:\n  - Key: a\n    Value: b\n  - Key: c\n    Value: d\n'],
    ['a sequence at its key\'s indentation', 'Policy:\n- Effect: Allow\n  Action: "*"\nNext: x\n'],
    ['!Sub with a literal block', 'UserData: !Base64\n  !Sub |\n    #!/bin/bash\n    echo ${AWS::Region}\n'.replace('!Base64\n  ', '')],
    ['empty values', 'A:\nB:   \nC: # nothing\nD: x\n'],
    ['keys with spaces and colons', 'My Key: v\nFn::If: x\n"quoted: key": y\n'],
    ['colons and hashes inside plain scalars', 'Arn: arn:aws:s3:::bucket/*\nUrl: http://x/y#frag\nA: a#b\n'],
    ['trailing spaces', 'A: value   \nB: "q"  \n'],
    ['CRLF and BOM', '\uFEFFResources:\r\n  A:\r\n    Type: AWS::S3::Bucket # c\r\n    List:\r\n      - x\r\n'],
    ['a tagged block sequence', 'Value: !If\n  - IsProd\n  - !Ref A\n  - !Ref AWS::NoValue\n'],
    ['a tagged block mapping', 'Cond: !Equals\n  a: 1\n'],
    ['tagged flow collections', 'A: !Sub ["${x}", { x: !Ref Y }]\nB: !Join [",", [a, b]]\nC: !GetAtt Bucket.Arn\nD: !GetAZs ""\nE: !GetAZs\n'],
    ['flow collections', 'A: [a, b, [c, d], {e: f}, "g", \'h\', ]\nB: { Key: V, K2: [1, 2] }\nC: []\nD: {}\nE: [k: v, x]\n'],
    ['literal and folded blocks with chomping', 'A: |\n  one\n\n  two  \n\nB: >-\n  p\n   q\n\n  r\nC: |+\n  keep\n\n\nD: >\n  a\n  b\n# after\n'],
    ['a block scalar at the end of the file without a line break', 'A: |\n  x\n  y'],
    ['a document start marker and comments', '# head\n--- # doc\nA: 1 # one\n# tail\n'],
    ['sequence items: empty, scalar, nested', '-\n- \n- a\n-\n  - b\n- k: v\n'],
    ['indentation widths of 1 and 4', 'A:\n B:\n  C: 1\nD:\n    E:\n        - f\n'],
    ['multi-line plain scalars', 'Description: a long\n  description\n\n  with a break   \n  end # c\nList:\n  - one\n    two\n  - k: x\n     y\n'],
    ['multi-line quoted scalars', 'A: "one \\u00e9\n  two  \n\n\n  three"\nB: \'it\'\'s\n  folded\'\nC: !Sub "${X}\n  -y"\n'],
    ['flow collections over several lines, with comments', 'Action: [\n  "s3:GetObject", # read\n  \'s3:List*\',\n]\nPolicy: {\n  Version: "2012-10-17",\n  Statement: [{ Effect: Allow,\n    Resource: !Sub "arn:${AWS::Partition}:s3:::b/*" }]\n}\n'],
    ['plain scalars starting with `:`, `?` or `-`', 'CidrIpv6: ::/0\nA: -1\nB: ?x\nC: [::/0, -x]\n'],
    ['a scalar on the line after its key or dash', 'Description:\n  A template that\n  does things.\nQ:\n  "quoted\n  on two lines"\nL:\n  -\n    item\n'],
    ['a tagged sequence at its key\'s indentation', 'Value: !Join\n- ","\n- - a\n  - !Ref B\nNext: 1\n'],
    [
      'a sample-style template',
      [
        'AWSTemplateFormatVersion: "2010-09-09"',
        "Description: 'Sample: a load-balanced site. **WARNING** this creates billable resources.'",
        'Parameters:',
        '  SSHLocation:',
        '    Type: String',
        '    AllowedPattern: (\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})',
        '    MinLength: "9"',
        '  LatestAmiId:',
        '    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
        'Resources:',
        '  Group:',
        '    Type: AWS::AutoScaling::AutoScalingGroup',
        '    Properties:',
        '      AvailabilityZones: !GetAZs',
        '      Packages:',
        '        yum:',
        '          httpd: []',
        '      Content: !Join',
        '        - ""',
        '        - - <img src="',
        '          - !FindInMap',
        '            - Examples',
        '            - !Ref AWS::Region',
        '          - /logo.png" alt="Logo"/>',
        '      UserData: !Base64',
        '        Fn::Sub: |',
        '          #!/bin/bash -xe   ',
        '          /opt/aws/bin/cfn-init -v --stack ${AWS::StackName} \\',
        '                   --region ${AWS::Region}',
        '',
        '          /opt/aws/bin/cfn-signal -e $? ',
        '',
        'Outputs:',
        '  URL:',
        '    Value: !Join ["", ["http://", !GetAtt Elb.DNSName]]',
        '',
      ].join('\n'),
    ],
  ];
  for (const [name, text] of cases) it(name, () => assertReads(text));

  it('keeps the node fields the fix writers use', () => {
    const text = 'Resources:\n  B:\n    Properties:\n      Tags:\n        - Key: k\n          Value: !Sub "${A}-b"\n';
    const t = parseYamlFast(text)!;
    const res = (t.root as MappingNode).pairs[0]!.value as MappingNode;
    const props = (res.pairs[0]!.value as MappingNode).pairs[0]!.value as MappingNode;
    assert.equal(props.keyColumn, 6);
    const tags = props.pairs[0]!.value as SequenceNode;
    assert.equal(tags.itemColumn, 8);
    const item = tags.items[0] as MappingNode;
    assert.equal(item.keyColumn, 10);
    const sub = item.pairs[1]!.value as ScalarNode;
    assert.equal(sub.tag, '!Sub');
    assert.equal(text.slice(sub.start, sub.end), '!Sub "${A}-b"');
    assert.equal(text.slice(sub.contentStart, sub.contentEnd), '${A}-b');
    assert.equal(sub.value, '${A}-b');
  });

  it('is what parseTemplate uses', () => {
    const text = 'A: 1\n';
    assert.deepStrictEqual(parseTemplate(text, 'cloudformation-yaml'), parseYamlFast(text));
  });
});

describe('fast YAML path: declines what it does not read', () => {
  const cases: [string, string][] = [
    ['anchors and aliases', 'a: &x {k: v}\nb: *x\n'],
    ['explicit keys', '? a\n: b\n'],
    ['directives', '%YAML 1.2\n---\na: 1\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['tabs as indentation', 'a:\n\tb: 1\n'],
    ['duplicate keys', 'A: 1\nA: 2\n'],
    ['unknown tags', 'A: !Bogus x\n'],
    ['standard tags', 'A: !!str 1\n'],
    ['a syntax error', 'A: [1, 2\nB: 1\n'],
    ['a nested mapping on the key line', 'A: b: c\n'],
    ['inconsistent indentation', 'A:\n    b: 1\n  c: 2\n'],
    ['an explicit indentation indicator', 'A: |2\n   x\n'],
    ['a flow mapping as the root', '{a: 1}\n'],
    ['a non-scalar key', '[a]: 1\n'],
    ['nesting deeper than the limit', 'Deep:\n  ' + '- '.repeat(300) + 'x\n'],
    ['only comments', '# nothing\n'],
    ['an empty file', ''],
    ['a merge key', 'a: 1\n<<: {b: 2}\n'],
    ['brackets the general path\'s depth estimate counts', 'A: x' + '['.repeat(250) + '\n'],
    ['a plain scalar continued inside a flow collection', 'A: [a\n  b]\n'],
    ['a flow collection closing left of its key', 'A:\n  B: [a,\n  b,\n ]\n'],
    ['a tag on its own line before a scalar', 'A: !Ref\n  value\n'],
    ['a continuation line that looks like a key', 'A: one\n  two: x\n'],
    ['a quoted scalar closing at the key\'s indentation', 'A: "one\ntwo"\n'],
    ['control characters', 'A: "\u0001"\n'],
    ['a lone carriage return', 'A: 1\rB: 2\n'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      assert.equal(parseYamlFast(text), undefined);
      // …and the public entry point still gives the general path's full answer.
      assert.deepStrictEqual(parseTemplate(text, 'cloudformation-yaml'), parseYamlTemplateSlow(text));
    });
  }
});
