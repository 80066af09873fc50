// Assembles the typed data (data/*.ts) once into lookups by Terraform and CloudFormation type name.
import { LAYERS, type AttributeFact, type Layer, type LayerDuty, type Lever, type LeverSite, type ResourceResponsibility, type ServiceModel } from './types';
import { ENTRIES, SERVICE_NAMES, type EntrySpec } from './data/entries';
import { FACTS, type FactSpec } from './data/attributes';
import { PROFILES, type Profile } from './data/profiles';
import { SERVICE_SECURITY, SRM, cfnPage } from './data/sources';
import { editDistance } from '../util/edit-distance';

const MODEL_OF_PROFILE: Record<Profile, ServiceModel> = {
  compute: 'infrastructure',
  network: 'infrastructure',
  managed: 'container',
  data: 'abstracted',
  serverless: 'abstracted',
  control: 'abstracted',
};

function site(spec: string | null): LeverSite | undefined {
  if (!spec) return undefined;
  const i = spec.indexOf(' ');
  return i < 0 ? { type: spec, path: '' } : { type: spec.slice(0, i), path: spec.slice(i + 1) };
}

function buildFact(spec: FactSpec, seen: Set<string>): AttributeFact {
  const terraform = site(spec.tf);
  const cloudformation = site(spec.cfn);
  const first = terraform ?? cloudformation!;
  const sources = [...(spec.src ?? [])];
  if (cloudformation) sources.push(cfnPage(cloudformation.type));
  const fact: AttributeFact = {
    // One setting can carry two duties (a bucket policy: who may access, and TLS only); the second gets the layer in its id.
    id: seen.has(`${first.type}:${first.path}`) ? `${first.type}:${first.path}#${spec.layer}` : `${first.type}:${first.path}`,
    layer: spec.layer,
    owner: spec.owner ?? 'customer',
    controls: spec.controls,
    whenOmitted: spec.omitted,
    ruleIds: [...(spec.rules ?? [])],
    controlIds: [...(spec.sh ?? [])],
    sources: [...new Set(sources)],
  };
  if (terraform) fact.terraform = terraform;
  if (cloudformation) fact.cloudformation = cloudformation;
  if (spec.secure !== undefined) fact.secureValue = spec.secure;
  if (spec.changed) fact.defaultChanged = spec.changed;
  return fact;
}

function buildEntry(e: EntrySpec, facts: AttributeFact[], primaryTfForCfn: Map<string, string>): ResourceResponsibility {
  const serviceName = SERVICE_NAMES[e.svc] ?? e.svc;
  const relation = e.cfn === null ? 'none' : (e.rel ?? 'same');
  const isPrimary = e.cfn !== null && primaryTfForCfn.get(e.cfn) === e.tf;
  // A primary twin also collects the CloudFormation side of facts that Terraform keeps on companion types.
  const cfnNames = isPrimary ? [e.cfn!, ...(e.also ?? [])] : (e.also ?? []);
  const attributes = facts.filter((f) => f.terraform?.type === e.tf || (f.cloudformation !== undefined && cfnNames.includes(f.cloudformation.type)));
  const template = PROFILES[e.profile];
  const layers = {} as Record<Layer, LayerDuty>;
  for (const layer of LAYERS) {
    const [owner, why, applies] = e.layers?.[layer] ?? template[layer];
    const levers: Lever[] = attributes
      .filter((f) => f.layer === layer)
      .map((f) => {
        const lever: Lever = { ruleIds: f.ruleIds, factId: f.id };
        if (f.terraform) lever.terraform = f.terraform;
        if (f.cloudformation) lever.cloudformation = f.cloudformation;
        return lever;
      });
    layers[layer] = { owner, why: why.replaceAll('{svc}', serviceName), applies: applies ?? true, levers };
  }
  const sources = [...(e.src ?? [])];
  if (e.cfn) sources.unshift(cfnPage(e.cfn));
  const security = SERVICE_SECURITY[e.svc];
  if (security) sources.push(security);
  sources.push(SRM);
  const entry: ResourceResponsibility = {
    terraform: e.tf,
    cloudformation: e.cfn,
    cloudformationRelation: relation,
    service: e.svc,
    serviceName,
    serviceModel: e.model ?? MODEL_OF_PROFILE[e.profile],
    summary: { aws: e.aws, customer: e.you },
    layers,
    attributes,
    sources: [...new Set(sources)],
  };
  if (e.also) entry.alsoCloudFormation = [...e.also];
  if (e.parent) entry.parent = e.parent;
  if (e.note) entry.note = e.note;
  return entry;
}

interface Index {
  entries: ResourceResponsibility[];
  byTerraform: Map<string, ResourceResponsibility>;
  byCloudFormation: Map<string, ResourceResponsibility>;
  byLowerName: Map<string, ResourceResponsibility>;
}

let built: Index | undefined;

/** Built on first use, so starting the CLI or the server costs nothing until a card is asked for. */
function index(): Index {
  if (built) return built;
  const seen = new Set<string>();
  const facts: AttributeFact[] = FACTS.map((spec) => {
    const fact = buildFact(spec, seen);
    seen.add(fact.id);
    return fact;
  });
  // The entry that answers for a CloudFormation type: the first `same` twin, in data order.
  const primaryTfForCfn = new Map<string, string>();
  for (const e of ENTRIES) {
    if (e.cfn && (e.rel ?? 'same') === 'same' && !primaryTfForCfn.has(e.cfn)) primaryTfForCfn.set(e.cfn, e.tf);
  }
  for (const e of ENTRIES) for (const c of e.also ?? []) if (!primaryTfForCfn.has(c)) primaryTfForCfn.set(c, e.tf);
  const entries = ENTRIES.map((e) => buildEntry(e, facts, primaryTfForCfn));
  const byTerraform = new Map(entries.map((e) => [e.terraform, e]));
  const byCloudFormation = new Map<string, ResourceResponsibility>();
  for (const [cfn, tf] of primaryTfForCfn) byCloudFormation.set(cfn, byTerraform.get(tf)!);
  const byLowerName = new Map<string, ResourceResponsibility>();
  for (const [k, v] of [...byTerraform, ...byCloudFormation]) byLowerName.set(k.toLowerCase(), v);
  built = { entries, byTerraform, byCloudFormation, byLowerName };
  return built;
}

/** Terraform (`aws_s3_bucket`, `data.aws_iam_policy_document`) or CloudFormation (`AWS::S3::Bucket`) type name. */
export function getResourceResponsibility(typeName: string): ResourceResponsibility | undefined {
  const name = typeName.trim().replace(/^data\./, '');
  const { byTerraform, byCloudFormation, byLowerName } = index();
  return byTerraform.get(name) ?? byCloudFormation.get(name) ?? byLowerName.get(name.toLowerCase());
}

export function allResourceResponsibilities(): readonly ResourceResponsibility[] {
  return index().entries;
}

/** Every Terraform and CloudFormation name the knowledge base answers to. */
export function allTypeNames(): string[] {
  const { byTerraform, byCloudFormation } = index();
  return [...byTerraform.keys(), ...byCloudFormation.keys()];
}

export function isCloudFormationType(typeName: string): boolean {
  return typeName.includes('::');
}

/** All names of one entry: Terraform, CloudFormation twin and aliases. */
export function namesOf(entry: ResourceResponsibility): string[] {
  const names = [entry.terraform];
  if (entry.cloudformation) names.push(entry.cloudformation);
  names.push(...(entry.alsoCloudFormation ?? []));
  return names;
}

function normalizePath(path: readonly (string | number)[]): string[] {
  return path.map(String).filter((s) => s !== '*' && !/^\d+$/.test(s));
}

/**
 * The fact for an attribute path on a type, in the tool's own naming. A path deeper than any known attribute
 * (a key inside a policy document) answers with the closest enclosing attribute.
 */
export function getAttributeFact(typeName: string, path: readonly (string | number)[]): AttributeFact | undefined {
  const entry = getResourceResponsibility(typeName);
  if (!entry) return undefined;
  const cfn = isCloudFormationType(typeName);
  const wanted = normalizePath(path);
  let best: AttributeFact | undefined;
  let bestLength = 0;
  for (const f of entry.attributes) {
    const s = cfn ? f.cloudformation : f.terraform;
    if (!s) continue;
    if (cfn ? !namesOf(entry).includes(s.type) : s.type !== entry.terraform) continue;
    const factPath = s.path.split('.').filter((p) => p !== '*' && p !== '');
    if (factPath.length > wanted.length || factPath.length <= bestLength) continue;
    if (factPath.every((p, i) => p === wanted[i])) {
      best = f;
      bestLength = factPath.length;
    }
  }
  return best;
}

/** Closest known type names, for "did you mean" suggestions. */
export function suggestTypeNames(typeName: string, max = 5): string[] {
  const q = typeName.toLowerCase();
  const scored = allTypeNames().map((n) => {
    const l = n.toLowerCase();
    let score = editDistance(q, l);
    if (l.includes(q) || q.includes(l)) score = Math.min(score, Math.abs(l.length - q.length) / 4);
    return { n, score };
  });
  scored.sort((a, b) => a.score - b.score || a.n.localeCompare(b.n));
  return scored.slice(0, max).map((s) => s.n);
}

