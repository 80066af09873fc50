// Evaluated values: the common currency between the Terraform and CloudFormation evaluators and the adapters.
// Every value knows where it was written and how it got there, so findings land on the right text and
// hovers can tell the story ("variable default → terraform.tfvars line 3").
import type { Span } from '../types';

/**
 * - `explicit`: written literally at the use site.
 * - `derived`: computed from variables, locals, parameters, functions…; `via` holds the chain of spans.
 * - `default`: absent; the provider default applies (produced by the model layer, never by evaluators).
 * - `unknown`: cannot be known statically (data source, apply-time attribute, remote module, unresolvable).
 */
export type Origin = 'explicit' | 'default' | 'derived' | 'unknown';

/** A reference from a value to another resource (`aws_s3_bucket.logs.id`, `!Ref LogsBucket`, `!GetAtt Key.Arn`). */
export interface ResourceRef {
  /** Address as used in SourceResource.address (Terraform: `aws_s3_bucket.logs`, with module prefix; CFN: logical id). */
  address: string;
  /** Attribute path read from it (`id`, `arn`, `Arn`), if any. */
  attribute?: string;
}

interface ValBase {
  /**
   * Where the value is written. For a value that flowed through a reference (`var.x`, `local.y`, `!Ref P`)
   * this is the expression at the use site (inside the resource), and `via` tells where it came from.
   * Values nested inside a derived object keep the spans where they were written (e.g. inside `locals`).
   */
  span?: Span;
  origin: Origin;
  /**
   * Derivation chain for `derived` values: the definitions the value passed through, from the use site
   * outward; the last entry is where the literal was finally written (variable default, tfvars line, Parameter Default).
   */
  via?: Span[];
  /** Resources this value refers to (set on unknown values from references, and on strings interpolating them). */
  refs?: ResourceRef[];
}

export interface StringVal extends ValBase {
  kind: 'string';
  value: string;
  /** When the string was produced by jsonencode() or is JSON text, the parsed structure with spans (for policies). */
  json?: Val;
}
export interface NumberVal extends ValBase {
  kind: 'number';
  value: number;
}
export interface BoolVal extends ValBase {
  kind: 'bool';
  value: boolean;
}
export interface NullVal extends ValBase {
  kind: 'null';
}
export interface ListVal extends ValBase {
  kind: 'list';
  items: Val[];
}
export interface Field {
  key: string;
  keySpan?: Span;
  value: Val;
}
export interface ObjectVal extends ValBase {
  kind: 'object';
  /** Insertion-ordered. Repeated HCL blocks of one type appear as one field whose value is a list of objects. */
  fields: Map<string, Field>;
  /** True when this object came from an HCL block (`versioning { … }`) rather than an `= { … }` expression. */
  block?: boolean;
}
export interface UnknownVal extends ValBase {
  kind: 'unknown';
  /** Short human reason: `data source`, `apply-time attribute aws_kms_key.k.arn`, `parameter without default`. */
  reason?: string;
}

export type Val = StringVal | NumberVal | BoolVal | NullVal | ListVal | ObjectVal | UnknownVal;

export function unknown(reason?: string, span?: Span, refs?: ResourceRef[]): UnknownVal {
  const v: UnknownVal = { kind: 'unknown', origin: 'unknown' };
  if (reason !== undefined) v.reason = reason;
  if (span) v.span = span;
  if (refs && refs.length) v.refs = refs;
  return v;
}

export function isKnown(v: Val | undefined): v is Exclude<Val, UnknownVal> {
  return v !== undefined && v.kind !== 'unknown';
}

/** Field of an object value; undefined when absent or when `v` is not an object. */
export function field(v: Val | undefined, key: string): Val | undefined {
  return v?.kind === 'object' ? v.fields.get(key)?.value : undefined;
}

/** HCL blocks may repeat (list) or not (object); CloudFormation lists hold objects. This treats both alike. */
export function asList(v: Val | undefined): Val[] {
  if (!v) return [];
  if (v.kind === 'list') return v.items;
  if (v.kind === 'null') return [];
  return [v];
}

/** Plain JavaScript value (for tests and simple comparisons); unknown becomes undefined. */
export function toPlain(v: Val | undefined): unknown {
  if (!v) return undefined;
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return v.value;
    case 'null':
      return null;
    case 'list':
      return v.items.map(toPlain);
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, f] of v.fields) o[k] = toPlain(f.value);
      return o;
    }
    case 'unknown':
      return undefined;
  }
}
