// adapt: source resources (either format) → the normalized model.
import { GENERIC_KINDS } from '../model/aws';
import type { KindSpec } from '../model/kind';
import type { ModelResource } from '../model/resource';
import type { SourceFormat, SourceResource } from '../source';
import { AdaptContext } from './context';
import { buildKind } from './generic';
import { adaptS3Terraform } from './terraform/aws/s3';
import { adaptS3CloudFormation } from './cloudformation/aws/s3';
import { adaptSecurityGroupsTerraform } from './terraform/aws/vpc';
import { adaptSecurityGroupsCloudFormation } from './cloudformation/aws/vpc';

/**
 * Declarative kinds by format and source type, in GENERIC_KINDS order, built on first use: a resource is of a kind
 * when its type is listed under its format in that kind's spec.
 */
let kindsByType: Record<SourceFormat, Map<string, KindSpec[]>> | undefined;
function kindsFor(src: SourceResource): readonly KindSpec[] {
  if (!kindsByType) {
    kindsByType = { terraform: new Map(), cloudformation: new Map() };
    for (const spec of GENERIC_KINDS) {
      for (const format of ['terraform', 'cloudformation'] as const) {
        const byType = kindsByType[format];
        for (const t of spec[format]) {
          const list = byType.get(t);
          if (!list) byType.set(t, [spec]);
          else if (!list.includes(spec)) list.push(spec);
        }
      }
    }
  }
  return kindsByType[src.format].get(src.type) ?? [];
}

export function adapt(resources: SourceResource[]): ModelResource[] {
  const ctx = new AdaptContext(resources);
  const out: ModelResource[] = [];
  for (const src of resources) {
    if (src.mode !== 'resource') continue;
    for (const spec of kindsFor(src)) out.push(buildKind(spec, src));
  }
  out.push(...adaptS3Terraform(ctx), ...adaptS3CloudFormation(ctx));
  out.push(...adaptSecurityGroupsTerraform(ctx), ...adaptSecurityGroupsCloudFormation(ctx));
  return out;
}
