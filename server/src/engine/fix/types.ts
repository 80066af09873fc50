// Fixes as rules describe them: against the model ("set this field", "add this resource"), not as text.
import type { ValueSite } from '../model/resource';
import type { SourceResource } from '../source';
import type { Span } from '../types';

/** A value to write. `$expr` is a raw expression per format; `$placeholder` is a value only the user knows. */
export type FixValue =
  | string
  | number
  | boolean
  | FixValue[]
  | { [key: string]: FixValue }
  | { $expr: { terraform?: string; yaml?: string; json?: unknown } }
  | { $placeholder: string }
  /** An object-valued attribute (`tags = { … }` in HCL, where a plain object would become a nested block). */
  | { $attr: { [key: string]: FixValue } };

export type FixAction =
  /** Set the attribute at a native path, creating missing parent blocks/mappings. */
  | { type: 'set'; site: ValueSite; value: FixValue }
  /** Add a new Terraform block right after `after` (text is HCL; `$placeholder` markers as in `placeholder()`). */
  | { type: 'insertAfter'; after: SourceResource; text: string }
  /** Replace a span with text. */
  | { type: 'replace'; span: Span; text: string };

export interface FixSpec {
  title: string;
  actions: FixAction[];
}

/** Marks a placeholder inside free text given to `insertAfter`; writers turn it into a snippet tab stop. */
export function placeholder(text: string): string {
  return `\u0000${text}\u0000`;
}

export function isExpr(v: FixValue): v is { $expr: { terraform?: string; yaml?: string; json?: unknown } } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && '$expr' in v;
}

export function isAttrObject(v: unknown): v is { $attr: { [key: string]: FixValue } } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && '$attr' in v;
}

export function isPlaceholder(v: FixValue): v is { $placeholder: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && '$placeholder' in v;
}
