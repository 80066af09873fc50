// adapt: source resources (either format) → the normalized model.
import { GENERIC_KINDS } from '../model/aws';
import type { ModelResource } from '../model/resource';
import type { SourceResource } from '../source';
import { AdaptContext } from './context';
import { buildKind, matchesKind } from './generic';
import { adaptS3Terraform } from './terraform/aws/s3';
import { adaptS3CloudFormation } from './cloudformation/aws/s3';
import { adaptSecurityGroupsTerraform } from './terraform/aws/vpc';
import { adaptSecurityGroupsCloudFormation } from './cloudformation/aws/vpc';

export function adapt(resources: SourceResource[]): ModelResource[] {
  const ctx = new AdaptContext(resources);
  const out: ModelResource[] = [];
  for (const src of resources) {
    for (const spec of GENERIC_KINDS) if (matchesKind(spec, src)) out.push(buildKind(spec, src));
  }
  out.push(...adaptS3Terraform(ctx), ...adaptS3CloudFormation(ctx));
  out.push(...adaptSecurityGroupsTerraform(ctx), ...adaptSecurityGroupsCloudFormation(ctx));
  return out;
}
