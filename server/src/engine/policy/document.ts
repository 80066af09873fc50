// IAM policy documents from every source (JSON strings, heredocs, jsonencode, aws_iam_policy_document,
// CloudFormation PolicyDocument objects) normalized into one statement model with spans.
import type { Val } from '../evaluate/value';
import type { Span } from '../types';
import { parseJsonToVal } from '../parse/json-value';

export interface PolicyString {
  value: string;
  /** Where it is written; undefined when the piece came from a non-literal. */
  span?: Span;
  /** True when the piece is not statically known (a reference, an unknown variable). */
  unknown?: boolean;
}

export interface PolicyPrincipal {
  /** `*` (anyone), `AWS`, `Service`, `Federated`, `CanonicalUser`. */
  type: string;
  values: PolicyString[];
}

export interface PolicyStatement {
  sid?: string;
  effect: 'Allow' | 'Deny' | 'unknown';
  actions: PolicyString[];
  notActions: PolicyString[];
  resources: PolicyString[];
  notResources: PolicyString[];
  /** Undefined for identity policies (no Principal element). */
  principals?: PolicyPrincipal[];
  notPrincipals?: PolicyPrincipal[];
  /** Condition block as written (operator → key → values); undefined when absent. */
  condition?: Val;
  /** True when some part of the statement could not be read statically: rules stay silent on what they cannot see. */
  partial: boolean;
  span?: Span;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
  span?: Span;
  /** Set when the document as a whole is not statically known. */
  unknownReason?: string;
}

/** Reads a policy from an evaluated value: an object, a JSON string (with `json` attached or parsed here), or unknown. */
export function policyFromVal(val: Val | undefined): PolicyDocument | undefined {
  if (!val || val.kind === 'null') return undefined;
  if (val.kind === 'unknown') return { statements: [], span: val.span, unknownReason: val.reason ?? 'not statically known' };
  if (val.kind === 'string') {
    if (val.json) return policyFromVal(withFallbackSpans(val.json, val.span));
    const parsed = parseJsonToVal(val.value, val.span?.file ?? '');
    if (!parsed.value || parsed.errors.length > 0) return { statements: [], span: val.span, unknownReason: 'policy is not valid JSON' };
    // Offsets inside an escaped string literal do not map back reliably: point every piece at the string itself.
    return policyFromVal(respan(parsed.value, val.span));
  }
  if (val.kind !== 'object') return { statements: [], span: val.span, unknownReason: 'policy is not an object' };
  const stmtVal = getField(val, 'Statement');
  const items = stmtVal === undefined ? [] : stmtVal.kind === 'list' ? stmtVal.items : [stmtVal];
  const statements: PolicyStatement[] = [];
  for (const item of items) {
    if (item.kind === 'object') statements.push(readStatement(item));
    else if (item.kind === 'unknown') statements.push(unknownStatement(item.span));
  }
  const doc: PolicyDocument = { statements, span: val.span };
  if (stmtVal?.kind === 'unknown') doc.unknownReason = stmtVal.reason ?? 'statements not statically known';
  return doc;
}

function unknownStatement(span?: Span): PolicyStatement {
  return { effect: 'unknown', actions: [], notActions: [], resources: [], notResources: [], partial: true, span };
}

/** JSON keys in policies are case-sensitive in AWS, but generated documents vary; accept exact, then case-insensitive. */
function getField(obj: Val, key: string): Val | undefined {
  if (obj.kind !== 'object') return undefined;
  const exact = obj.fields.get(key);
  if (exact) return exact.value;
  const lower = key.toLowerCase();
  for (const [k, f] of obj.fields) if (k.toLowerCase() === lower) return f.value;
  return undefined;
}

function readStatement(obj: Val & { kind: 'object' }): PolicyStatement {
  let partial = false;
  const strings = (key: string): PolicyString[] => {
    const v = getField(obj, key);
    const out = readStrings(v);
    if (out.some((s) => s.unknown) || v?.kind === 'unknown') partial = true;
    return out;
  };
  const effectVal = getField(obj, 'Effect');
  let effect: PolicyStatement['effect'] = 'unknown';
  if (effectVal?.kind === 'string') effect = effectVal.value === 'Deny' ? 'Deny' : effectVal.value === 'Allow' ? 'Allow' : 'unknown';
  if (effect === 'unknown') partial = true;
  const sidVal = getField(obj, 'Sid');
  const st: PolicyStatement = {
    effect,
    actions: strings('Action'),
    notActions: strings('NotAction'),
    resources: strings('Resource'),
    notResources: strings('NotResource'),
    partial: false,
    span: obj.span,
  };
  if (sidVal?.kind === 'string') st.sid = sidVal.value;
  const principal = getField(obj, 'Principal');
  if (principal) {
    st.principals = readPrincipals(principal);
    if (principal.kind === 'unknown') partial = true;
  }
  const notPrincipal = getField(obj, 'NotPrincipal');
  if (notPrincipal) st.notPrincipals = readPrincipals(notPrincipal);
  const condition = getField(obj, 'Condition');
  if (condition && condition.kind !== 'null') st.condition = condition;
  st.partial = partial || st.principals?.some((p) => p.values.some((v) => v.unknown)) === true;
  return st;
}

function readStrings(v: Val | undefined): PolicyString[] {
  if (!v || v.kind === 'null') return [];
  if (v.kind === 'list') return v.items.flatMap((i) => readStrings(i));
  if (v.kind === 'string') return [{ value: v.value, span: v.span }];
  if (v.kind === 'unknown') return [{ value: '', span: v.span, unknown: true }];
  return [{ value: '', span: v.span, unknown: true }];
}

function readPrincipals(v: Val): PolicyPrincipal[] {
  if (v.kind === 'string') return [{ type: v.value === '*' ? '*' : 'AWS', values: [{ value: v.value, span: v.span }] }];
  if (v.kind === 'object') return [...v.fields].map(([type, f]) => ({ type, values: readStrings(f.value) }));
  return [{ type: 'unknown', values: [{ value: '', span: v.span, unknown: true }] }];
}

/** Gives every node without a span the fallback span (the string literal that held the JSON). */
function withFallbackSpans(v: Val, span: Span | undefined): Val {
  if (!span || v.span) return v;
  return respan(v, span);
}

function respan(v: Val, span: Span | undefined): Val {
  if (!span) return v;
  switch (v.kind) {
    case 'list':
      return { ...v, span, items: v.items.map((i) => respan(i, span)) };
    case 'object': {
      const fields = new Map([...v.fields].map(([k, f]) => [k, { key: f.key, keySpan: span, value: respan(f.value, span) }]));
      return { ...v, span, fields };
    }
    default:
      return { ...v, span };
  }
}

// ---- matching ----

/** IAM wildcard match (`*`, `?`), case-insensitive as IAM treats action names. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const s = value.toLowerCase();
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === s[si])) {
      pi++;
      si++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = si;
    } else if (star !== -1) {
      pi = star + 1;
      si = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** The action patterns in the statement that grant `action` (e.g. `ec2:RunInstances` is granted by `ec2:*`, `*`, `ec2:Run*`). */
export function actionsGranting(st: PolicyStatement, action: string): PolicyString[] {
  if (st.notActions.length > 0) {
    // NotAction with Allow grants everything not listed.
    const excluded = st.notActions.some((a) => !a.unknown && wildcardMatch(a.value, action));
    return excluded || st.notActions.some((a) => a.unknown) ? [] : st.notActions;
  }
  return st.actions.filter((a) => !a.unknown && wildcardMatch(a.value, action));
}

/** True when the statement applies to every resource (`Resource: "*"`, or NotResource). */
export function coversAllResources(st: PolicyStatement): boolean {
  if (st.notResources.length > 0) return true;
  return st.resources.some((r) => !r.unknown && r.value === '*');
}

export function isAllow(st: PolicyStatement): boolean {
  return st.effect === 'Allow';
}

/** Principals that mean "anyone": `"*"`, `{"AWS": "*"}`. */
export function isPublicPrincipal(st: PolicyStatement): boolean {
  return (st.principals ?? []).some((p) => (p.type === '*' || p.type === 'AWS') && p.values.some((v) => !v.unknown && v.value === '*'));
}

/** First span among the statement's elements, to report on. */
export function statementSpan(st: PolicyStatement, prefer: PolicyString[] = []): Span | undefined {
  return prefer.find((p) => p.span)?.span ?? st.span;
}
