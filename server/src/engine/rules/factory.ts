// Most rules say "this attribute of this kind must (not) be that". attributeRule writes the check, the message,
// the location and the fix once; the rule file then holds metadata and the predicate.
import type { FixValue } from '../fix/types';
import type { FieldSpec, KindResource, KindSpec } from '../model/kind';
import type { Value } from '../model/resource';
import type { Severity } from '../types';
import type { RuleMeta } from './meta';
import { defineRule, type Rule, type RuleContext } from './rule';

type ScalarKeys<F extends Record<string, FieldSpec>> = { [K in keyof F]: F[K]['type'] extends 'bool' | 'string' | 'number' ? K : never }[keyof F];
type ScalarOf<S> = S extends { type: 'bool' } ? boolean : S extends { type: 'number' } ? number : string;

export interface AttributeRuleOptions<F extends Record<string, FieldSpec>, K extends ScalarKeys<F>> {
  meta: RuleMeta;
  kind: KindSpec<F>;
  field: K;
  /** True when the known value is insecure. Unknown values are never passed here. */
  insecure: (value: ScalarOf<F[K]>, resource: KindResource<F>) => boolean;
  /** The secure value a quick fix writes; omit when no safe value exists. A `$placeholder` makes the fix ask for input. */
  fix?: FixValue | ((resource: KindResource<F>) => FixValue | undefined);
  /** What the finding says after "<attribute> is …:" / "<attribute> is not set:"; a function words it for the value. */
  consequence: string | ((value: ScalarOf<F[K]>) => string);
  /** Resources the rule does not apply to (e.g. asymmetric keys). */
  skip?: (resource: KindResource<F>) => boolean;
  /** Severity when the attribute is absent and the provider default is what is insecure. */
  severityWhenOmitted?: Severity;
}

/** The attribute's native name in the resource's format (last path segment), for messages and fix titles. */
export function nativeName(spec: FieldSpec, format: 'terraform' | 'cloudformation'): string {
  const p = format === 'terraform' ? spec.terraform : spec.cloudformation;
  if (!p) return '(not available)';
  const path = (Array.isArray(p[0]) ? p[0] : p) as (string | number)[];
  const last = [...path].reverse().find((s) => typeof s === 'string');
  return String(last ?? '');
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
}

export function attributeRule<F extends Record<string, FieldSpec>, K extends ScalarKeys<F>>(o: AttributeRuleOptions<F, K>): Rule {
  return defineRule({
    meta: o.meta,
    check(ctx: RuleContext) {
      for (const r of ctx.resources<KindResource<F>>(o.kind.kind)) {
        if (o.skip?.(r)) continue;
        const v = r.f[o.field] as unknown as Value<ScalarOf<F[K]>>;
        if (v.origin === 'unknown' || v.value === undefined) continue;
        if (!o.insecure(v.value, r)) continue;
        const name = nativeName(o.kind.fields[o.field]!, r.source.format);
        const to = typeof o.fix === 'function' ? o.fix(r) : o.fix;
        const consequence = typeof o.consequence === 'function' ? o.consequence(v.value) : o.consequence;
        ctx.report({
          resource: r,
          value: v,
          severity: v.origin === 'default' ? o.severityWhenOmitted : undefined,
          message: v.origin === 'default' ? `${name} is not set (${v.reason ?? 'default'}): ${consequence}` : `${name} is ${show(v.value)}: ${consequence}`,
          fix:
            to !== undefined && v.site
              ? { title: typeof to === 'object' && to !== null && '$placeholder' in to ? `Set ${name} (enter a value)` : `Set ${name} to ${show(to)}`, actions: [{ type: 'set', site: v.site, value: to }] }
              : undefined,
        });
      }
    },
  });
}
