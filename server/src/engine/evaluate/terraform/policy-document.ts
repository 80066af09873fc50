// `data "aws_iam_policy_document"` → the IAM JSON document Terraform would render, as a Val whose pieces keep
// the spans of the HCL attributes they came from. Policy rules then read one shape (StringVal.json) whether
// the policy was a heredoc, jsonencode() or this data source.
import type { Span } from '../../types';
import type { Field, ListVal, ObjectVal, Val } from '../value';
import { asList, field } from '../value';
import { list, str, unknownFrom } from './vals';

const STATEMENT_KEYS: [hcl: string, json: string][] = [
  ['sid', 'Sid'],
  ['effect', 'Effect'],
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
];

function put(fields: Map<string, Field>, key: string, value: Val, keySpan?: Span): void {
  const f: Field = { key, value };
  if (keySpan) f.keySpan = keySpan;
  fields.set(key, f);
}

/**
 * Builds `{ Version, Statement: [...] }` from the evaluated body of the data source. Known documents in
 * `source_policy_documents` / `override_policy_documents` are merged the way Terraform does (by Sid); unknown
 * ones are left out, so the result holds the statements we can vouch for.
 */
export function buildPolicyDocument(body: ObjectVal, blockSpan: Span): ObjectVal {
  const doc = new Map<string, Field>();
  const version = body.fields.get('version');
  if (version) put(doc, 'Version', version.value, version.keySpan);
  else put(doc, 'Version', str('2012-10-17', blockSpan, 'derived'));
  const id = body.fields.get('policy_id');
  if (id) put(doc, 'Id', id.value, id.keySpan);

  const stField = body.fields.get('statement');
  let statements: Val;
  if (!stField) statements = list([], blockSpan, 'derived');
  else if (stField.value.kind === 'unknown') statements = stField.value;
  else statements = list(asList(stField.value).map((s) => buildStatement(s)), stField.value.span ?? blockSpan, 'explicit');
  if (statements.kind === 'list') statements = mergeDocuments(statements, body);
  const f: Field = { key: 'Statement', value: statements };
  if (stField?.keySpan) f.keySpan = stField.keySpan;
  doc.set('Statement', f);
  return { kind: 'object', fields: doc, origin: 'derived', span: blockSpan };
}

function buildStatement(s: Val): Val {
  if (s.kind !== 'object') return s;
  const out = new Map<string, Field>();
  for (const [hcl, json] of STATEMENT_KEYS) {
    const f = s.fields.get(hcl);
    if (f) put(out, json, f.value, f.keySpan);
    // Terraform's default effect; marked derived (not written) and placed on the statement block.
    else if (hcl === 'effect') put(out, 'Effect', str('Allow', s.span, 'derived'));
  }
  for (const [hcl, json] of [
    ['principals', 'Principal'],
    ['not_principals', 'NotPrincipal'],
  ] as const) {
    const f = s.fields.get(hcl);
    if (f) put(out, json, buildPrincipals(f.value), f.keySpan);
  }
  const c = s.fields.get('condition');
  if (c) put(out, 'Condition', buildConditions(c.value), c.keySpan);
  const st: ObjectVal = { kind: 'object', fields: out, origin: s.origin };
  if (s.span) st.span = s.span;
  return st;
}

function buildPrincipals(v: Val): Val {
  if (v.kind === 'unknown') return v;
  const blocks = asList(v);
  const byType = new Map<string, { keySpan?: Span; items: Val[]; span?: Span }>();
  for (const b of blocks) {
    if (b.kind !== 'object') return unknownFrom([b], 'principals block is not an object', b.span);
    const type = field(b, 'type');
    const ids = field(b, 'identifiers');
    if (!type || type.kind !== 'string' || !ids) return unknownFrom([type ?? b, ids ?? b], 'principal type is unknown', b.span);
    // Terraform renders `type = "*"` as the bare wildcard principal `"Principal": "*"`.
    if (type.value === '*') {
      const idList = asList(ids);
      const star = idList.find((i) => i.kind === 'string' && i.value === '*');
      return star ?? str('*', type.span, type.origin === 'explicit' ? 'explicit' : 'derived');
    }
    const entry = byType.get(type.value) ?? { items: [] };
    if (!entry.keySpan && type.span) entry.keySpan = type.span;
    if (!entry.span && ids.span) entry.span = ids.span;
    if (ids.kind === 'unknown') return ids;
    entry.items.push(...asList(ids));
    byType.set(type.value, entry);
  }
  const fields = new Map<string, Field>();
  for (const [t, e] of byType) put(fields, t, list(e.items, e.span, 'explicit'), e.keySpan);
  const o: ObjectVal = { kind: 'object', fields, origin: 'explicit' };
  if (v.span) o.span = v.span;
  return o;
}

function buildConditions(v: Val): Val {
  if (v.kind === 'unknown') return v;
  const byTest = new Map<string, { keySpan?: Span; fields: Map<string, Field> }>();
  for (const b of asList(v)) {
    if (b.kind !== 'object') return unknownFrom([b], 'condition block is not an object', b.span);
    const test = field(b, 'test');
    const variable = field(b, 'variable');
    const values = field(b, 'values');
    if (!test || test.kind !== 'string' || !variable || variable.kind !== 'string' || !values) {
      return unknownFrom([test ?? b, variable ?? b, values ?? b], 'condition is not fully known', b.span);
    }
    const entry = byTest.get(test.value) ?? { fields: new Map<string, Field>() };
    if (!entry.keySpan && test.span) entry.keySpan = test.span;
    const existing = entry.fields.get(variable.value);
    // Two blocks with the same test and key: Terraform merges their values.
    if (existing && existing.value.kind === 'list' && values.kind === 'list') {
      put(entry.fields, variable.value, list([...existing.value.items, ...values.items], existing.value.span, 'explicit'), existing.keySpan);
    } else put(entry.fields, variable.value, values, variable.span);
    byTest.set(test.value, entry);
  }
  const fields = new Map<string, Field>();
  for (const [t, e] of byTest) put(fields, t, { kind: 'object', fields: e.fields, origin: 'explicit' }, e.keySpan);
  const o: ObjectVal = { kind: 'object', fields, origin: 'explicit' };
  if (v.span) o.span = v.span;
  return o;
}

function statementsOf(doc: Val): Val[] {
  const json = doc.kind === 'string' ? doc.json : undefined;
  const st = field(json, 'Statement');
  return st && st.kind !== 'unknown' ? asList(st) : [];
}

function sidOf(st: Val): string | undefined {
  const sid = field(st, 'Sid');
  return sid?.kind === 'string' && sid.value !== '' ? sid.value : undefined;
}

/** Source documents come first and are replaced by same-Sid statements here; overrides replace by Sid or append. */
function mergeDocuments(own: ListVal, body: ObjectVal): ListVal {
  const sources = body.fields.get('source_policy_documents')?.value;
  const overrides = body.fields.get('override_policy_documents')?.value;
  if (!sources && !overrides) return own;
  let result: Val[] = [];
  for (const d of sources?.kind === 'list' ? sources.items : []) result.push(...statementsOf(d));
  const upsert = (st: Val) => {
    const sid = sidOf(st);
    const at = sid === undefined ? -1 : result.findIndex((r) => sidOf(r) === sid);
    if (at === -1) result.push(st);
    else result[at] = st;
  };
  own.items.forEach(upsert);
  for (const d of overrides?.kind === 'list' ? overrides.items : []) statementsOf(d).forEach(upsert);
  result = result.slice(0, 1000);
  return { ...own, items: result };
}
