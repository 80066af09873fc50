// Builds the matrix from an analysis (CLI and language server): declared resources, their findings, and the
// customer-side team from `.demarc.yaml` owners.
import picomatch from 'picomatch';
import { ProviderRegions, type ResourceRegion } from '../engine/account/region';
import type { AnalysisResult, UnitResult } from '../engine/analyze';
import type { LineIndex } from '../engine/text';
import type { OwnerEntry, ProjectConfig } from '../engine/config';
import type { SourceResource } from '../engine/source';
import type { Finding } from '../engine/types';
import { field, type Val } from '../engine/evaluate/value';
import { explainResource } from '../engine/responsibility/explain';
import { buildMatrix, type MatrixAccount, type MatrixData, type MatrixInput, type MatrixMeta } from './matrix';

/** Tags as written: Terraform `tags = { K = "v" }`, CloudFormation `Tags: [{Key, Value}]`; unknown values are skipped. */
export function resourceTags(r: SourceResource): Record<string, string> {
  const out: Record<string, string> = {};
  const tf = field(r.body, 'tags');
  if (tf?.kind === 'object') for (const [k, f] of tf.fields) if (f.value.kind === 'string') out[k] = f.value.value;
  const cfn = field(r.body, 'Tags');
  if (cfn?.kind === 'list') {
    for (const item of cfn.items) {
      const k: Val | undefined = field(item, 'Key');
      const v: Val | undefined = field(item, 'Value');
      if (k?.kind === 'string' && v?.kind === 'string') out[k.value] = v.value;
    }
  }
  return out;
}

/** The first `owners` entry matching the resource's file (glob relative to `root`) or one of its tags. */
export function teamFor(r: SourceResource, owners: readonly OwnerEntry[], root: string): string | undefined {
  const base = root.endsWith('/') ? root : root + '/';
  const rel = r.file.startsWith(base) ? r.file.slice(base.length) : r.file;
  let tags: Record<string, string> | undefined;
  for (const o of owners) {
    if (o.path !== undefined) {
      const p = o.path.replace(/^\.\//, '').replace(/\/+$/, '');
      if (picomatch([p, `${p}/**`], { dot: true })(rel)) return o.team;
    }
    if (o.tag !== undefined) {
      const eq = o.tag.indexOf('=');
      const key = o.tag.slice(0, eq);
      const value = o.tag.slice(eq + 1);
      tags ??= resourceTags(r);
      if (tags[key] === value) return o.team;
    }
  }
  return undefined;
}

export interface FromAnalysisOptions {
  /** Account facts per resource type and Region the code gives it (from the account module), and the account row. */
  accountFacts?: (resourceType: string, region: ResourceRegion) => { layer: import('../engine/responsibility/types').Layer; text: string; verified?: boolean }[];
  account?: MatrixAccount;
  cwd: string;
  config?: ProjectConfig;
  title?: string;
  roots: string[];
  generatedAt?: string;
  ruleRan?: (ruleId: string) => boolean;
}

function relativePath(file: string, cwd: string): string {
  const base = cwd.endsWith('/') ? cwd : cwd + '/';
  return file.startsWith(base) ? file.slice(base.length) : file;
}

/** The matrix of an analysis: declared resources (companions folded into their parents), their findings and owners. */
export function matrixFromAnalysis(result: AnalysisResult, opts: FromAnalysisOptions): MatrixData {
  return matrixFromInputs(
    result.units.flatMap((unit) => matrixInputsOfUnit(unit, opts, (file) => result.files.get(file)?.lines)),
    opts,
  );
}

/** The matrix rows of one unit's resources, so a large workspace can be reported unit by unit without keeping models. */
export function matrixInputsOfUnit(unit: UnitResult, opts: FromAnalysisOptions, otherLines?: (file: string) => LineIndex | undefined): MatrixInput[] {
  const partsOf = new Map<string, SourceResource[]>();
  const folded = new Set<SourceResource>();
  for (const m of unit.resources) {
    const parts = m.parts.filter((p) => p !== m.source);
    for (const p of parts) folded.add(p);
    if (parts.length) partsOf.set(`${m.source.file}\u0000${m.source.address}`, parts);
  }
  const inputs: MatrixInput[] = [];
  const lines = (file: string) => unit.files.find((f) => f.path === file)?.lines ?? otherLines?.(file);
  // A resource's card takes its own findings (explainResource keeps those on its address) in its own file and its
  // companions' files: grouped by address once per unit, in the unit's order, rather than filtered for every resource.
  const findingsOf = new Map<string, Finding[]>();
  for (const f of unit.findings) {
    if (f.resource === undefined) continue;
    const list = findingsOf.get(f.resource);
    if (list) list.push(f);
    else findingsOf.set(f.resource, [f]);
  }
  const findingsFor = (r: SourceResource, parts: SourceResource[]): Finding[] => {
    const all = findingsOf.get(r.address) ?? [];
    if (parts.length === 0) return all.filter((f) => f.file === r.file);
    const files = new Set([r.file, ...parts.map((p) => p.file)]);
    return all.filter((f) => files.has(f.file));
  };
  const regions = opts.accountFacts ? new ProviderRegions(unit.sourceResources) : undefined;
  for (const r of unit.sourceResources) {
    if (r.mode !== 'resource' || folded.has(r)) continue;
    const parts = partsOf.get(`${r.file}\u0000${r.address}`) ?? [];
    const owner = opts.config?.owners.length ? teamFor(r, opts.config.owners, opts.config.root) : undefined;
    const context: Parameters<typeof explainResource>[2] = { lines, partTypes: parts.map((p) => p.type) };
    if (owner) context.owner = owner;
    if (opts.ruleRan) context.ruleRan = opts.ruleRan;
    if (opts.accountFacts) context.accountFacts = opts.accountFacts(r.type, regions!.of(r));
    const explanation = explainResource(r, findingsFor(r, parts), context);
    const index = lines(r.file);
    const range = index ? index.rangeOf(r.headerSpan.start, r.headerSpan.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const input: MatrixInput = { explanation, format: r.format, file: r.file, displayFile: relativePath(r.file, opts.cwd), range };
    if (owner) input.team = owner;
    inputs.push(input);
  }
  return inputs;
}

/** The title, roots, time and owner setting of a matrix made with these options. */
export function matrixMeta(opts: FromAnalysisOptions): MatrixMeta {
  const meta: MatrixMeta = { roots: opts.roots, ownersConfigured: (opts.config?.owners.length ?? 0) > 0 };
  if (opts.title) meta.title = opts.title;
  if (opts.generatedAt) meta.generatedAt = opts.generatedAt;
  return meta;
}

/** The matrix of rows gathered with matrixInputsOfUnit. */
export function matrixFromInputs(inputs: MatrixInput[], opts: FromAnalysisOptions): MatrixData {
  const data = buildMatrix(inputs, matrixMeta(opts));
  if (opts.account) data.account = opts.account;
  return data;
}
