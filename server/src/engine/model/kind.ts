// Declarative model kinds: most AWS resources are "these attributes, under these names in each format, with these
// defaults". A KindSpec says that once; the generic adapter (adapt/generic.ts) fills it from either format, and
// rules read typed Value fields. Resources that join several source resources get custom adapters on top.
import type { Val } from '../evaluate/value';
import type { PolicyDocument } from '../policy/document';
import type { SourceFormat } from '../source';
import type { ModelResource, Value, ValueSite } from './resource';

export type Path = (string | number)[];

interface FieldBase {
  /** Native path(s) in Terraform; the first is where a fix writes. Absent: the format has no such attribute. */
  terraform?: Path | Path[];
  cloudformation?: Path | Path[];
  /** One sentence: what it controls (shown in hovers next to the knowledge base). */
  doc?: string;
}

export interface ScalarField<T> extends FieldBase {
  type: T extends boolean ? 'bool' : T extends number ? 'number' : 'string';
  /** What applies when absent; per-format overrides when the formats' defaults differ. */
  default?: { value: T; reason: string };
  defaults?: Partial<Record<SourceFormat, { value: T; reason: string }>>;
}
export interface BoolField extends FieldBase {
  type: 'bool';
  default?: { value: boolean; reason: string };
  defaults?: Partial<Record<SourceFormat, { value: boolean; reason: string }>>;
}
export interface StringField extends FieldBase {
  type: 'string';
  default?: { value: string; reason: string };
  defaults?: Partial<Record<SourceFormat, { value: string; reason: string }>>;
}
export interface NumberField extends FieldBase {
  type: 'number';
  default?: { value: number; reason: string };
  defaults?: Partial<Record<SourceFormat, { value: number; reason: string }>>;
}
/** A list of strings (CIDRs, ARNs…). */
export interface StringsField extends FieldBase {
  type: 'strings';
}
/** An evaluated structure kept as is. */
export interface RawField extends FieldBase {
  type: 'raw';
}
/** An IAM policy document (JSON string, jsonencode, object, or policy-document data source). */
export interface PolicyField extends FieldBase {
  type: 'policy';
}
/** Repeated nested blocks / list of objects, each read with its own field specs. */
export interface ItemsField extends FieldBase {
  type: 'items';
  fields: Record<string, FieldSpec>;
}

export type FieldSpec = BoolField | StringField | NumberField | StringsField | RawField | PolicyField | ItemsField;

export interface PolicyValue {
  value: Value<Val>;
  /** Undefined when absent. */
  document?: PolicyDocument;
}

export interface Item<F extends Record<string, FieldSpec>> {
  /** Where the item is (the list element), for reporting and fixes. */
  site: ValueSite;
  span?: Value<unknown>['span'];
  index: number;
  f: Fields<F>;
}

export type FieldValue<S extends FieldSpec> = S extends BoolField
  ? Value<boolean>
  : S extends NumberField
    ? Value<number>
    : S extends StringField
      ? Value<string>
      : S extends StringsField
        ? { items: Value<string>[]; value: Value<Val> }
        : S extends PolicyField
          ? PolicyValue
          : S extends ItemsField
            ? { items: Item<S['fields']>[]; value: Value<Val> }
            : Value<Val>;

export type Fields<F extends Record<string, FieldSpec>> = { [K in keyof F]: FieldValue<F[K]> };

export interface KindSpec<F extends Record<string, FieldSpec> = Record<string, FieldSpec>> {
  kind: string;
  /** Source types that become this kind. */
  terraform: string[];
  cloudformation: string[];
  fields: F;
  /** Tag attribute, when the type takes tags. */
  tags?: { terraform?: Path; cloudformation?: Path };
  /** Built by a custom adapter (joins), not by the generic one. */
  custom?: true;
}

export interface KindResource<F extends Record<string, FieldSpec>> extends ModelResource {
  f: Fields<F>;
}

export function defineKind<F extends Record<string, FieldSpec>>(spec: KindSpec<F>): KindSpec<F> {
  return spec;
}
