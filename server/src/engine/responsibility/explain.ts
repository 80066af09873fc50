// The responsibility card: for one declared resource, which duties are AWS's, which are the customer's, and
// whether the code meets the customer's part (from the rules that ran and their findings).
import type { Finding, Severity, Span } from '../types';
import type { SourceResource } from '../source';
import type { Val } from '../evaluate/value';
import type { LineIndex } from '../text';
import type { RuleMeta } from '../rules/meta';
import { allRules } from '../rules/registry';
import { getAttributeFact, getResourceResponsibility, namesOf } from './kb';
import { LAYERS, LAYER_TITLES, SERVICE_MODEL_TITLES, type AttributeFact, type Layer, type Lever, type Owner, type ServiceModel } from './types';

export type LayerStatus = 'met' | 'not-met' | 'not-checked' | 'verified-in-account';

export interface FindingRef {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  /** 1-based. */
  line: number;
  /** 0-based, for editors. */
  range: Finding['range'];
}

export interface LayerCard {
  layer: Layer;
  title: string;
  owner: Owner;
  why: string;
  status: LayerStatus;
  /** Rules that check this layer for this type (whether or not they found anything). */
  rules: string[];
  findings: FindingRef[];
  levers: Lever[];
  /** What the connected account showed for this layer. */
  accountFacts: string[];
}

export interface ResourceExplanation {
  /** The declared resource, when the card is for one (absent for `demarc explain <type>`). */
  resource?: { address: string; type: string; name: string; file: string; format: 'terraform' | 'cloudformation'; line?: number; range?: Finding['range'] };
  /** The type name asked for. */
  type: string;
  known: boolean;
  terraform?: string;
  cloudformation?: string | null;
  note?: string;
  service?: string;
  serviceName?: string;
  serviceModel?: ServiceModel;
  serviceModelTitle?: string;
  summary?: { aws: string; customer: string };
  /** "AWS secures … · You secure …" */
  line: string;
  /** Layers the customer carries alone or with AWS (and that apply to this resource), bottom to top. */
  layers: LayerCard[];
  /** Layers AWS carries alone. */
  awsLayers: { layer: Layer; title: string; why: string }[];
  /** Layers with no meaning for this type. */
  notApplicable: Layer[];
  counts: Record<LayerStatus, number>;
  /** Findings on the resource that belong to no customer layer of the card (unknown rule, other layer). */
  otherFindings: FindingRef[];
  /** Findings suppressed in code, for the record. */
  suppressed: number;
  /** The customer-side team from `.demarc.yaml` owners. */
  owner?: string;
  links: string[];
}

export interface ExplainContext {
  /**
   * What the connected account shows per layer. A fact verifies its layer unless `verified` is false (the account
   * setting is off, or could not be read): such facts are still listed, so the card never implies coverage.
   */
  accountFacts?: { layer: Layer; text: string; verified?: boolean }[];
  owner?: string;
  /** Rules to consider (default: the registry). */
  rules?: readonly { meta: Pick<RuleMeta, 'id' | 'responsibility'> }[];
  /** Whether a rule ran in this analysis (rules switched off in config did not); default: all ran. */
  ruleRan?: (ruleId: string) => boolean;
  /** Types of companion resources joined into this one (aws_s3_bucket_versioning…), whose rules count too. */
  partTypes?: string[];
  /** To turn spans into line numbers. */
  lines?: (file: string) => LineIndex | undefined;
}

export interface ExplainAttributeOptions {
  lines?: (file: string) => LineIndex | undefined;
  /** Shown paths are made relative to this folder. */
  root?: string;
}

export interface AttributeExplanation {
  type: string;
  path: string[];
  fact: AttributeFact;
  layer: Layer;
  layerTitle: string;
  owner: Owner;
  controls: string;
  whenOmitted: string;
  defaultChanged?: { date: string; change: string };
  secureValue?: string;
  ruleIds: string[];
  controlIds: string[];
  sources: string[];
  /** The value as written or derived, or absent. */
  value: {
    origin: 'explicit' | 'derived' | 'default' | 'unknown';
    display: string;
    /** `file:line` where it is written (use site). */
    at?: string;
    /** `file:line` of each step the value came through, the last being where the literal is. */
    via: string[];
    reason?: string;
  };
}

type RuleList = readonly { meta: Pick<RuleMeta, 'id' | 'responsibility'> }[];

const layerIndexes = new WeakMap<RuleList, Map<string, Layer>>();

/** Rule id → layer; made once per rule list (a report explains tens of thousands of resources with one list). */
function ruleLayerIndex(rules: RuleList): Map<string, Layer> {
  let m = layerIndexes.get(rules);
  if (!m) layerIndexes.set(rules, (m = new Map(rules.map((r) => [r.meta.id, r.meta.responsibility.layer]))));
  return m;
}

function lineOf(span: Span | undefined, lines?: (file: string) => LineIndex | undefined): number | undefined {
  if (!span) return undefined;
  const idx = lines?.(span.file);
  return idx ? idx.positionAt(span.start).line + 1 : undefined;
}

function findingRef(f: Finding): FindingRef {
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, file: f.file, line: f.range.start.line + 1, range: f.range };
}

/** "AWS secures … · You secure …" */
export function responsibilityLine(summary: { aws: string; customer: string }): string {
  return `AWS secures ${summary.aws} · You secure ${summary.customer}`;
}

/**
 * The card for a resource, or for a bare type when `resource` only carries a type (as `demarc explain` does).
 * Findings not on this resource's address are ignored, so callers may pass all findings of a file.
 */
export function explainResource(resource: SourceResource | { type: string }, findings: readonly Finding[], context: ExplainContext = {}): ResourceExplanation {
  const declared = 'address' in resource ? resource : undefined;
  const entry = getResourceResponsibility(resource.type);
  const rules = context.rules ?? allRules();
  const layerOfRule = ruleLayerIndex(rules);
  const ran = context.ruleRan ?? (() => true);
  const mine = declared ? findings.filter((f) => f.resource === declared.address) : [];
  const live = mine.filter((f) => !f.suppressedBy);
  const links: string[] = [];

  const base: ResourceExplanation = {
    type: resource.type,
    known: entry !== undefined,
    line: '',
    layers: [],
    awsLayers: [],
    notApplicable: [],
    counts: { met: 0, 'not-met': 0, 'not-checked': 0, 'verified-in-account': 0 },
    otherFindings: [],
    suppressed: mine.length - live.length,
    links,
  };
  if (declared) {
    base.resource = { address: declared.address, type: declared.type, name: declared.name, file: declared.file, format: declared.format };
    const idx = context.lines?.(declared.file);
    if (idx) {
      base.resource.range = idx.rangeOf(declared.headerSpan.start, declared.headerSpan.end);
      base.resource.line = base.resource.range.start.line + 1;
    }
  }
  if (context.owner) base.owner = context.owner;
  if (!entry) {
    base.line = `Demarc's knowledge base does not cover ${resource.type} yet; the AWS shared responsibility model still applies.`;
    base.otherFindings = live.map(findingRef);
    links.push('https://aws.amazon.com/compliance/shared-responsibility-model/');
    return base;
  }

  const names = new Set([...namesOf(entry), resource.type, ...(context.partTypes ?? [])]);
  for (const p of context.partTypes ?? []) {
    const part = getResourceResponsibility(p);
    if (part) for (const n of namesOf(part)) names.add(n);
  }
  const checking = new Map<Layer, string[]>();
  for (const r of rules) {
    const resp = r.meta.responsibility;
    if (!ran(r.meta.id) || !resp.resourceTypes.some((t) => names.has(t))) continue;
    const list = checking.get(resp.layer) ?? [];
    list.push(r.meta.id);
    checking.set(resp.layer, list);
  }

  const used = new Set<Finding>();
  for (const layer of LAYERS) {
    const duty = entry.layers[layer];
    if (!duty.applies) {
      base.notApplicable.push(layer);
      continue;
    }
    if (duty.owner === 'aws') {
      base.awsLayers.push({ layer, title: LAYER_TITLES[layer], why: duty.why });
      continue;
    }
    const layerFindings = live.filter((f) => layerOfRule.get(f.ruleId) === layer);
    for (const f of layerFindings) used.add(f);
    const layerFacts = (context.accountFacts ?? []).filter((a) => a.layer === layer);
    const accountFacts = layerFacts.map((a) => a.text);
    const verified = layerFacts.some((a) => a.verified !== false);
    const rulesHere = checking.get(layer) ?? [];
    // A finding the account posture downgraded to info (the account enforces what the code leaves out) does not fail
    // a layer the account verifies; explicit insecure values keep their severity and still do.
    const blocking = layerFindings.filter((f) => !(verified && f.severity === 'info'));
    // A bare type has no code to judge: every layer stays "not checked" and the card lists the rules that would check it.
    const status: LayerStatus = !declared
      ? 'not-checked'
      : blocking.length > 0 ? 'not-met' : verified ? 'verified-in-account' : rulesHere.length > 0 ? 'met' : 'not-checked';
    base.counts[status]++;
    base.layers.push({
      layer,
      title: LAYER_TITLES[layer],
      owner: duty.owner,
      why: duty.why,
      status,
      rules: rulesHere,
      findings: layerFindings.map(findingRef),
      levers: duty.levers,
      accountFacts,
    });
  }
  base.otherFindings = live.filter((f) => !used.has(f)).map(findingRef);
  base.terraform = entry.terraform;
  base.cloudformation = entry.cloudformation;
  if (entry.note) base.note = entry.note;
  base.service = entry.service;
  base.serviceName = entry.serviceName;
  base.serviceModel = entry.serviceModel;
  base.serviceModelTitle = SERVICE_MODEL_TITLES[entry.serviceModel];
  base.summary = entry.summary;
  base.line = responsibilityLine(entry.summary);
  links.push(...entry.sources);
  return base;
}

function relative(file: string, root?: string): string {
  if (root && file.startsWith(root.endsWith('/') ? root : root + '/')) return file.slice(root.length + (root.endsWith('/') ? 0 : 1));
  return file;
}

function where(span: Span | undefined, opts: ExplainAttributeOptions): string | undefined {
  if (!span) return undefined;
  const line = lineOf(span, opts.lines);
  return line === undefined ? relative(span.file, opts.root) : `${relative(span.file, opts.root)}:${line}`;
}

/** Short, single-line rendering of a value for hovers. */
export function displayVal(v: Val | undefined): string {
  if (!v) return 'not set';
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value.length > 80 ? v.value.slice(0, 77) + '…' : v.value);
    case 'number':
    case 'bool':
      return String(v.value);
    case 'null':
      return 'null';
    case 'list':
      return v.items.length <= 3 && v.items.every((i) => i.kind !== 'object' && i.kind !== 'list')
        ? `[${v.items.map(displayVal).join(', ')}]`
        : `list of ${v.items.length}`;
    case 'object':
      return v.block ? 'block' : `object with ${v.fields.size} key${v.fields.size === 1 ? '' : 's'}`;
    case 'unknown':
      return v.reason ? `unknown (${v.reason})` : 'unknown';
  }
}

/** Meaning, default, owner and origin of one attribute; undefined when the knowledge base has no fact for it. */
export function explainAttribute(resource: SourceResource | { type: string }, path: string[], value: Val | undefined, opts: ExplainAttributeOptions = {}): AttributeExplanation | undefined {
  const fact = getAttributeFact(resource.type, path);
  if (!fact) return undefined;
  const origin = value === undefined ? 'default' : value.origin;
  const e: AttributeExplanation = {
    type: resource.type,
    path,
    fact,
    layer: fact.layer,
    layerTitle: LAYER_TITLES[fact.layer],
    owner: fact.owner,
    controls: fact.controls,
    whenOmitted: fact.whenOmitted,
    ruleIds: fact.ruleIds,
    controlIds: fact.controlIds,
    sources: fact.sources,
    value: { origin, display: value === undefined ? 'not set — the AWS default applies' : displayVal(value), via: [] },
  };
  if (fact.defaultChanged) e.defaultChanged = fact.defaultChanged;
  if (fact.secureValue !== undefined) e.secureValue = fact.secureValue;
  if (value) {
    const at = where(value.span, opts);
    if (at) e.value.at = at;
    for (const s of value.via ?? []) {
      const w = where(s, opts);
      if (w) e.value.via.push(w);
    }
    if (value.kind === 'unknown' && value.reason) e.value.reason = value.reason;
  }
  return e;
}
