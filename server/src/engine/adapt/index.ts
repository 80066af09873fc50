// adapt: source resources (either format) → the normalized model.
import { GENERIC_KINDS } from '../model/aws';
import type { KindSpec } from '../model/kind';
import type { ModelResource } from '../model/resource';
import type { SourceResource } from '../source';
import { AdaptContext } from './context';
import { buildKind, matchesKind } from './generic';
import { adaptS3Terraform } from './terraform/aws/s3';
import { adaptS3CloudFormation } from './cloudformation/aws/s3';
import { adaptSecurityGroupsTerraform } from './terraform/aws/vpc';
import { adaptSecurityGroupsCloudFormation } from './cloudformation/aws/vpc';

/** Declarative kinds by source type and format, in GENERIC_KINDS order (built on first use). */
let kindsByType: Map<string, KindSpec[]> | undefined;
function kindsFor(src: SourceResource): readonly KindSpec[] {
  if (!kindsByType) {
    kindsByType = new Map();
    for (const spec of GENERIC_KINDS) {
      for (const t of spec.terraform) push(kindsByType, `terraform\u0000${t}`, spec);
      for (const t of spec.cloudformation) push(kindsByType, `cloudformation\u0000${t}`, spec);
    }
  }
  return kindsByType.get(`${src.format}\u0000${src.type}`) ?? [];
}
function push(map: Map<string, KindSpec[]>, key: string, spec: KindSpec): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(spec)) list.push(spec);
  } else map.set(key, [spec]);
}

export function adapt(resources: SourceResource[]): ModelResource[] {
  const ctx = new AdaptContext(resources);
  const out: ModelResource[] = [];
  for (const src of resources) {
    if (src.mode !== 'resource') continue;
    for (const spec of kindsFor(src)) if (matchesKind(spec, src)) out.push(buildKind(spec, src));
  }
  out.push(...adaptS3Terraform(ctx), ...adaptS3CloudFormation(ctx));
  out.push(...adaptSecurityGroupsTerraform(ctx), ...adaptSecurityGroupsCloudFormation(ctx));
  return out;
}
