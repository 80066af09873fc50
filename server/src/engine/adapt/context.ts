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

/**
 * Companions indexed by what they designate (see designates()), for joins that would otherwise test every companion
 * against every target: quadratic in a module with thousands of buckets and their companion resources.
 */
export class DesignationIndex<T> {
  private readonly byRef = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();

  constructor(
    private readonly items: readonly T[],
    valOf: (item: T) => Val | undefined,
  ) {
    items.forEach((item, i) => {
      const val = valOf(item);
      if (!val) return;
      for (const ref of val.refs ?? []) add(this.byRef, ref.address, i);
      if (val.kind === 'string') add(this.byName, val.value, i);
    });
  }

  /** The items that designate `target`, in their list order: `items.filter((i) => designates(valOf(i), target, knownName))`. */
  for(target: SourceResource, knownName?: string): T[] {
    const base = baseAddress(target.address);
    const lists = [this.byRef.get(target.address), base !== target.address ? this.byRef.get(base) : undefined, knownName !== undefined ? this.byName.get(knownName) : undefined].filter((l) => l !== undefined);
    // One list is already in order and without repeats; several are merged back into list order.
    const at = lists.length === 1 ? lists[0]! : [...new Set(lists.flat())].sort((x, y) => x - y);
    return at.map((i) => this.items[i]!);
  }

  /** Whether any item designates `target`. */
  has(target: SourceResource, knownName?: string): boolean {
    const base = baseAddress(target.address);
    return this.byRef.has(target.address) || (base !== target.address && this.byRef.has(base)) || (knownName !== undefined && this.byName.has(knownName));
  }
}

function add(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}
