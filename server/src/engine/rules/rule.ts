// The rule contract: metadata (data) + a check over the normalized model.
import type { ProjectConfig } from '../config';
import type { FixSpec } from '../fix/types';
import type { ModelResource, Value } from '../model/resource';
import type { SourceResource } from '../source';
import type { Severity, Span } from '../types';
import type { RuleMeta } from './meta';

export interface Report {
  resource: ModelResource;
  /** The offending value. Its span is used when it lies inside the resource; otherwise the resource header. */
  value?: Value<unknown>;
  /** Explicit location (e.g. one statement of a policy); overrides `value`'s span. */
  span?: Span;
  message: string;
  /** Per-finding severity when it differs from the rule's (e.g. an omitted setting with a safe AWS default). */
  severity?: Severity;
  fix?: FixSpec;
  related?: { span: Span; message: string }[];
}

export interface RuleContext {
  /** Model resources of one kind (`aws.s3.bucket`). */
  resources<T extends ModelResource = ModelResource>(kind: string): T[];
  readonly all: readonly ModelResource[];
  /** Every source resource, including data sources and provider blocks (type `provider.aws`). */
  readonly sources: readonly SourceResource[];
  readonly config?: ProjectConfig;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
