// Lookups the adapters share: resources by type and address, and "does this value point at that resource".
import type { Val } from '../evaluate/value';
import type { SourceResource } from '../source';

export class AdaptContext {
  private readonly byType = new Map<string, SourceResource[]>();
  private readonly byAddress = new Map<string, SourceResource>();

  constructor(readonly resources: SourceResource[]) {
    for (const r of resources) {
      if (r.mode !== 'resource') continue;
      const list = this.byType.get(r.type) ?? [];
      list.push(r);
      this.byType.set(r.type, list);
      this.byAddress.set(r.address, r);
    }
  }

  ofType(...types: string[]): SourceResource[] {
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  at(address: string): SourceResource | undefined {
    return this.byAddress.get(address);
  }
}

/** Address without an instance key: `aws_s3_bucket.b[0]` → `aws_s3_bucket.b`. */
export function baseAddress(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}

/**
 * Whether `val` (a companion's `bucket`, a rule's `security_group_id`, a CloudFormation `!Ref`) designates `target`:
 * by reference (`aws_s3_bucket.b.id`, `!Ref Bucket`, `!GetAtt SG.GroupId`) or by a known name equal to the
 * target's name attribute.
 */
export function designates(val: Val | undefined, target: SourceResource, knownName?: string): boolean {
  if (!val) return false;
  const refs = val.refs ?? [];
  const tBase = baseAddress(target.address);
  for (const ref of refs) {
    if (ref.address === target.address || ref.address === tBase) return true;
  }
  if (knownName !== undefined && val.kind === 'string' && val.value === knownName) return true;
  return false;
}
